package org.convscope.ui.training;

import static org.convscope.ui.training.TrainingViewTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.convscope.data.DatasetFolder;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.spec.Presets;
import org.convscope.training.Histogram;
import org.convscope.training.HealthSnapshot;
import org.convscope.training.LayerHealth;
import org.convscope.training.SessionData;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;
import org.convscope.training.DatasetSamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The studio's keys and its one destructive button, as a user meets them (issue 13, studio 2, 8 and 12): Space plays
 * and pauses, → steps a batch, F1 lists the shortcuts; Reset asks first when steps are unsaved, never holds the
 * keyboard focus, and leaves no stale test figures behind. LeNet-5 on the first 512 MNIST images.
 */
@ExtendWith(ApplicationExtension.class)
class StudioControlsTest {
    private static final SessionData DATA = (dataset, spec, settings) -> new TrainingSession(spec,
            DatasetSamples.of(TrainingViewTest.mnist.train(), 512), DatasetSamples.of(TrainingViewTest.mnist.test(), 200),
            settings, KernelSelection.preferred(), dataset);

    private final SessionFilesTest.Answers dialogs = new SessionFilesTest.Answers();
    private TrainingViewModel model;
    private TrainingView view;

    @BeforeAll
    static void loadMnist() throws Exception {
        if (TrainingViewTest.mnist == null) TrainingViewTest.mnist = DatasetFolder.bundledMnist();
    }

    @Start
    void start(Stage stage) throws Exception {
        model = new TrainingViewModel(DATA.start("", Presets.lenet5(), TrainingSettings.defaults()));
        view = new TrainingView(model, ExplorerLink.NONE, (what, make, unsaved, onFailure) -> {}, dialogs, DATA);
        stage.setScene(new Scene(view, 1280, 720));
        stage.show();
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void spaceAndTheArrowDriveTrainingAndF1ListsTheShortcuts(FxRobot robot) throws Exception {
        robot.clickOn("#confusion-title"); // the studio, not a text field, has the keys
        robot.type(KeyCode.RIGHT);
        TrainingFrame stepped = waitFor(model, f -> f.step() == 1);
        assertFalse(stepped.running(), "→ takes one batch and stays paused");

        robot.type(KeyCode.SPACE);
        waitFor(model, f -> f.running() && f.step() > 2);
        robot.type(KeyCode.SPACE);
        TrainingFrame paused = waitFor(model, f -> !f.running());
        Thread.sleep(300);
        assertEquals(paused.step(), model.frame().step(), "Space paused it");

        Node shortcuts = robot.lookup(n -> n instanceof ShortcutsOverlay).query();
        assertFalse(shortcuts.isVisible());
        robot.type(KeyCode.F1);
        assertTrue(shortcuts.isVisible(), "F1 lists the shortcuts");
        assertTrue(robot.lookup(n -> n instanceof Label l && l.getText() != null && l.getText().contains("Space")
                && isInside(l, shortcuts)).tryQuery().isPresent(), "Space is among them");
        robot.type(KeyCode.ESCAPE);
        assertFalse(shortcuts.isVisible(), "Esc hides them");
    }

    @Test
    void resetAsksFirstNeverTakesTheFocusAndLeavesNoStaleTestFigures(FxRobot robot) throws Exception {
        Button reset = robot.lookup("#reset").queryAs(Button.class);
        assertFalse(reset.isFocusTraversable(), "Tab never lands on Reset");
        robot.clickOn("#step-epoch");
        TrainingFrame trained = waitFor(model, f -> f.epoch() == 1 && !f.running() && f.test() != null
                && f.testStep() == f.step());
        WaitForAsyncUtils.waitForFxEvents();
        assertNotSame(reset, view.getScene().getFocusOwner(), "the focus after Step epoch is not on Reset");
        String header = robot.lookup("#confusion-title").queryAs(Label.class).getText();
        assertTrue(header.contains(String.format(java.util.Locale.ROOT, "at step %,d", trained.step())), header);

        robot.type(KeyCode.SPACE); // whatever has the focus, Space plays: it does not press Reset
        waitFor(model, f -> f.running());
        robot.type(KeyCode.SPACE);
        TrainingFrame paused = waitFor(model, f -> !f.running() && f.step() > trained.step());

        dialogs.quit = StudioDialogs.QuitChoice.CANCEL;
        robot.clickOn("#reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogs.asked.getLast().startsWith("resetting: Training is paused; the session at step "
                + String.format(java.util.Locale.ROOT, "%,d", paused.step())), dialogs.asked.getLast());
        Thread.sleep(300);
        assertEquals(paused.step(), model.frame().step(), "Cancel keeps every step");

        dialogs.quit = StudioDialogs.QuitChoice.DONT_SAVE;
        robot.clickOn("#reset");
        TrainingFrame fresh = waitFor(model, f -> f.step() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        String after = robot.lookup("#confusion-title").queryAs(Label.class).getText();
        assertFalse(after.contains(String.format(java.util.Locale.ROOT, "at step %,d", trained.step())),
                "no figures of the run thrown away: " + after);
        assertTrue(fresh.test() == null || after.contains("at step 0"), after);
    }

    @Test
    void theProbeIsAnyTestImageAndTheCurvesExportAsCsv(FxRobot robot) throws Exception {
        for (int b = 0; b < 3; b++) model.stepBatch().get(60, TimeUnit.SECONDS);
        TrainingFrame f = waitFor(model, fr -> fr.step() == 3 && fr.curves().size() == 3);
        robot.clickOn("#probe-next");
        robot.clickOn("#probe-next");
        waitFor(model, fr -> fr.probeLabel() == TrainingViewTest.mnist.test().label(2));
        WaitForAsyncUtils.waitForFxEvents();
        String probe = robot.lookup("#probe-prediction").queryAs(Label.class).getText();
        assertTrue(probe.startsWith("test image #2 · true class " + TrainingViewTest.mnist.test().label(2)), probe);
        robot.clickOn("#probe-previous");
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(model, fr -> fr.probeLabel() == TrainingViewTest.mnist.test().label(1));

        java.nio.file.Path csv = java.nio.file.Files.createTempFile("curves", ".csv");
        dialogs.file = csv;
        robot.clickOn("#export-curves");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (java.nio.file.Files.size(csv) == 0 && System.nanoTime() < deadline) Thread.sleep(20);
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertEquals("save CURVES", dialogs.asked.getLast());
        assertTrue(lines.getFirst().startsWith("step,batch_loss,"), lines.getFirst());
        assertEquals(1 + f.curves().size(), lines.size(), "a row per point: " + lines);
        assertTrue(lines.get(1).startsWith("1," + String.format(java.util.Locale.ROOT, "%.6g", (double) f.curves().batchLoss()[0])),
                lines.get(1));

        CurveChart loss = robot.lookup(n -> n instanceof CurveChart).queryAs(CurveChart.class);
        assertFalse(loss.isLog());
        robot.clickOn("#log-scale");
        assertTrue(loss.isLog(), "the loss on a log scale");
        java.nio.file.Files.deleteIfExists(csv);
    }

    @Test
    void aNetworkWhoseReLUsAreAllDeadIsFlaggedAndOneThatStartsDeadSaysSo() {
        Histogram h = Histogram.of(new float[] {0, 1, 2});
        LayerHealth alive = new LayerHealth("conv1", h, h, h, 0.25, 1e-3, false);
        LayerHealth dead = new LayerHealth("conv2", h, h, h, 1.0, 1e-3, false);
        assertEquals("", HealthPane.alarm(new HealthSnapshot(0, 64, List.of(alive))));
        String atStart = HealthPane.alarm(new HealthSnapshot(0, 64, List.of(alive, dead)));
        assertTrue(atStart.startsWith("The network starts dead: every ReLU after conv2 is zero"), atStart);
        String later = HealthPane.alarm(new HealthSnapshot(500, 64, List.of(alive, dead)));
        assertTrue(later.startsWith("Dead: every ReLU after conv2"), later);
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) if (n == ancestor) return true;
        return false;
    }
}
