package org.convscope.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loss and accuracy per batch in bounded memory: at most {@link #CAPACITY} points; when full, neighbouring points
 * are merged in pairs and each later point covers twice as many batches, so a long run keeps its whole shape.
 * Smoothing is an exponential moving average over batches, bias-corrected as Adam's moments are: after t batches,
 * s_t = m_t / (1 − (1 − α)^t) with m_t = (1 − α)·m_{t−1} + α·x_t and m_0 = 0, so the first points are the mean of the
 * batches so far rather than stuck near the first batch. Used by the training thread only.
 */
final class Curves {
    static final int CAPACITY = 2048;
    private static final double SMOOTHING = 0.02;

    private final long[] steps = new long[CAPACITY];
    private final float[] loss = new float[CAPACITY];
    private final float[] smoothLoss = new float[CAPACITY];
    private final float[] smoothAccuracy = new float[CAPACITY];
    private final List<EpochPoint> epochs = new ArrayList<>();
    private int count;
    private int stride = 1;
    private int pending;
    private double pendingLoss;
    private double emaLoss;      // m_t, not yet corrected
    private double emaAccuracy;
    private long batches;        // t
    private double correction;   // 1 − (1 − α)^t

    void addBatch(long step, double batchLoss, double accuracy) {
        emaLoss += SMOOTHING * (batchLoss - emaLoss);
        emaAccuracy += SMOOTHING * (accuracy - emaAccuracy);
        batches++;
        correction = 1 - Math.pow(1 - SMOOTHING, batches);
        pendingLoss += batchLoss;
        if (++pending < stride) return;
        if (count == CAPACITY) halve();
        steps[count] = step;
        loss[count] = (float) (pendingLoss / pending);
        smoothLoss[count] = (float) (emaLoss / correction);
        smoothAccuracy[count] = (float) (emaAccuracy / correction);
        count++;
        pending = 0;
        pendingLoss = 0;
    }

    void addEpoch(EpochPoint point) {
        epochs.add(point);
    }

    private void halve() {
        for (int i = 0; i < count / 2; i++) {
            steps[i] = steps[2 * i + 1];
            loss[i] = (loss[2 * i] + loss[2 * i + 1]) / 2;
            smoothLoss[i] = smoothLoss[2 * i + 1];
            smoothAccuracy[i] = smoothAccuracy[2 * i + 1];
        }
        count /= 2;
        stride *= 2;
    }

    CurveSnapshot snapshot() {
        return new CurveSnapshot(Arrays.copyOf(steps, count), Arrays.copyOf(loss, count),
                Arrays.copyOf(smoothLoss, count), Arrays.copyOf(smoothAccuracy, count), epochs);
    }

    /** Continues from saved curves (pending batches of an unfinished point are not saved). */
    void restore(CurveSnapshot saved) {
        clear();
        int n = Math.min(saved.size(), CAPACITY);
        System.arraycopy(saved.steps(), 0, steps, 0, n);
        System.arraycopy(saved.batchLoss(), 0, loss, 0, n);
        System.arraycopy(saved.smoothedLoss(), 0, smoothLoss, 0, n);
        System.arraycopy(saved.smoothedAccuracy(), 0, smoothAccuracy, 0, n);
        count = n;
        if (n >= 2) stride = (int) Math.max(1, saved.steps()[n - 1] - saved.steps()[n - 2]);
        if (n > 0) {
            // The saved points are corrected; continue as if one batch were one step (single-sample steps count too).
            batches = saved.steps()[n - 1];
            correction = 1 - Math.pow(1 - SMOOTHING, batches);
            emaLoss = smoothLoss[n - 1] * correction;
            emaAccuracy = smoothAccuracy[n - 1] * correction;
        }
        epochs.addAll(saved.epochs());
    }

    void clear() {
        count = 0;
        stride = 1;
        pending = 0;
        pendingLoss = 0;
        emaLoss = 0;
        emaAccuracy = 0;
        batches = 0;
        correction = 0;
        epochs.clear();
    }
}
