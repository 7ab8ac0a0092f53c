package org.convscope.training;

import org.convscope.data.DatasetFolder;
import org.convscope.data.TrainTest;
import org.convscope.engine.Dims;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.Presets;

/** Ready-made sessions: a network on the studio's data (MNIST, an IDX or an image folder), by default LeNet-5 on MNIST. */
public final class StudioSessions {
    private StudioSessions() {}

    /** LeNet-5 on the bundled MNIST with the default settings. Loads the data: call off the FX thread. */
    public static TrainingSession bundledMnist() {
        return on(DatasetFolder.bundledMnist(), Presets.lenet5(), TrainingSettings.defaults(), "");
    }

    /**
     * A network on the studio's data, the images brought to the network's input size ({@link StudioData#fitted}).
     * Reads files: call off the FX thread.
     */
    public static TrainingSession on(StudioData data, NetworkSpec spec, TrainingSettings settings) {
        return on(data, spec, settings, null);
    }

    /**
     * {@link #on(StudioData, NetworkSpec, TrainingSettings)} starting from a model's weights where the layers take
     * them ({@link StartWeights#match}); null for fresh weights.
     */
    public static TrainingSession on(StudioData data, NetworkSpec spec, TrainingSettings settings, StartWeights start) {
        Dims in = spec.input();
        if (in.channels() != data.dims().channels()) {
            throw new IllegalArgumentException(spec.name() + ": takes " + in.channels() + "-channel images, "
                    + data.title() + " has " + data.dims().channels());
        }
        TrainTest fitted = data.fitted(in.height(), in.width());
        return new TrainingSession(spec, DatasetSamples.of(fitted.train(), 0), DatasetSamples.of(fitted.test(), 0),
                settings, KernelSelection.preferred(), data.key(), start);
    }

    public static TrainingSession on(TrainTest data, NetworkSpec spec, TrainingSettings settings, String dataset) {
        return new TrainingSession(spec, DatasetSamples.of(data.train(), 0), DatasetSamples.of(data.test(), 0), settings,
                KernelSelection.preferred(), dataset);
    }
}
