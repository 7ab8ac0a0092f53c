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
 * @param epochImages    how many of the epoch's training images so far the next two count (all of them, {@code
 *                       position}, unless the session was saved without them)
 * @param epochLoss      their summed loss (Σ batch loss × batch size)
 * @param epochCorrect   how many of them the network got right as it trained on them
 */
public record SessionState(NetworkSpec spec, TrainingSettings settings, float[][] params, float[][][] optimizerState,
                           long optimizerSteps, long step, int epoch, int position, CurveSnapshot curves,
                           List<TimelineFrame> timeline, int timelineInterval, String dataset, float[][] buffers,
                           StartWeights start, int epochImages, double epochLoss, long epochCorrect) {
    public SessionState {
        timeline = List.copyOf(timeline);
        if (dataset == null) dataset = "";
        if (buffers == null) throw new IllegalArgumentException("buffers missing: expected one array per buffer");
        if (epochImages < 0 || epochImages > position || !(epochLoss >= 0) || epochCorrect < 0
                || epochCorrect > epochImages) {
            throw new IllegalArgumentException("the epoch so far: " + epochImages + " images counted of " + position
                    + ", loss " + epochLoss + ", " + epochCorrect + " right; expected at most " + position
                    + " images, a loss ≥ 0 and at most as many right as counted");
        }
    }

    /** A state whose epoch statistics are not known: they count from here. */
    public SessionState(NetworkSpec spec, TrainingSettings settings, float[][] params, float[][][] optimizerState,
                        long optimizerSteps, long step, int epoch, int position, CurveSnapshot curves,
                        List<TimelineFrame> timeline, int timelineInterval, String dataset, float[][] buffers,
                        StartWeights start) {
        this(spec, settings, params, optimizerState, optimizerSteps, step, epoch, position, curves, timeline,
                timelineInterval, dataset, buffers, start, 0, 0, 0);
    }
}
