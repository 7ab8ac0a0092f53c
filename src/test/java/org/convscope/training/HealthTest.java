package org.convscope.training;

import static org.convscope.training.TrainingSessionTest.SETTINGS;
import static org.convscope.training.TrainingSessionTest.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.train.Trainer;
import org.junit.jupiter.api.Test;

/** The studio's health numbers against a direct computation on the same probe images. */
class HealthTest {
    private static final int PROBE = HealthMonitor.PROBE_SIZE;

    @Test
    void histogramsCountEveryFiniteValueInEqualBins() {
        Histogram h = Histogram.of(new float[] {-1, -0.5f, 0, 0, 0.9f, 1, Float.NaN}, 0, 7, 4);
        assertEquals(-1, h.min());
        assertEquals(1, h.max());
        assertArrayEquals(new int[] {1, 1, 2, 2}, h.counts());
        assertEquals(6, h.total());
        assertArrayEquals(new int[] {0, 0, 3}, Histogram.of(new float[] {2, 2, 2}, 0, 3, 3).counts());
    }

    @Test
    void deadReluShareGradientsAndUpdateRatioMatchADirectComputation() throws Exception {
        Stripes train = new Stripes(160, 17);
        try (TrainingSession session = new TrainingSession(Stripes.net(), train, new Stripes(90, 18), SETTINGS,
                KernelSelection.preferred(), "")) {
            SessionState start = await(session.capture());
            float[][] params = start.params();
            params[1][0] = -100; // conv filter 0's bias: its ReLU outputs are zero for every image
            await(session.restore(new SessionState(start.spec(), start.settings(), params, start.optimizerState(),
                    start.optimizerSteps(), start.step(), start.epoch(), start.position(), start.curves(),
                    start.timeline(), start.timelineInterval(), start.dataset(), start.buffers(), start.start())));
            float[][] before = await(session.networkCopy()).copyParams();
            await(session.stepBatch());
            Network after = await(session.networkCopy());
            HealthSnapshot health = session.latestFrame().health();

            assertEquals(1, health.step(), "the first step is always measured");
            assertEquals(PROBE, health.probeImages());
            assertEquals(2, health.layers().size(), "conv and fc");
            LayerHealth conv = health.layers().get(0);
            LayerHealth fc = health.layers().get(1);
            assertEquals("conv", conv.layer());
            assertEquals(after.params().get(0).size(), conv.weights().total());
            assertEquals(after.params().get(0).size(), conv.gradients().total());
            assertEquals((long) PROBE * 4 * 8 * 8, conv.activations().total());

            Workspace ws = new Workspace(after, KernelSelection.preferred(), PROBE);
            int[] picked = Trainer.shuffled(train.size(), 0x5EEDL);
            train.fill(picked, 0, PROBE, ws.input());
            ws.forward(PROBE);
            float[] relu = ws.output(1); // [n][4][8][8]
            int dead = 0;
            for (int c = 0; c < 4; c++) {
                boolean zero = true;
                for (int s = 0; s < PROBE; s++) {
                    for (int i = 0; i < 64; i++) zero &= relu[(s * 4 + c) * 64 + i] == 0f;
                }
                if (zero) dead++;
            }
            assertTrue(dead >= 1, "filter 0 is dead");
            assertEquals(dead / 4.0, conv.deadShare(), 1e-12);
            assertTrue(Double.isNaN(fc.deadShare()), "no ReLU after fc");

            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : relu) {
                if (v < min) min = v;
                if (v > max) max = v;
            }
            assertEquals(0f, min, "after ReLU");
            assertEquals(min, conv.activations().min());
            assertEquals(max, conv.activations().max());

            for (int layer = 0; layer < 2; layer++) {
                int p = layer * 2; // weight of conv, then of fc
                double diff = 0;
                double norm = 0;
                for (int i = 0; i < before[p].length; i++) {
                    double d = after.params().get(p).value()[i] - before[p][i];
                    diff += d * d;
                    norm += before[p][i] * (double) before[p][i];
                }
                double expected = Math.sqrt(diff / norm);
                assertTrue(expected > 0);
                assertEquals(expected, health.layers().get(layer).updateRatio(), expected * 1e-9);
            }
        }
    }
}
