package org.convscope.ui.training.phases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.convscope.engine.spec.Presets;
import org.convscope.training.StepPhases;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.training.ExplorerLink;
import org.convscope.ui.training.TrainingView;
import org.convscope.ui.training.TrainingViewModel;
import org.convscope.ui.training.TrainingViewTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The four phases driven from the keyboard, and opened from the studio's button while paused, headless. */
@ExtendWith(ApplicationExtension.class)
class PhasesViewTest {
    private TrainingViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new TrainingViewModel(StudioSessions.on(TrainingViewTestAccess.mnist(), Presets.lenet5(),
                TrainingSettings.defaults(), ""));
        stage.setScene(new Scene(new TrainingView(model, ExplorerLink.NONE), 980, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        model.close();
    }

    private String title(FxRobot robot) {
        return robot.lookup("#phase-title").queryAs(Label.class).getText();
    }

    @Test
    void arrowsSpaceAndEscapeWalkThroughTheFourPhasesAndOnToTheNextSample(FxRobot robot) throws Exception {
        StepPhases first = model.stepInPhases().get(60, TimeUnit.SECONDS);
        PhasesModel phases = new PhasesModel(first, model::stepInPhases);
        AtomicInteger closed = new AtomicInteger();
        robot.interact(() -> {
            PhasesView view = new PhasesView(phases);
            view.setOnClose(closed::incrementAndGet);
            stage.setScene(new Scene(view, 980, 760));
        });
        robot.clickOn("#phase-title");
        assertTrue(title(robot).contains("1. Forward pass"), title(robot));
        robot.type(KeyCode.RIGHT);
        assertEquals(Phase.LOSS, phases.phase());
        assertTrue(title(robot).contains("2. Loss"), title(robot));
        robot.type(KeyCode.LEFT);
        assertEquals(Phase.FORWARD, phases.phase());
        robot.type(KeyCode.LEFT);
        assertEquals(Phase.FORWARD, phases.phase(), "nothing before the forward pass");
        robot.type(KeyCode.SPACE, 3);
        assertEquals(Phase.UPDATE, phases.phase());
        assertTrue(title(robot).contains("4. Update"), title(robot));

        robot.type(KeyCode.RIGHT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (phases.step() == first && System.nanoTime() < deadline) WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        StepPhases second = phases.step();
        assertEquals(first.step() + 1, second.step());
        assertEquals(Phase.FORWARD, phases.phase());
        for (int p = 0; p < first.after().length; p++) assertArrayEquals(first.after()[p], second.before()[p]);

        robot.type(KeyCode.ESCAPE);
        assertEquals(1, closed.get());
    }

    @Test
    void theStudiosButtonTakesOneSampleStepAndShowsItsPhasesInAWindow(FxRobot robot) throws Exception {
        TrainingFrame before = model.frame();
        robot.clickOn("#step-phases");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (robot.lookup("#phase-title").tryQuery().isEmpty() && System.nanoTime() < deadline) {
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
        assertTrue(title(robot).contains("Step 1 in four phases"), title(robot));
        Window phasesWindow = robot.lookup("#phase-title").query().getScene().getWindow();
        assertTrue(phasesWindow.isShowing());
        javafx.scene.Node veil = stage.getScene().lookup(".blocked-veil");
        assertTrue(veil.isVisible(), "the studio is dimmed and blocked behind the phases");
        robot.clickOn("#phase-title");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(phasesWindow.isShowing());
        assertFalse(veil.isVisible(), "and usable again once they close");
        assertEquals(before.step() + 1, model.frame().step());
        assertEquals(before.position() + 1, model.frame().position());
    }

    @Test
    void theProbeImageCanBeTheStepsSampleWithoutMovingTheEpoch(FxRobot robot) throws Exception {
        TrainingFrame before = model.frame();
        robot.clickOn("#probe-phases");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (robot.lookup("#phase-title").tryQuery().isEmpty() && System.nanoTime() < deadline) {
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
        assertTrue(title(robot).contains("(the probe), class " + before.probeLabel())
                || title(robot).contains("the probe image, class " + before.probeLabel()), title(robot));
        robot.clickOn("#phase-title");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before.step() + 1, model.frame().step(), "a real step");
        assertEquals(before.position(), model.frame().position(), "outside the epoch: the next training image is the same");
    }
}
