package org.convscope.training;

import java.nio.file.Files;
import java.nio.file.Path;
import org.convscope.engine.spec.NetworkSpec;

/**
 * Starts a fresh session on the data set a saved session names, as {@link StudioData#resolve} finds it: the empty
 * name is the bundled MNIST, any other name the IDX or image folder recorded when it was saved; the images are
 * brought to the network's input size as when the session was started. Tests supply their own.
 */
@FunctionalInterface
public interface SessionData {
    SessionData DEFAULT = (dataset, spec, settings) -> {
        if (!dataset.isEmpty() && !Files.isDirectory(Path.of(dataset))) {
            throw new IllegalArgumentException("its data set folder " + dataset + " does not exist any more");
        }
        return StudioSessions.on(StudioData.resolve(dataset), spec, settings);
    };

    /** A new session with fresh weights on the named data set; call off the FX thread (it loads data). */
    TrainingSession start(String dataset, NetworkSpec spec, TrainingSettings settings) throws Exception;
}
