package org.convscope.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.convscope.training.FailingSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A training thread that fails is shown in the studio in one line, and the studio no longer says it is running. */
@ExtendWith(ApplicationExtension.class)
class TrainingStoppedTest {
    private TrainingViewModel model;

    @Start
    void start(Stage stage) {
        model = new TrainingViewModel(FailingSource.session(30));
        stage.setScene(new Scene(new TrainingView(model, ExplorerLink.NONE), 1000, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void theStudioSaysWhyTrainingStoppedAndOffersPlayAgain(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        Label message = robot.lookup("#training-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.isVisible() && !message.getText().isEmpty());
        assertEquals("Training stopped: " + FailingSource.PROBLEM, message.getText());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("▶ Play", robot.lookup("#play").queryAs(Button.class).getText(), "no longer running");
    }
}
