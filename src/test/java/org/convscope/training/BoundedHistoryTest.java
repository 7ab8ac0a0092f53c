package org.convscope.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Curves and the filter timeline keep a whole run's shape in bounded memory. */
class BoundedHistoryTest {
    @Test
    void curvesMergePointsWhenFull() {
        Curves curves = new Curves();
        int batches = Curves.CAPACITY * 5 + 3;
        for (int s = 1; s <= batches; s++) curves.addBatch(s, 1.0 / s, 0.5);
        CurveSnapshot snap = curves.snapshot();
        assertTrue(snap.size() <= Curves.CAPACITY && snap.size() > Curves.CAPACITY / 4, "points: " + snap.size());
        for (int i = 1; i < snap.size(); i++) assertTrue(snap.steps()[i] > snap.steps()[i - 1]);
        assertTrue(snap.steps()[snap.size() - 1] > batches - 8 * 2);
        assertEquals(0.5f, snap.smoothedAccuracy()[snap.size() - 1], 1e-6);
    }

    @Test
    void theSmoothedLossFollowsTheBatchesFromTheFirstOne() {
        Curves curves = new Curves();
        for (int s = 1; s <= 250; s++) curves.addBatch(s, 2.3 * Math.exp(-s / 20.0) + 0.1, 0.5);
        CurveSnapshot snap = curves.snapshot();
        assertEquals(2.3 * Math.exp(-1 / 20.0) + 0.1, snap.smoothedLoss()[0], 1e-6, "the first point is the first batch");
        for (int i = 0; i < snap.size(); i++) {
            double mean = 0;
            for (int j = 0; j <= i; j++) mean += snap.batchLoss()[j];
            mean /= i + 1;
            assertTrue(snap.smoothedLoss()[i] <= mean + 1e-6,
                    "step " + snap.steps()[i] + ": smoothed " + snap.smoothedLoss()[i] + " above the mean so far " + mean);
            assertTrue(snap.smoothedLoss()[i] >= snap.batchLoss()[i] - 1e-6, "never below a falling curve");
        }
        assertEquals(0.5f, snap.smoothedAccuracy()[0], 1e-6);
    }

    @Test
    void restoredCurvesSmoothOnAsTheyWould() {
        Curves whole = new Curves();
        Curves resumed = new Curves();
        for (int s = 1; s <= 40; s++) whole.addBatch(s, 1.0 + (s % 3), 0.1 * (s % 5));
        resumed.restore(whole.snapshot());
        for (int s = 41; s <= 60; s++) {
            whole.addBatch(s, 1.0 + (s % 3), 0.1 * (s % 5));
            resumed.addBatch(s, 1.0 + (s % 3), 0.1 * (s % 5));
        }
        CurveSnapshot a = whole.snapshot();
        CurveSnapshot b = resumed.snapshot();
        assertEquals(a.smoothedLoss()[a.size() - 1], b.smoothedLoss()[b.size() - 1], 1e-5);
        assertEquals(a.smoothedAccuracy()[a.size() - 1], b.smoothedAccuracy()[b.size() - 1], 1e-5);
    }

    @Test
    void timelineKeepsAtMostItsCapacityAndSpansTheRun() {
        FilterTimeline timeline = new FilterTimeline();
        float[] w = new float[4];
        for (long s = 0; s <= 10_000; s++) timeline.offer(s, () -> List.of(new ConvFilters("c", 1, 1, 2, 2, w)));
        List<TimelineFrame> frames = timeline.frames();
        assertTrue(frames.size() <= FilterTimeline.CAPACITY, "frames: " + frames.size());
        assertTrue(frames.size() >= FilterTimeline.CAPACITY / 2, "frames: " + frames.size());
        assertEquals(0, frames.get(0).step());
        assertTrue(frames.get(frames.size() - 1).step() > 10_000 - 2 * timeline.interval());
    }
}
