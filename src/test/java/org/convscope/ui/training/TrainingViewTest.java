package org.convscope.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.convscope.data.DatasetFolder;
import org.convscope.data.TrainTest;
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

/** The studio on LeNet-5 and MNIST, driven headless through its buttons. */
@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
    static TrainTest mnist;
    private TrainingViewModel model;

    @Start
    void start(Stage stage) {
        if (mnist == null) mnist = DatasetFolder.bundledMnist();
        model = new TrainingViewModel(StudioSessions.on(mnist, Presets.lenet5(), TrainingSettings.defaults(), ""));
        stage.setScene(new Scene(new TrainingView(model, ExplorerLink.NONE), 1200, 760));
        stage.show();
    }

    @AfterEach
    void close() {
        model.close();
    }

    private TrainingFrame waitFor(Predicate<TrainingFrame> condition) throws InterruptedException {
        return waitFor(model, condition);
    }

    static TrainingFrame waitFor(TrainingViewModel model, Predicate<TrainingFrame> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            TrainingFrame f = model.frame();
            if (f != null && condition.test(f)) return f;
            Thread.sleep(20);
        }
        throw new AssertionError("timed out; last frame at step " + model.frame().step());
    }

    @Test
    void playPauseAndStepThroughTheButtons(FxRobot robot) throws Exception {
        robot.clickOn("#step-batch");
        TrainingFrame one = waitFor(f -> f.step() == 1);
        assertEquals(64, one.position());
        robot.clickOn("#step-sample");
        assertEquals(65, waitFor(f -> f.step() == 2).position());

        robot.clickOn("#play");
        waitFor(f -> f.running() && f.step() >= 5);
        assertEquals("❚❚ Pause", robot.lookup("#play").queryAs(Button.class).getText());
        assertTrue(robot.lookup("#step-batch").queryAs(Button.class).isDisabled());
        robot.clickOn("#play");
        TrainingFrame paused = waitFor(f -> !f.running());
        Thread.sleep(300);
        assertEquals(paused.step(), model.frame().step(), "no step after pause");
        assertFalse(robot.lookup("#step-batch").queryAs(Button.class).isDisabled());
    }
}
