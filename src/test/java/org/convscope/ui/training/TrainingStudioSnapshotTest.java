package org.convscope.ui.training;

import static org.convscope.ui.training.TrainingViewTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.convscope.data.DatasetFolder;
import org.convscope.engine.spec.Presets;
import org.convscope.training.ConvFilters;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.Snapshots;
import org.junit.jupiter.api.Test;

/**
 * The studio at 1920×1080 while LeNet-5 trains on MNIST, written to target/snapshots/training-studio-*.png to look
 * at; the filters change between the two mid-training pictures. Without a window: the headless screen is smaller.
 */
class TrainingStudioSnapshotTest {
    @Test
    void filtersVisiblyChangeBetweenTwoSnapshotsMidTraining() throws Exception {
        if (TrainingViewTest.mnist == null) TrainingViewTest.mnist = DatasetFolder.bundledMnist();
        try (TrainingViewModel model = Snapshots.onFxThread(() -> new TrainingViewModel(StudioSessions.on(
                TrainingViewTest.mnist, Presets.lenet5(), TrainingSettings.defaults(), "")))) {
            TrainingView view = Snapshots.onFxThread(() -> {
                TrainingView v = new TrainingView(model, ExplorerLink.NONE);
                new Scene(v, 1920, 1080);
                return v;
            });
            waitFor(model, f -> f.test() != null);
            model.play();
            TrainingFrame early = waitFor(model, f -> f.step() >= 30);
            Path first = Snapshots.writePng(view, "training-studio-early");
            TrainingFrame later = waitFor(model, f -> f.step() >= early.step() + 400);
            Snapshots.writePng(view, "training-studio-later");
            model.pause().get(60, TimeUnit.SECONDS);
            waitFor(model, f -> !f.running() && f.testStep() == f.step());
            Snapshots.onFxThread(() -> {
                view.showConfusionCell(4, 9);
                return null;
            });
            Thread.sleep(1000);
            Snapshots.writePng(view, "training-studio-paused");

            BufferedImage png = ImageIO.read(first.toFile());
            assertEquals(1920, png.getWidth());
            assertEquals(1080, png.getHeight());
            double change = maxChange(early.filters(), later.filters());
            assertTrue(change > 0.05, "largest filter weight change " + change);
        }
    }

    private static double maxChange(List<ConvFilters> a, List<ConvFilters> b) {
        double max = 0;
        for (int l = 0; l < a.size(); l++) {
            float[] x = a.get(l).weights();
            float[] y = b.get(l).weights();
            for (int i = 0; i < x.length; i++) max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }
}
