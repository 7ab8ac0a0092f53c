package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.convscope.engine.Workspace;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.kernel.KernelSelection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Undo, export, a broken file, hovering a unit, live updates during a stroke: with the robot, headless. */
@ExtendWith(ApplicationExtension.class)
class ExplorerInteractionTest {
    private ExplorerFixture fx;

    @Start
    void start(Stage stage) throws Exception {
        fx = new ExplorerFixture(stage);
    }

    @AfterEach
    void close() {
        fx.view.close();
    }

    /** A touch event of finger {@code id} at raster point (x, y) of the canvas, as the platform would deliver it. */
    private javafx.scene.input.TouchEvent touch(javafx.event.EventType<javafx.scene.input.TouchEvent> type,
                                                javafx.scene.input.TouchPoint.State state, int id, float x, float y) {
        javafx.geometry.Point2D screen = fx.screen(x, y);
        Node canvas = fx.view.canvas();
        javafx.geometry.Point2D scene = canvas.localToScene(canvas.screenToLocal(screen));
        var point = new javafx.scene.input.TouchPoint(id, state, scene.getX(), scene.getY(), screen.getX(),
                screen.getY(), canvas, null);
        return new javafx.scene.input.TouchEvent(type, point, java.util.List.of(point), id, false, false, false, false);
    }

    @Test
    void aFingerDrawsAndASecondFingerDoesNot(FxRobot robot) throws Exception {
        Node canvas = fx.view.canvas();
        float[][] one = DigitStrokes.of(7).get(0); // a 7 in one stroke
        robot.interact(() -> {
            javafx.event.Event.fireEvent(canvas, touch(javafx.scene.input.TouchEvent.TOUCH_PRESSED,
                    javafx.scene.input.TouchPoint.State.PRESSED, 1, one[0][0] * 200 + 80, one[0][1] * 200 + 40));
            javafx.event.Event.fireEvent(canvas, touch(javafx.scene.input.TouchEvent.TOUCH_PRESSED,
                    javafx.scene.input.TouchPoint.State.PRESSED, 2, 260, 260)); // a palm in the corner
            for (int i = 1; i < one.length; i++) {
                for (int step = 1; step <= 10; step++) { // a finger reports its position many times along the way
                    float t = step / 10f;
                    float x = (one[i - 1][0] + t * (one[i][0] - one[i - 1][0])) * 200 + 80;
                    float y = (one[i - 1][1] + t * (one[i][1] - one[i - 1][1])) * 200 + 40;
                    javafx.event.Event.fireEvent(canvas, touch(javafx.scene.input.TouchEvent.TOUCH_MOVED,
                            javafx.scene.input.TouchPoint.State.MOVED, 1, x, y));
                }
            }
            javafx.event.Event.fireEvent(canvas, touch(javafx.scene.input.TouchEvent.TOUCH_RELEASED,
                    javafx.scene.input.TouchPoint.State.RELEASED, 1, one[one.length - 1][0] * 200 + 80,
                    one[one.length - 1][1] * 200 + 40));
        });
        fx.settle();
        assertEquals(7, fx.topGuess(), "the finger's stroke is a 7");
        float[] raster = fx.model.drawing().raster();
        int size = org.convscope.ui.explorer.draw.Drawing.SIZE;
        assertEquals(0f, raster[260 * size + 260], "the second finger drew nothing");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        fx.settle();
        float ink = 0;
        for (float v : fx.model.drawing().raster()) ink += v;
        assertEquals(0f, ink, "the finger's stroke is one stroke: undo removes it");
    }

    @Test
    void undoRestoresThePreviousPrediction(FxRobot robot) throws Exception {
        for (float[][] stroke : DigitStrokes.of(1)) fx.robotStroke(robot, stroke, 80, 40, 200);
        fx.settle();
        float[] before = probabilities();
        fx.robotStroke(robot, new float[][] {{0.1f, 0.5f}, {0.5f, 0.5f}, {0.9f, 0.5f}}, 80, 40, 200);
        fx.settle();
        assertNotEquals(before[1], probabilities()[1], "the extra stroke changed nothing");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        fx.settle();
        assertArrayEquals(before, probabilities(), "undo must give back exactly the previous prediction");
        assertEquals(1, fx.topGuess());
    }

    @Test
    void predictionUpdatesWhileTheStrokeIsBeingDrawn(FxRobot robot) throws Exception {
        robot.moveTo(fx.screen(140, 30));
        robot.press(MouseButton.PRIMARY);
        for (int y = 40; y <= 250; y += 30) robot.moveTo(fx.screen(140, y));
        fx.settle();
        boolean inked = WaitForAsyncUtils.asyncFx(() -> !fx.model.frameProperty().get().preprocessed().isEmpty()).get();
        robot.release(MouseButton.PRIMARY);
        assertTrue(inked, "before the button is released, the network already sees the stroke");
        fx.settle();
        assertEquals(1, fx.topGuess());
    }

    @Test
    void exportWritesAPngAtTwiceTheSize(@TempDir Path dir) throws Exception {
        fx.settle();
        Path file = dir.resolve("network.png");
        Bounds size = WaitForAsyncUtils.asyncFx(() -> {
            fx.view.export(ExplorerView.Panel.NETWORK, file);
            return fx.view.panel(ExplorerView.Panel.NETWORK).getBoundsInLocal(); // what is drawn, as a snapshot takes it
        }).get();
        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(Math.ceil(2 * size.getWidth()), png.getWidth(), 1);
        assertEquals(Math.ceil(2 * size.getHeight()), png.getHeight(), 1);
    }

    @Test
    void aBrokenImageIsReportedAndTheAppKeepsWorking(FxRobot robot, @TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.png");
        Files.write(broken, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0});
        WaitForAsyncUtils.asyncFx(() -> fx.model.openImage(broken)).get();
        javafx.scene.control.Label notice = robot.lookup("#" + ExplorerView.NOTICE_ID).queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, notice::isVisible);
        assertTrue(notice.getText().contains("broken.png"), notice.getText());
        Node toolbar = robot.lookup(".explorer-toolbar").query();
        assertTrue(toolbar.localToScene(toolbar.getLayoutBounds()).getMaxY()
                <= notice.localToScene(notice.getLayoutBounds()).getMinY(), "the notice is in the status line, below the tools");
        for (float[][] stroke : DigitStrokes.of(7)) fx.robotStroke(robot, stroke, 80, 40, 200);
        fx.settle();
        assertEquals(7, fx.topGuess());
    }

    @Test
    void hoveringAFeatureMapPixelSelectsThatUnitWithTheEnginesValue(FxRobot robot) throws Exception {
        for (float[][] stroke : DigitStrokes.of(7)) fx.robotStroke(robot, stroke, 80, 40, 200);
        fx.settle();
        WaitForAsyncUtils.asyncFx(() -> {
            fx.view.network().fitWidthProperty().set(false);
            fx.view.network().zoomProperty().set(1);
        }).get();
        WaitForAsyncUtils.waitForFxEvents(); // at 1:1 one value is 3×3 screen pixels
        robot.clickOn("#show-inspector"); // a window this narrow opens without it
        Node tile = robot.lookup("#tile-0-0").query(); // conv1, map 0
        Bounds b = tile.localToScreen(tile.getLayoutBounds());
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 14.5 / 28, b.getMinY() + b.getHeight() * 10.5 / 28));
        WaitForAsyncUtils.waitForFxEvents();
        UnitRef unit = WaitForAsyncUtils.asyncFx(() -> fx.model.selectedUnitProperty().get()).get();
        assertEquals(new UnitRef(0, 0, 10, 14), unit);
        Frame frame = WaitForAsyncUtils.asyncFx(() -> fx.model.frameProperty().get()).get();
        Workspace ws = new Workspace(fx.model.networkProperty().get(), KernelSelection.preferred(), 1);
        System.arraycopy(frame.snapshot().input(), 0, ws.input(), 0, frame.snapshot().input().length);
        ws.forward(1);
        float engine = ws.output(0)[10 * 28 + 14];
        assertEquals(engine, frame.snapshot().output(0)[10 * 28 + 14]);
        // The inspector shows that unit's arithmetic, ending in the engine's own value.
        String total = WaitForAsyncUtils.asyncFx(
                () -> robot.lookup("#inspector-total").queryAs(javafx.scene.control.Label.class).getText()).get();
        assertEquals(org.convscope.ui.explorer.inspector.InspectorFormat.value(engine), total);
    }

    private float[] probabilities() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> fx.model.frameProperty().get().probabilities()).get();
    }
}
