package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.convscope.engine.Dims;
import org.convscope.lecture.ConvStep;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.DatasetLessonSources;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.convscope.ui.lecture.diagram.Diagram;
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
    private Stage stage;
    private volatile Boolean testDigitReadOnFxThread;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        float[] drawing = new float[28 * 28];
        for (int i = 0; i < 28; i++) drawing[i * 28 + i] = 1; // a diagonal stroke "drawn in the explorer"
        LessonSources dataset = new DatasetLessonSources(() -> drawing);
        LessonSources sources = new LessonSources() {
            @Override
            public org.convscope.lecture.Volume testDigit(int index) {
                testDigitReadOnFxThread = javafx.application.Platform.isFxApplicationThread();
                return dataset.testDigit(index);
            }

            @Override
            public org.convscope.lecture.Volume explorerDrawing() {
                return dataset.explorerDrawing();
            }
        };
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

    private List<Diagram.Edit> edits() {
        return DiagramClicks.hits(view.diagram(), Diagram.Edit.class);
    }

    @Test
    void aKernelCellTypedInChangesTheFilterAndTheOutput(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        assertEquals(4, conv().current().orElseThrow().total(), "the classic first cell");
        robot.clickOn(DiagramClicks.screen(view.diagram(), edits().getFirst()));
        assertNotNull(view.diagram().editor(), "a click opens a field on the kernel's first cell");

        robot.interact(() -> view.diagram().editor().setText("abc"));
        robot.type(KeyCode.ENTER);
        assertNotNull(view.diagram().editor(), "text that is no number stays to be corrected");
        assertTrue(view.diagram().editor().getStyleClass().contains("invalid"));
        Label problem = view.diagram().editorProblem();
        assertTrue(problem.getText().contains("\"abc\" is not a number"), problem.getText());
        assertEquals(1, conv().setup().filters().getFirst().values()[0], "nothing changed");

        robot.interact(() -> view.diagram().editor().setText("−2"));
        robot.type(KeyCode.ENTER);
        assertNull(view.diagram().editor(), "Enter takes a number and closes the field");
        assertEquals(-2, conv().setup().filters().getFirst().values()[0]);
        assertEquals(1, conv().position(), "the same step, recomputed");
        ConvStep step = conv().current().orElseThrow();
        assertEquals(4 - 3, step.total(), "the window's top-left 1 now counts −2 instead of 1");
        assertEquals(List.of("1"), DiagramClicks.texts(view.diagram(), "current"), "the output cell shows it");
        String title = robot.lookup(".frame-title").queryAs(Label.class).getText();
        assertTrue(title.startsWith("Edited: "), "the lesson's title no longer holds: " + title);

        robot.clickOn(DiagramClicks.screen(view.diagram(), edits().get(1)));
        robot.interact(() -> view.diagram().editor().setText("7"));
        robot.type(KeyCode.ESCAPE);
        assertNull(view.diagram().editor());
        assertEquals(0, conv().setup().filters().getFirst().values()[1], "Escape cancels");
        robot.type(KeyCode.RIGHT);
        assertEquals(2, conv().position(), "the arrows step again once the field is closed");
    }

    /** Waits until the export's line over the frame says it is done. */
    private static void waitForSaved(LectureView view) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.status().getText().startsWith("Saved")
                    || view.status().getText().startsWith("Cannot"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the export did not end within 60 s: " + view.status().getText(), e);
        }
    }

    @Test
    void exportsRunInTheBackgroundGoWhereTheTargetSaysAndTheScreenSaysWhere(FxRobot robot, @TempDir Path dir)
            throws Exception {
        robot.interact(() -> view.setExportTarget(ExportTarget.folder(dir)));
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT);
        robot.type(KeyCode.E);
        waitForSaved(view);
        Path png = dir.resolve("frame-1-step-2.png");
        assertTrue(Files.exists(png), view.status().getText());
        assertTrue(view.status().getText().contains(png.toAbsolutePath().toString()), view.status().getText());
        robot.type(KeyCode.G);
        waitForSaved(view);
        Path gif = dir.resolve("frame-1-step-2.gif");
        assertTrue(view.status().getText().contains("(10 images)"), view.status().getText());
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(10, reader.getNumImages(true), "start and the 9 output cells");
        }
        robot.type(KeyCode.S);
        waitForSaved(view);
        assertTrue(Files.exists(dir.resolve("frame-1-step-2").resolve("step-009.png")), "S writes the PNG series");
        assertEquals(2, conv().position(), "the window never left its step");

        robot.interact(() -> {
            for (int i = 0; i < 7; i++) view.model().nextFrame(); // one 5×5×3 filter: 784 steps
            stage.setWidth(640); // 120 slides of the smallest size an export has
            stage.setHeight(480);
        });
        robot.type(KeyCode.S);
        waitForSaved(view);
        assertTrue(view.status().getText().contains("(sampled 120 of 785 steps)"), view.status().getText());
        assertTrue(Files.exists(dir.resolve("frame-8-step-0").resolve("step-119.png")));

        robot.interact(() -> view.setExportTarget((kind, name, owner) -> null));
        String before = view.status().getText();
        robot.type(KeyCode.E);
        assertEquals(before, view.status().getText(), "a cancelled dialog changes nothing");
    }

    private void openPanel(FxRobot robot) {
        robot.type(KeyCode.K);
        robot.interact(() -> view.applyCss()); // the panel sits in a scroll pane, whose content is found once it has its skin
    }

    @Test
    void anRgbImageIsThreeChannelsWithOneSumEach(FxRobot robot, @TempDir Path dir) throws Exception {
        openPanel(robot);
        BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) for (int x = 0; x < 20; x++) image.setRGB(x, y, x < 10 ? 0xFF0000 : 0x0000FF);
        Path file = dir.resolve("red-blue.png");
        ImageIO.write(image, "png", file.toFile());
        robot.interact(() -> parameters().useImageFile(file));
        awaitInput(new Dims(3, 8, 8)); // read in the background
        assertEquals(new Dims(3, 8, 8), conv().setup().input().dims());
        assertEquals(255, conv().setup().input().at(0, 0, 0), "red on the left");
        assertEquals(255, conv().setup().input().at(2, 0, 7), "blue on the right");
        assertEquals(3, conv().setup().filters().getFirst().channels(), "filters follow the depth");
        String caption = robot.lookup(".frame-caption").queryAs(Label.class).getText();
        assertTrue(caption.startsWith("Red-blue.png (its middle square at 8×8), 8×8×3"), caption);
        assertTrue(caption.contains("new channels repeat the first"), "the filter's G and B are its R: " + caption);
        robot.type(KeyCode.RIGHT);
        ConvStep step = conv().current().orElseThrow();
        List<String> sums = DiagramClicks.texts(view.diagram(), "sum");
        assertEquals(3, sums.stream().filter(t -> t.startsWith("Σ = ")).count(), "one sum beside each channel's products: " + sums);
        assertTrue(sums.stream().anyMatch(t -> t.matches("ΣR \\+ ΣG \\+ ΣB \\+ b = .+ \\+ .+ \\+ .+ \\+ .+ = .+")), sums.toString());
        assertEquals(step.channelSums()[0] + step.channelSums()[1] + step.channelSums()[2] + step.bias(), step.total());
        assertTrue(DiagramClicks.texts(view.diagram(), "label").containsAll(List.of("R", "G", "B")));

        Path broken = dir.resolve("broken.png");
        Files.writeString(broken, "not an image");
        robot.interact(() -> parameters().useImageFile(broken));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup(".parameters-panel .panel-message.problem").tryQuery().isPresent());
        Label message = robot.lookup(".parameters-panel .panel-message.problem").queryAs(Label.class);
        assertTrue(message.getText().startsWith("broken.png: "), message.getText());
        assertEquals(new Dims(3, 8, 8), conv().setup().input().dims(), "a bad file loses nothing");
        robot.interact(() -> view.model().nextFrame());
        assertEquals("", message.getText(), "the message does not follow the lecture to another frame");
    }

    @Test
    void typedMatrixTestDigitAndExplorerDrawingBecomeTheInput(FxRobot robot) throws Exception {
        openPanel(robot);
        robot.interact(() -> robot.lookup(".parameters-panel .text-area").queryAs(TextArea.class).setText("1 2 3\n4 5 6\n7 8 9"));
        robot.interact(() -> button("Use typed matrix").fire());
        assertEquals(new Dims(1, 3, 3), conv().setup().input().dims());
        assertEquals(9, conv().setup().input().at(0, 2, 2));
        assertEquals(1, conv().count(), "3×3 input, 3×3 kernel: one position");
        assertTrue(robot.lookup(".frame-caption").queryAs(Label.class).getText().startsWith("A typed matrix, 3×3×1"));

        robot.interact(() -> robot.lookup(".parameters-panel .text-area").queryAs(TextArea.class).setText("1 2\n3"));
        robot.interact(() -> button("Use typed matrix").fire());
        String message = robot.lookup(".panel-message.problem").queryAs(Label.class).getText();
        assertTrue(message.contains("expected 2"), message);
        assertEquals(new Dims(1, 3, 3), conv().setup().input().dims(), "a bad matrix loses nothing");

        robot.interact(() -> button("Test digit").fire());
        awaitInput(new Dims(1, 28, 28)); // the test set is read in the background on first use
        assertEquals(Boolean.FALSE, testDigitReadOnFxThread, "the test set is read off the FX thread");
        assertEquals(new Dims(1, 28, 28), conv().setup().input().dims());
        float ink = 0;
        for (float v : conv().setup().input().values()) ink += v;
        assertTrue(ink > 20, "test digit 0 has ink");

        robot.interact(() -> button("Explorer drawing").fire());
        assertEquals(new Dims(1, 28, 28), conv().setup().input().dims());
        assertEquals(1, conv().setup().input().at(0, 5, 5));
        assertEquals(0, conv().setup().input().at(0, 5, 6));
        String caption = robot.lookup(".frame-caption").queryAs(Label.class).getText();
        assertTrue(caption.startsWith("The explorer's drawing, 28×28×1"), caption);
        robot.type(KeyCode.RIGHT);
        assertEquals(9, DiagramClicks.texts(view.diagram(), "inset").size(), "the 3×3 numbers under the window, enlarged");
    }

    /** Waits until the convolution's input has these dimensions (an input read in the background). */
    private void awaitInput(Dims dims) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> conv().setup().input().dims().equals(dims)).get());
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
