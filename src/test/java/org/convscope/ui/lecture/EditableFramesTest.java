package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.convscope.lecture.DenseStepper;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.PoolStepper;
import org.convscope.lecture.SoftmaxStepper;
import org.convscope.ui.lecture.diagram.Diagram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Item 7 of the lecture issue: pooling, neuron and softmax frames can be edited on screen. A number is typed into a
 * cell of the shipped "after the convolution" lesson as a lecturer would (click, type, Enter), and what the frame then
 * draws is checked against the arithmetic done here by hand: the window's new maximum, the neuron's new Σ w·x + b,
 * softmax's new probabilities and bars; the pooling's kind changed in its panel retitles the frame.
 */
@ExtendWith(ApplicationExtension.class)
class EditableFramesTest {
    static {
        HeadlessFx.useJavaFxHeadless();
    }

    private LectureView view;

    @Start
    void start(Stage stage) throws Exception {
        Lesson lesson = LessonFile.load(Path.of("samples/lessons/layers-after-convolution.json"), LessonSources.NONE);
        view = new LectureView(new LectureModel(lesson), LessonSources.NONE);
        stage.setScene(new Scene(view, 960, 720));
        stage.show();
        view.requestFocus();
    }

    private List<Diagram.Edit> edits() {
        return DiagramClicks.hits(view.diagram(), Diagram.Edit.class);
    }

    /** Clicks editable cell {@code i}, types {@code text} and Enter. */
    private void type(FxRobot robot, int i, String text) {
        robot.clickOn(DiagramClicks.screen(view.diagram(), edits().get(i)));
        assertNotNull(view.diagram().editor(), "a click on cell " + i + " opens a field");
        robot.interact(() -> view.diagram().editor().setText(text));
        robot.type(KeyCode.ENTER);
        assertNull(view.diagram().editor(), "Enter takes " + text);
    }

    private String title(FxRobot robot) {
        return robot.lookup(".frame-title").queryAs(Label.class).getText();
    }

    @Test
    void aPoolingInputTypedInChangesItsWindowsResultAndThePanelChangesTheKind(FxRobot robot) {
        robot.interact(() -> view.model().nextFrame());
        robot.type(KeyCode.END);
        assertEquals(16, edits().size(), "every input cell of the 4×4 map can be typed into");
        // the map is [[0, 5, 0, 0], [2, 0, 7, 1], [0, 3, 0, 4], [1, 0, 2, 0]]: its first window's winner is 5
        assertEquals(List.of("5", "7", "3"), DiagramClicks.texts(view.diagram(), "output"));
        type(robot, 4, "9"); // row 2, column 1
        robot.type(KeyCode.END);
        assertEquals(List.of("9", "7", "3"), DiagramClicks.texts(view.diagram(), "output"),
                "the first window's new winner, the others as they were");
        assertTrue(title(robot).toLowerCase(Locale.ROOT).contains("edited"), "no longer the lesson's title: " + title(robot));

        robot.type(KeyCode.K);
        robot.interact(() -> view.applyCss());
        @SuppressWarnings("unchecked")
        ComboBox<Object> kind = robot.lookup(".parameters-panel .combo-box").queryAs(ComboBox.class);
        robot.interact(() -> kind.getSelectionModel().select(kind.getItems().stream()
                .filter(k -> k.toString().equalsIgnoreCase("average")).findFirst().orElseThrow()));
        robot.type(KeyCode.END);
        PoolStepper p = (PoolStepper) view.model().stepper();
        assertEquals("average", p.kindName().toLowerCase(Locale.ROOT));
        assertTrue(title(robot).toLowerCase(Locale.ROOT).contains("average"), title(robot));
        // (0 + 5 + 9 + 0)/4, (0 + 0 + 7 + 1)/4, (0 + 3 + 1 + 0)/4, (0 + 4 + 2 + 0)/4
        float[] expected = {14 / 4f, 8 / 4f, 4 / 4f, 6 / 4f};
        for (int i = 0; i < 4; i++) assertEquals(expected[i], p.output()[i], 1e-6, "window " + (i + 1));
        String shown = String.join(" ", DiagramClicks.texts(view.diagram(), "output"))
                + " " + String.join(" ", DiagramClicks.texts(view.diagram(), "current"));
        assertTrue(shown.contains("7/2") || shown.contains("3.5"), shown);
    }

    @Test
    void aNeuronsInputWeightAndBiasTypedInGiveANewSum(FxRobot robot) {
        robot.interact(() -> {
            view.model().nextFrame();
            view.model().nextFrame();
        });
        // inputs [5, 7, 3, 4], neuron 2's weights [1, 0.5, −2, 1] and bias −1; the fields are x1, w1, x2, w2, …, b
        assertEquals(9, edits().size(), "four inputs, four weights and the bias can be typed into");
        type(robot, 3, "−0.5"); // w2
        type(robot, 4, "2");    // x3
        type(robot, 8, "1/4");  // b
        robot.type(KeyCode.END);
        DenseStepper d = (DenseStepper) view.model().stepper();
        double sum = 5 * 1 + 7 * -0.5 + 2 * -2 + 4 * 1; // 1.5
        assertEquals(sum, d.weightedSum(), 1e-6);
        assertEquals(sum + 0.25, d.sum(), 1e-6);
        String lines = String.join(" | ", DiagramClicks.texts(view.diagram(), "sum"));
        assertTrue(lines.contains("Σ w·x = 3/2") || lines.contains("Σ w·x = 1.5"), lines);
        assertTrue(lines.contains("y = 7/4") || lines.contains("y = 1.75"), "1.5 + 1/4: " + lines);
        assertTrue(title(robot).toLowerCase(Locale.ROOT).contains("edited"), "no longer the lesson's title: " + title(robot));
    }

    @Test
    void aLogitTypedInGivesNewProbabilitiesAndBars(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 0; i < 3; i++) view.model().nextFrame();
        });
        assertEquals(3, edits().size(), "each logit can be typed into");
        type(robot, 2, "3"); // logits 2, 1, 3
        robot.type(KeyCode.END);
        double[] z = {2, 1, 3};
        double total = Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2]);
        SoftmaxStepper s = (SoftmaxStepper) view.model().stepper();
        List<String> bars = DiagramClicks.texts(view.diagram(), "bar");
        assertEquals(3, bars.size(), "one bar per class");
        for (int i = 0; i < 3; i++) {
            double p = Math.exp(z[i]) / total;
            assertEquals(p, s.probability(i), 1e-6);
            assertEquals(String.format(Locale.ROOT, "%.1f%%", 100 * p), bars.get(i), "class " + (i + 1));
        }
        assertTrue(title(robot).toLowerCase(Locale.ROOT).contains("edited"), "no longer the lesson's title: " + title(robot));
    }
}
