package org.convscope.ui.training.setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.Network;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.open.Models;
import org.convscope.training.StartWeights;
import org.convscope.training.StudioData;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;

/**
 * A colour graph session for tests: the resblock ONNX fixture (residual blocks, batch norm, three input channels)
 * fine-tuned on the two classes of {@link ColourFolders}, batches of 8, only its last 2 layers training.
 */
public final class ColourResblock {
    public static final Path MODEL = Path.of("src/test/resources/onnx/resblock-opset11/model.onnx");

    private ColourResblock() {}

    /** The session, on {@code perClass} pictures a class written into {@code folder} (unless there). */
    public static TrainingSession session(Path folder, int perClass) throws Exception {
        ColourFolders.write(folder, perClass);
        Network resblock = Models.load(MODEL).network();
        return StudioSessions.on(StudioData.images(folder), twoClasses(resblock.spec()),
                TrainingSettings.defaults().withBatchSize(8).withTrainLast(2), StartWeights.of(resblock, "model.onnx"));
    }

    /** The network with its fully connected layer giving two classes. */
    public static NetworkSpec twoClasses(NetworkSpec spec) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        layers.set(spec.indexOf("fc"), new DenseSpec("fc", 2));
        return new NetworkSpec(spec.name(), spec.input(), layers, spec.sources());
    }
}
