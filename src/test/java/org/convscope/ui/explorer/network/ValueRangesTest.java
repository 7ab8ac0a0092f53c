package org.convscope.ui.explorer.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.explain.LeNetSample;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.ui.explorer.Normalisation;
import org.convscope.ui.view.Heatmap;
import org.junit.jupiter.api.Test;

/**
 * Global normalisation spans every layer but the network's scores: the logits (−15…24 on a clear digit) no longer
 * squash every other map into one flat colour, and keep a range of their own.
 */
class ValueRangesTest {
    @Test
    void theGlobalRangeLeavesTheLogitsAndTheSoftmaxOut() {
        ForwardSnapshot s = LeNetSample.snapshot(LeNetSample.DIGIT);
        NetworkSpec spec = s.spec();
        int softmax = spec.layers().size() - 1;
        int logits = softmax - 1;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int layer = -1; layer < logits; layer++) { // the input and every layer before the logits
            float[] data = layer < 0 ? s.input() : s.output(layer);
            float[] r = Heatmap.range(data, 0, data.length);
            min = Math.min(min, r[0]);
            max = Math.max(max, r[1]);
        }
        ValueRanges ranges = ValueRanges.of(s);
        assertArrayEquals(new float[] {min, max}, ranges.range(Normalisation.GLOBAL, 0, 0), "conv1 in the global range");
        float[] scores = Heatmap.range(s.output(logits), 0, s.output(logits).length);
        assertTrue(scores[1] > max, "the logits reach beyond every other layer: " + scores[1] + " > " + max);
        assertArrayEquals(scores, ranges.range(Normalisation.GLOBAL, logits, 0), "the logits keep their own range");
        assertArrayEquals(scores, ranges.legend(Normalisation.GLOBAL, logits));
        assertEquals(true, ValueRanges.isScore(spec, logits) && ValueRanges.isScore(spec, softmax)
                && !ValueRanges.isScore(spec, logits - 1));
    }
}
