package org.convscope.ui.training;

import static org.convscope.ui.training.TrainingViewTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.convscope.engine.spec.Presets;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** While training runs, a new learning rate typed in its field applies at once; the optimizer waits for a pause. */
@ExtendWith(ApplicationExtension.class)
class LearningRateWhileRunningTest {
    private TrainingViewModel model;

    @Start
    void start(Stage stage) {
        model = new TrainingViewModel(StudioSessions.on(TrainingViewTestAccess.mnist(), Presets.lenet5(),
                TrainingSettings.defaults(), ""));
        stage.setScene(new Scene(new TrainingView(model, ExplorerLink.NONE), 980, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void theLearningRateChangesWithoutPausing(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        TrainingFrame running = waitFor(model, f -> f.running() && f.step() >= 2);
        assertTrue(robot.lookup("#optimizer").queryAs(ChoiceBox.class).isDisabled(), "optimizer locked while running");
        TextField rate = robot.lookup("#learning-rate").queryAs(TextField.class);
        assertFalse(rate.isDisabled());
        robot.doubleClickOn(rate).eraseText(12).write("0.01").type(KeyCode.ENTER);
        TrainingFrame changed = waitFor(model, f -> f.settings().optimizer().learningRate() == 0.01f);
        assertTrue(changed.running(), "still running after the change");
        TrainingFrame later = waitFor(model, f -> f.step() > changed.step() + 2);
        assertTrue(later.running() && later.step() > running.step());
        assertTrue(model.errorProperty().get().isEmpty(), model.errorProperty().get());
    }
}
