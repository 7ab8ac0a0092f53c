package org.convscope.training;

import java.util.List;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.train.Evaluation;

/**
 * What the studio shows at one moment, immutable: published by the training thread at most about 10 times a second,
 * and after every command. Arrays inside must not be modified.
 *
 * @param step         training steps (mini-batches or single samples) since the start
 * @param epoch        the epoch under way, 0 for the first
 * @param position     training samples of this epoch already used
 * @param filters      the convolution filters as they are now (shared with {@code probe.params()})
 * @param probe        the probe image's forward pass with the current weights
 * @param test         the last evaluation on the test set, null before the first one
 * @param testStep     the step at which {@code test} was measured, −1 if none
 * @param message      why training stopped (divergence, an error), or empty
 * @param health       the last health measurement of the layers (taken a few times a second at most)
 */
public record TrainingFrame(long step, int epoch, int position, int trainSize, boolean running, double imagesPerSecond,
                            TrainingSettings settings, List<ConvFilters> filters, ForwardSnapshot probe, int probeLabel,
                            CurveSnapshot curves, Evaluation test, long testStep, List<TimelineFrame> timeline,
                            String message, HealthSnapshot health) {
    public TrainingFrame {
        filters = List.copyOf(filters);
        timeline = List.copyOf(timeline);
    }

    /** The share of this epoch done, in [0, 1]. */
    public double epochProgress() {
        return trainSize == 0 ? 0 : (double) position / trainSize;
    }

    /** Seconds until the end of this epoch at the current speed, or NaN when not measurable. */
    public double secondsLeft() {
        return imagesPerSecond > 0 ? (trainSize - position) / imagesPerSecond : Double.NaN;
    }
}
