package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.Stepper;
import org.convscope.ui.lecture.diagram.Diagram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives a shipped lesson from the keyboard, headless, from its first step to its last and back. */
@ExtendWith(ApplicationExtension.class)
class LectureKeyboardTest {
    static {
        HeadlessFx.useJavaFxHeadless();
    }

    private Lesson lesson;
    private LectureView view;

    @Start
    void start(Stage stage) throws Exception {
        lesson = LessonFile.load(Path.of("samples/lessons/layers-after-convolution.json"), LessonSources.NONE);
        view = new LectureView(new LectureModel(lesson), LessonSources.NONE);
        // The headless screen is 1000×1000, so the window stays below that.
        stage.setScene(new Scene(view, 960, 720));
        stage.show();
        view.requestFocus();
    }

    private LectureModel model() {
        return view.model();
    }

    @Test
    void rightArrowWalksTheWholeLessonAndLeftArrowWalksBack(FxRobot robot) {
        int steps = 0;
        for (var f : lesson.frames()) steps += f.stepper().count();
        int presses = steps + lesson.size() - 1;
        for (int i = 0; i < presses; i++) robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(lesson.size() - 1, model().frameIndexProperty().get());
        assertTrue(model().stepper().atEnd());
        assertEquals("Softmax", robot.lookup(".frame-title").queryAs(Label.class).getText());
        robot.type(KeyCode.RIGHT);
        assertTrue(model().stepper().atEnd(), "the last step stays the last");
        for (int i = 0; i < presses; i++) robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model().frameIndexProperty().get());
        assertEquals(lesson.frame(0), model().frame(), "back to exactly the first state");
    }

    @Test
    void predictThenRevealHidesTheNextValueUntilTheNextKey(FxRobot robot) {
        robot.type(KeyCode.P);
        robot.type(KeyCode.RIGHT);
        assertTrue(model().concealedProperty().get());
        String explanation = robot.lookup(".explanation").queryAs(Label.class).getText();
        assertEquals("out[1, 1] = max(0, −3) = ?", explanation);
        assertEquals(List.of("?"), DiagramClicks.texts(view.diagram(), "current"), "the output cell asks, uncoloured");
        assertEquals("out[1, 1] = max(0, −3) = ?", DiagramClicks.texts(view.diagram(), "sum").getFirst());
        robot.type(KeyCode.RIGHT);
        assertFalse(model().concealedProperty().get());
        assertEquals(1, model().stepper().position());
        assertEquals(List.of("0"), DiagramClicks.texts(view.diagram(), "current"), "relu(−3) = 0");
    }

    @Test
    void spacePlaysPlusMinusChangeSpeedHomeResets(FxRobot robot) {
        double speed = model().speedProperty().get();
        robot.type(KeyCode.ADD);
        assertTrue(model().speedProperty().get() > speed);
        robot.type(KeyCode.SUBTRACT);
        robot.type(KeyCode.SUBTRACT);
        assertTrue(model().speedProperty().get() < speed);
        robot.type(KeyCode.SPACE);
        assertTrue(model().isPlaying());
        // Wait for the first step only: at this speed the frame cannot run to its end (which stops playing) before
        // the second space, even on a loaded machine.
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> model().stepper().position() > 0);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("playing did not move on within 10 s", e);
        }
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model().isPlaying());
        Stepper<?> s = model().stepper();
        assertTrue(s.position() > 0, "playing moved on");
        robot.type(KeyCode.HOME);
        assertEquals(0, model().stepper().position());
    }

    @Test
    void clickingAnOutputCellJumpsThere(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        List<Diagram.Click> outputs = DiagramClicks.hits(view.diagram(), Diagram.Click.class);
        assertEquals(16, outputs.size(), "one per cell of the 4×4 output");
        robot.clickOn(DiagramClicks.screen(view.diagram(), outputs.get(9)));
        assertEquals(10, model().stepper().position());
    }

    @Test
    void zoomEnlargesTheDiagramAndProjectorModeGivesItTheScreen(FxRobot robot) {
        double fit = view.diagram().scale();
        robot.type(KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.5 * fit, view.diagram().scale(), 1e-6, "Z enlarges the diagram, not the panels");
        robot.type(KeyCode.Z, KeyCode.Z, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fit, view.diagram().scale(), 1e-6, "the fourth Z fits it again");
        double height = view.diagram().getHeight();
        robot.type(KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.isProjector());
        assertTrue(view.getBottom() == null && view.getRight() == null, "no controls, no panel");
        assertTrue(view.diagram().getHeight() > height, "the diagram takes the controls' room");
        assertTrue(view.diagram().scale() >= fit);
        robot.type(KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.isProjector());
    }

    @Test
    void themesSwitchWithTAndC(FxRobot robot) {
        assertTrue(view.getStyleClass().contains("dark"), "dark like the rest of the app");
        robot.type(KeyCode.T);
        assertTrue(view.getStyleClass().contains("light"));
        assertFalse(view.getStyleClass().contains("dark"));
        robot.type(KeyCode.C);
        assertTrue(view.getStyleClass().containsAll(List.of("light", "high-contrast")));
        robot.type(KeyCode.T, KeyCode.C);
        assertEquals(List.of("dark"), view.themeClasses());
    }
}
