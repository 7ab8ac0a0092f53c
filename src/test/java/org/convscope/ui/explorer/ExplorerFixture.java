package org.convscope.ui.explorer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.convscope.ui.explorer.draw.Drawing;
import org.convscope.ui.view.PngExport;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer in a window for TestFX tests, with a robot that draws digits stroke by stroke. JavaFX's headless
 * platform has a 1000×1000 screen, so the window is smaller than the 1920×1080 of the screenshots (which render an
 * off-screen scene instead).
 */
final class ExplorerFixture {
    static final Path SNAPSHOTS = Path.of("target", "snapshots");

    final ExplorerModel model;
    final ExplorerView view;

    ExplorerFixture(Stage stage) throws Exception {
        model = ExplorerModel.withBundledModel();
        view = new ExplorerView(model);
        stage.setScene(new Scene(view, 990, 960));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    /** Waits until the frame on screen is the result of the newest drawing. */
    void settle() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(model::upToDate).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Draws one stroke of the digit with the robot's mouse, in canvas raster coordinates. */
    void robotStroke(FxRobot robot, float[][] stroke, float x, float y, float size) {
        robot.moveTo(screen(stroke[0][0] * size + x, stroke[0][1] * size + y), Motion.DIRECT);
        robot.press(MouseButton.PRIMARY);
        for (int i = 1; i < stroke.length; i++) {
            robot.moveTo(screen(stroke[i][0] * size + x, stroke[i][1] * size + y), Motion.DIRECT);
        }
        robot.release(MouseButton.PRIMARY);
    }

    /** A raster point of the canvas on the screen. */
    Point2D screen(float rasterX, float rasterY) {
        Node canvas = view.canvas();
        Bounds b = canvas.localToScreen(canvas.getLayoutBounds());
        double side = Math.min(b.getWidth(), b.getHeight()) - 2; // inside the 1 px border
        return new Point2D(b.getMinX() + 1 + rasterX * side / Drawing.SIZE, b.getMinY() + 1 + rasterY * side / Drawing.SIZE);
    }

    int topGuess() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> model.frameProperty().get().topClass()).get();
    }

    /** Renders a node (the whole scene for a scene's root) to target/snapshots/name.png at 1:1, for looking at. */
    static Path snapshot(Node node, String name) throws Exception {
        Files.createDirectories(SNAPSHOTS);
        Path file = SNAPSHOTS.resolve(name + ".png");
        WaitForAsyncUtils.asyncFx(() -> {
            if (node.getScene() != null && node.getScene().getRoot() == node) {
                for (int i = 0; i < 3; i++) { // an unshown scene gets no pulses: settle what depends on sizes (the zoom)
                    node.applyCss();
                    ((javafx.scene.Parent) node).layout();
                }
                PngExport.write(node.getScene().snapshot(null), file);
            }
            else PngExport.save(node, 1, file);
            return null;
        }).get();
        return file;
    }
}
