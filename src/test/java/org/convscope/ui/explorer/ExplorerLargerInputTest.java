package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import org.convscope.data.InkImage;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.spec.Presets;
import org.convscope.training.StudioData;
import org.convscope.data.TrainTest;
import org.convscope.ui.Snapshots;
import org.junit.jupiter.api.Test;

/**
 * A test image of the 32×32 LeNet-5 opened in the explorer as the studio does (a 32×32 picture on a 32×32 network):
 * the explorer fits it to its canvas and shows every layer at the network's sizes.
 */
class ExplorerLargerInputTest {
    @Test
    void a32By32TestImageOpensOnThe32By32Network() throws Exception {
        TrainTest data = StudioData.bundledMnist().fitted(32, 32);
        float[] image = new float[32 * 32];
        data.test().toFloats(new int[] {0}, 0, 1, image);
        Network net = Network.initialized(Presets.lenet5x32(), 1);
        ExplorerModel model = Snapshots.onFxThread(() -> new ExplorerModel(net, "lenet5-32"));
        try {
            ExplorerView view = Snapshots.onFxThread(() -> {
                ExplorerView v = new ExplorerView(model);
                new Scene(v, 1500, 960);
                model.open(net, "training snapshot", new InkImage(32, 32, image), "test image · label 7");
                return v;
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Frame frame = null;
            while (System.nanoTime() < deadline) {
                frame = Snapshots.onFxThread(() -> model.upToDate() ? model.frameProperty().get() : null);
                if (frame != null) break;
                Thread.sleep(50);
            }
            assertTrue(frame != null, "a frame arrives");
            assertEquals(new Dims(1, 32, 32), frame.snapshot().spec().input());
            assertEquals(new Dims(6, 28, 28), frame.snapshot().shapes().get(0));
            float ink = 0;
            for (float v : frame.snapshot().input()) ink += v;
            assertTrue(ink > 20, "the digit is in the network's input, ink " + ink);
            Snapshots.writePng(view, "explorer-lenet5-32");
        } finally {
            model.close();
        }
    }
}
