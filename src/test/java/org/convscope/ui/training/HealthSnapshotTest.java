package org.convscope.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import org.convscope.data.DatasetFolder;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.spec.Presets;
import org.convscope.training.DatasetSamples;
import org.convscope.training.HealthSnapshot;
import org.convscope.training.LayerHealth;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.Snapshots;
import org.junit.jupiter.api.Test;

/**
 * The studio at the app's default window size (1600×960) mid-training with its health pane, written to
 * target/snapshots/training-studio-health.png to look at.
 */
class HealthSnapshotTest {
    @Test
    void theHealthPaneShowsEveryLayerWithWeightsMidTraining() throws Exception {
        if (TrainingViewTest.mnist == null) TrainingViewTest.mnist = DatasetFolder.bundledMnist();
        TrainingSession session = new TrainingSession(Presets.lenet5(),
                DatasetSamples.of(TrainingViewTest.mnist.train(), 2048), DatasetSamples.of(TrainingViewTest.mnist.test(), 500),
                TrainingSettings.defaults(), KernelSelection.preferred(), "");
        try (TrainingViewModel model = Snapshots.onFxThread(() -> new TrainingViewModel(session))) {
            TrainingView view = Snapshots.onFxThread(() -> {
                TrainingView v = new TrainingView(model, ExplorerLink.NONE);
                new Scene(v, 1600, 960);
                return v;
            });
            for (int b = 0; b < 25; b++) model.stepBatch().get(60, TimeUnit.SECONDS);
            TrainingFrame f = TrainingViewTest.waitFor(model, frame -> frame.step() == 25);
            Snapshots.writePng(view, "training-studio-health");

            HealthSnapshot health = f.health();
            assertEquals(25, health.step(), "a step the user asks for is always measured");
            assertEquals(5, health.layers().size(), "conv1, conv2, fc1, fc2, fc3");
            assertEquals("conv1", health.layers().get(0).layer());
            for (LayerHealth l : health.layers()) {
                assertTrue(l.updateRatio() > 0 && l.updateRatio() < 1, l.layer() + " ‖Δw‖/‖w‖ " + l.updateRatio());
            }
        }
    }
}
