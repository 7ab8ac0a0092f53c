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
