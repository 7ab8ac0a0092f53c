package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LectureExportAndParametersTest {
    static {
        HeadlessFx.useJavaFxHeadless();
    }

    private LectureView view;

    @Start
    void start(Stage stage) throws Exception {
        Lesson lesson = LessonFile.load(Path.of("samples/lessons/classic-examples.json"), LessonSources.NONE);
        view = new LectureView(new LectureModel(lesson), LessonSources.NONE);
        new Scene(view, 1920, 1080);
    }

    @Test
    void exportsTheFrameAsPngAndTheSequenceAsGifAndPngSeries(FxRobot robot, @TempDir Path dir) throws Exception {
        int[] counts = new int[2];
        robot.interact(() -> {
            try {
                view.model().jumpTo(4);
                FrameExport.png(view, dir.resolve("frame.png"));
                counts[0] = FrameExport.gif(view, dir.resolve("steps.gif"), 400);
                counts[1] = FrameExport.series(view, dir.resolve("series"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(10, counts[0], "start and the 9 output cells");
        assertEquals(4, view.model().stepper().position(), "the view ends where it started");
        assertTrue(ImageIO.read(dir.resolve("frame.png").toFile()).getWidth() > 1000);
        try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("steps.gif").toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(10, reader.getNumImages(true));
        }
        assertTrue(Files.exists(dir.resolve("series").resolve("step-009.png")));
    }

    @Test
    void parametersThatDoNotFitAreExplainedOnScreen(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 0; i < 3; i++) view.model().nextFrame();
            view.applyCss(); // the parameters sit in a scroll pane, whose content is found once it has its skin
        });
        assertEquals("Stride 1", robot.from(view).lookup(".frame-title").queryAs(Label.class).getText());
        @SuppressWarnings("unchecked")
        Spinner<Integer> stride = robot.from(view).lookup(".parameters-grid .spinner").nth(2).queryAs(Spinner.class);
        robot.interact(() -> stride.getValueFactory().setValue(3));
        Label explanation = robot.from(view).lookup(".explanation").queryAs(Label.class);
        assertTrue(explanation.getText().contains("not a whole number"), explanation.getText());
        assertTrue(explanation.getStyleClass().contains("problem"));
        robot.interact(() -> stride.getValueFactory().setValue(0));
        assertTrue(explanation.getText().contains("stride must be at least 1"), explanation.getText());
        robot.interact(() -> stride.getValueFactory().setValue(2));
        assertEquals(9, view.model().stepper().count());
        assertTrue(((ConvStepper) view.model().stepper()).problem().isEmpty());
    }
}
