package org.convscope.training;

import java.nio.file.Files;
import java.nio.file.Path;
import org.convscope.data.DatasetFolder;
import org.convscope.engine.spec.NetworkSpec;

/**
 * Starts a fresh session on the data set a saved session names: the empty name is the bundled MNIST, any other
 * name the IDX folder recorded when it was saved. Tests and other data sources supply their own.
 */
@FunctionalInterface
public interface SessionData {
    SessionData DEFAULT = (dataset, spec, settings) -> {
        if (dataset.isEmpty()) return StudioSessions.on(DatasetFolder.bundledMnist(), spec, settings, "");
        Path folder = Path.of(dataset);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("its data set folder " + dataset + " does not exist any more");
        }
        return StudioSessions.idxFolder(folder, spec, settings);
    };

    /** A new session with fresh weights on the named data set; call off the FX thread (it loads data). */
    TrainingSession start(String dataset, NetworkSpec spec, TrainingSettings settings) throws Exception;
}
