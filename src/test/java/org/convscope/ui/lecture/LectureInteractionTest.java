package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.convscope.engine.Dims;
import org.convscope.lecture.ConvStep;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.DatasetLessonSources;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Kernel cells typed in, exports to a chosen place, and every kind of input, driven as a user would. */
@ExtendWith(ApplicationExtension.class)
class LectureInteractionTest {
    static {
        HeadlessFx.useJavaFxHeadless();
    }

    private LectureView view;

    @Start
    void start(Stage stage) throws Exception {
        float[] drawing = new float[28 * 28];
        for (int i = 0; i < 28; i++) drawing[i * 28 + i] = 1; // a diagonal stroke "drawn in the explorer"
        LessonSources sources = new DatasetLessonSources(() -> drawing);
        Lesson lesson = LessonFile.load(Path.of("samples/lessons/classic-examples.json"), sources);
        view = new LectureView(new LectureModel(lesson), sources);
        // The headless screen is 1000×1000, so the window stays below that.
        stage.setScene(new Scene(view, 960, 720));
        stage.show();
        view.requestFocus();
    }

    private ConvStepper conv() {
        return (ConvStepper) view.model().stepper();
    }

    @Test
    void aKernelCellTypedInChangesTheFilterAndTheOutput(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        assertEquals(4, conv().current().orElseThrow().total(), "the classic first cell");
        NumberGrid kernel = robot.lookup(".number-grid").nth(1).queryAs(NumberGrid.class);
        robot.clickOn(kernel.lookupAll(".cell").stream().findFirst().orElseThrow());
        assertNotNull(kernel.editor(), "a click opens an editor on the cell");

        robot.interact(() -> kernel.editor().setText("abc"));
        robot.type(KeyCode.ENTER);
        assertNotNull(kernel.editor(), "text that is no number stays to be corrected");
        assertTrue(kernel.editor().getStyleClass().contains("invalid"));
        Label problem = robot.lookup(".grid-caption.problem").queryAs(Label.class);
        assertTrue(problem.getText().contains("\"abc\" is not a number"), problem.getText());
        assertEquals(1, conv().setup().filters().getFirst().values()[0], "nothing changed");

        robot.interact(() -> kernel.editor().setText("−2"));
        robot.type(KeyCode.ENTER);
        assertNull(kernel.editor(), "Enter takes a number and closes the editor");
        assertEquals(-2, conv().setup().filters().getFirst().values()[0]);
        assertEquals(1, conv().position(), "the same step, recomputed");
        ConvStep step = conv().current().orElseThrow();
        assertEquals(4 - 3, step.total(), "the window's top-left 1 now counts −2 instead of 1");
        assertTrue(robot.lookup(".cell.current").queryAs(Label.class).getText().equals("1"), "the output cell shows it");
        assertTrue(robot.lookup(".grid-caption.problem").tryQuery().isEmpty(), "the explanation is gone");

        robot.clickOn(kernel.lookupAll(".cell").stream().skip(1).findFirst().orElseThrow());
        robot.interact(() -> kernel.editor().setText("7"));
        robot.type(KeyCode.ESCAPE);
        assertNull(kernel.editor());
        assertEquals(0, conv().setup().filters().getFirst().values()[1], "Escape cancels");
        robot.type(KeyCode.RIGHT);
        assertEquals(2, conv().position(), "the arrows step again once the editor is closed");
    }

    @Test
    void exportsGoWhereTheTargetSaysAndTheScreenSaysWhere(FxRobot robot, @TempDir Path dir) {
        robot.interact(() -> view.setExportTarget(ExportTarget.folder(dir)));
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT);
        robot.type(KeyCode.E);
        Path png = dir.resolve("frame-1-step-2.png");
        assertTrue(Files.exists(png));
        assertTrue(view.status().getText().contains(png.toAbsolutePath().toString()), view.status().getText());
        robot.type(KeyCode.G);
        assertTrue(Files.exists(dir.resolve("frame-1-step-2.gif")), view.status().getText());
        robot.type(KeyCode.S);
        assertTrue(Files.exists(dir.resolve("frame-1-step-2").resolve("step-009.png")), "S writes the PNG series");
        assertTrue(view.status().getText().contains("10 images"), view.status().getText());
        assertEquals(2, conv().position(), "exports come back to the step they started from");
        robot.interact(() -> view.setExportTarget((kind, name, owner) -> null));
        robot.type(KeyCode.E);
        assertTrue(view.status().getText().contains("PNG series"), "a cancelled dialog changes nothing");
    }

    @Test
    void anRgbImageIsThreeChannelsWithOneSumEach(FxRobot robot, @TempDir Path dir) throws Exception {
        BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) for (int x = 0; x < 20; x++) image.setRGB(x, y, x < 10 ? 0xFF0000 : 0x0000FF);
        Path file = dir.resolve("red-blue.png");
        ImageIO.write(image, "png", file.toFile());
        robot.interact(() -> parameters().useImageFile(file));
        assertEquals(new Dims(3, 8, 8), conv().setup().input().dims());
        assertEquals(255, conv().setup().input().at(0, 0, 0), "red on the left");
        assertEquals(255, conv().setup().input().at(2, 0, 7), "blue on the right");
        assertEquals(3, conv().setup().filters().getFirst().channels(), "filters follow the depth");
        robot.type(KeyCode.RIGHT);
        ConvStep step = conv().current().orElseThrow();
        assertEquals(3, robot.from(view).lookup(".grid-caption").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().startsWith("Σ")).count(), "one sum under each channel's products");
        String total = robot.lookup(".total").queryAs(Label.class).getText();
        assertTrue(total.matches(".+ \\+ .+ \\+ .+ \\+ bias .+ = .+"), total);
        assertEquals(step.channelSums()[0] + step.channelSums()[1] + step.channelSums()[2] + step.bias(), step.total());
        assertTrue(robot.lookup(".panel-message").queryAs(Label.class).getText().contains("3 channels"));

        Path broken = dir.resolve("broken.png");
        Files.writeString(broken, "not an image");
        robot.interact(() -> parameters().useImageFile(broken));
        Label message = robot.lookup(".panel-message").queryAs(Label.class);
        assertTrue(message.getText().startsWith("broken.png: "), message.getText());
        assertEquals(new Dims(3, 8, 8), conv().setup().input().dims(), "a bad file loses nothing");
    }

    @Test
    void typedMatrixTestDigitAndExplorerDrawingBecomeTheInput(FxRobot robot) {
        robot.interact(() -> robot.lookup(".parameters-panel .text-area").queryAs(TextArea.class).setText("1 2 3\n4 5 6\n7 8 9"));
        robot.interact(() -> button("Use typed matrix").fire());
        assertEquals(new Dims(1, 3, 3), conv().setup().input().dims());
        assertEquals(9, conv().setup().input().at(0, 2, 2));
        assertEquals(1, conv().count(), "3×3 input, 3×3 kernel: one position");

        robot.interact(() -> robot.lookup(".parameters-panel .text-area").queryAs(TextArea.class).setText("1 2\n3"));
        robot.interact(() -> button("Use typed matrix").fire());
        assertTrue(robot.lookup(".panel-message").queryAs(Label.class).getText().contains("expected 2"));
        assertEquals(new Dims(1, 3, 3), conv().setup().input().dims(), "a bad matrix loses nothing");

        robot.interact(() -> button("Test digit").fire());
        assertEquals(new Dims(1, 28, 28), conv().setup().input().dims());
        float ink = 0;
        for (float v : conv().setup().input().values()) ink += v;
        assertTrue(ink > 20, "test digit 0 has ink");

        robot.interact(() -> button("Explorer drawing").fire());
        assertEquals(new Dims(1, 28, 28), conv().setup().input().dims());
        assertEquals(1, conv().setup().input().at(0, 5, 5));
        assertEquals(0, conv().setup().input().at(0, 5, 6));
    }

    private ConvParametersPanel parameters() {
        return (ConvParametersPanel) view.lookup(".parameters-panel");
    }

    private Button button(String text) {
        List<Button> buttons = view.lookupAll(".parameters-panel .button").stream().filter(b -> b instanceof Button)
                .map(b -> (Button) b).filter(b -> text.equals(b.getText())).toList();
        assertEquals(1, buttons.size(), text);
        return buttons.getFirst();
    }
}
