package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
import org.testfx.util.WaitForAsyncUtils;

/** A frame exported at the window's size, in its theme; parameters that do not fit, explained on screen. */
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
    void aFrameIsExportedAtTheWindowsSizeInItsTheme(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> {
            view.setExportTarget(ExportTarget.folder(dir));
            view.setTheme(false, false);
            view.model().jumpTo(4);
            view.export(ExportKind.FRAME_PNG);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.status().getText().startsWith("Saved"));
        BufferedImage png = ImageIO.read(dir.resolve("frame-1-step-4.png").toFile());
        assertEquals(1920, png.getWidth());
        assertEquals(1080, png.getHeight(), "the frame alone fills the slide");
        assertEquals(0xFFFFFF, png.getRGB(2, 2) & 0xFFFFFF, "the light theme's page");
    }

    @Test
    void parametersThatDoNotFitAreExplainedOnScreen(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 0; i < 3; i++) view.model().nextFrame();
            view.togglePanel();
            view.applyCss(); // the parameters sit in a scroll pane, whose content is found once it has its skin
        });
        assertEquals("Stride 1", robot.from(view).lookup(".frame-title").queryAs(Label.class).getText());
        @SuppressWarnings("unchecked")
        Spinner<Integer> stride = robot.from(view).lookup(".parameters-grid .spinner").nth(2).queryAs(Spinner.class);
        robot.interact(() -> stride.getValueFactory().setValue(3));
        Label formula = robot.from(view).lookup(".formula").queryAs(Label.class);
        assertTrue(formula.getText().contains("not a whole number; frameworks round down: ⌊4/3⌋ + 1 = 2"), formula.getText());
        assertTrue(formula.getText().contains("ignore the last row and column"), formula.getText());
        assertEquals(4, view.model().stepper().count(), "2×2, as frameworks compute it");
        assertTrue(robot.from(view).lookup(".frame-title").queryAs(Label.class).getText().startsWith("Edited: "),
                "no longer \"Stride 1\"");
        robot.interact(() -> stride.getValueFactory().setValue(0));
        Label explanation = robot.from(view).lookup(".explanation").queryAs(Label.class);
        assertTrue(explanation.getText().contains("stride must be at least 1"), explanation.getText());
        assertTrue(explanation.getStyleClass().contains("problem"));
        robot.interact(() -> stride.getValueFactory().setValue(2));
        assertEquals(9, view.model().stepper().count());
        assertTrue(((ConvStepper) view.model().stepper()).problem().isEmpty());
    }
}
