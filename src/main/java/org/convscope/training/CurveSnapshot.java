package org.convscope.training;

import java.util.List;

/**
 * The training curves at one moment, immutable (the arrays must not be modified). Point i stands for the batches
 * up to step {@code steps[i]}: their mean loss, and the exponentially smoothed loss and accuracy after them.
 */
public record CurveSnapshot(long[] steps, float[] batchLoss, float[] smoothedLoss, float[] smoothedAccuracy,
                            List<EpochPoint> epochs) {
    public CurveSnapshot {
        if (batchLoss.length != steps.length || smoothedLoss.length != steps.length || smoothedAccuracy.length != steps.length) {
            throw new IllegalArgumentException("curves: " + steps.length + " steps but " + batchLoss.length + ", "
                    + smoothedLoss.length + ", " + smoothedAccuracy.length + " values");
        }
        epochs = List.copyOf(epochs);
    }

    public static CurveSnapshot empty() {
        return new CurveSnapshot(new long[0], new float[0], new float[0], new float[0], List.of());
    }

    public int size() {
        return steps.length;
    }
}
