package org.convscope.ui.training;

import static org.convscope.ui.training.TrainingViewTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.Presets;
import org.convscope.training.StudioData;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio on networks other than the default, rendered to target/snapshots/studio-*.png to look at: the 32×32
 * LeNet-5 on MNIST padded to 32×32, and a one-convolution net on a folder of colour images.
 */
class PresetStudioSnapshotTest {
    @TempDir
    static Path colours;

    @Test
    void lenet32OnPaddedMnist() throws Exception {
        TrainingSettings settings = TrainingSettings.defaults();
        StudioData mnist = StudioData.bundledMnist();
        try (TrainingViewModel model = Snapshots.onFxThread(() -> new TrainingViewModel(StudioSessions.on(mnist,
                Presets.lenet5x32(), settings)))) {
            TrainingView view = studio(model);
            waitFor(model, f -> f.test() != null);
            model.play();
            TrainingFrame f = waitFor(model, fr -> fr.step() >= 150);
            model.pause().get(60, TimeUnit.SECONDS);
            assertEquals(new Dims(1, 32, 32), f.probe().spec().input());
            assertEquals(new Dims(6, 28, 28), f.probe().shapes().get(0), "conv1 without padding on 32×32");
            float[] probe = f.probe().input();
            for (int x = 0; x < 32; x++) assertEquals(0f, probe[x], "the top two rows are the padding");
            Snapshots.writePng(view, "studio-lenet5-32");
        }
    }

    @Test
    void colourImagesShowInColourAndSayTheyOpenInTheExplorer() throws Exception {
        org.convscope.ui.training.setup.ColourFolders.write(colours, 24);
        java.util.List<LayerSpec> layers = new java.util.ArrayList<>(Presets.tiny().layers());
        layers.set(4, new DenseSpec("fc1", 2));
        NetworkSpec spec = new NetworkSpec("tiny", new Dims(3, 28, 28), layers);
        try (TrainingViewModel model = Snapshots.onFxThread(() -> new TrainingViewModel(StudioSessions.on(
                StudioData.images(colours), spec, TrainingSettings.defaults().withBatchSize(8))))) {
            TrainingView view = studio(model);
            waitFor(model, fr -> fr.test() != null);
            model.stepEpoch();
            waitFor(model, fr -> fr.epoch() >= 1 && !fr.running() && fr.testStep() == fr.step());
            Snapshots.onFxThread(() -> {
                view.showConfusionCell(0, 0);
                return null;
            });
            Thread.sleep(500);
            String title = Snapshots.onFxThread(() -> {
                view.applyCss(); // the columns sit in a scroll pane, whose skin (and so its content) comes with CSS
                return ((Label) view.lookup(".cell-samples .caption")).getText();
            });
            assertTrue(title.contains("double-click to open it in the explorer"), title);
            Snapshots.writePng(view, "studio-colour-images");
        }
    }

    private static TrainingView studio(TrainingViewModel model) throws Exception {
        return Snapshots.onFxThread(() -> {
            TrainingView v = new TrainingView(model, ExplorerLink.NONE);
            new Scene(v, 1920, 1080);
            return v;
        });
    }
}
