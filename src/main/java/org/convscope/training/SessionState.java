package org.convscope.training;

import java.util.List;
import org.convscope.engine.spec.NetworkSpec;

/**
 * Everything needed to resume a training session, immutable (arrays must not be modified): the network, its
 * weights and optimizer state, the settings, where training is in the data, the curves and the filter timeline.
 * The data set is named by {@code dataset} (a folder, or empty for the bundled MNIST), not stored.
 *
 * @param params         parameter values in {@code Network.params()} order
 * @param optimizerState {@code Optimizer.state()}: first and second moments per parameter, null where unused
 * @param buffers        buffer values (batch norm statistics, constants) in {@code Network.buffers()} order
 * @param start          the weights the session started from (a reset goes back to them), or null for fresh ones
 */
public record SessionState(NetworkSpec spec, TrainingSettings settings, float[][] params, float[][][] optimizerState,
                           long optimizerSteps, long step, int epoch, int position, CurveSnapshot curves,
                           List<TimelineFrame> timeline, int timelineInterval, String dataset, float[][] buffers,
                           StartWeights start) {
    public SessionState {
        timeline = List.copyOf(timeline);
        if (dataset == null) dataset = "";
        if (buffers == null) throw new IllegalArgumentException("buffers missing: expected one array per buffer");
    }
}
