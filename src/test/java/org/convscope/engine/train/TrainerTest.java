package org.convscope.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.optim.OptimizerConfig;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final Dims DIMS = new Dims(1, 8, 8);
    private static final int CLASSES = 3;

    private static NetworkSpec tiny() {
        return new NetworkSpec("tiny", DIMS, List.of(
                ConvSpec.square("conv", 4, 3, 1, 1),
                new ActivationSpec("relu", ActivationSpec.Kind.RELU),
                new PoolSpec("pool", PoolSpec.Kind.MAX, 2, 2),
                new FlattenSpec("flatten"),
                new DenseSpec("fc", CLASSES),
                new SoftmaxSpec("softmax")));
    }

    /** Noisy images whose class says which third of the rows is bright: easy to learn, not trivial to fit at once. */
    private static SampleSource stripes(int size) {
        SplittableRandom random = new SplittableRandom(17);
        float[] data = new float[size * DIMS.size()];
        int[] labels = new int[size];
        for (int s = 0; s < size; s++) {
            labels[s] = random.nextInt(CLASSES);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    float bright = y * CLASSES / 8 == labels[s] ? 0.8f : 0f;
                    data[s * DIMS.size() + y * 8 + x] = bright + (float) random.nextDouble(0, 0.5);
                }
            }
        }
        return new SampleSource() {
            public int size() {
                return size;
            }

            public Dims dims() {
                return DIMS;
            }

            public int numClasses() {
                return CLASSES;
            }

            public int label(int index) {
                return labels[index];
            }

            public void fill(int[] indices, int from, int count, float[] out) {
                for (int i = 0; i < count; i++) {
                    System.arraycopy(data, indices[from + i] * DIMS.size(), out, i * DIMS.size(), DIMS.size());
                }
            }
        };
    }

    private static TrainConfig config(int threads, float lr) {
        return TrainConfig.defaults().withThreads(threads).withBatchSize(16).withCosine(false)
                .withOptimizer(OptimizerConfig.momentum(lr, 0.9f)).withSeed(3);
    }

    /** Weights after a few batches of a fresh run. */
    private static float[][] weightsAfterTraining(int threads) {
        SampleSource source = stripes(160);
        int[] order = Trainer.shuffled(source.size(), 5);
        try (Trainer trainer = new Trainer(Network.initialized(tiny(), 1), config(threads, 0.05f), KernelSelection.preferred())) {
            for (int b = 0; b < 6; b++) trainer.trainBatch(source, order, b * 16, b == 5 ? 13 : 16);
            return trainer.network().copyParams();
        }
    }

    private static void assertBitIdentical(float[][] expected, float[][] actual) {
        for (int p = 0; p < expected.length; p++) assertArrayEquals(expected[p], actual[p], "parameter " + p);
    }

    @Test
    void oneThreadIsBitReproducible() {
        assertBitIdentical(weightsAfterTraining(1), weightsAfterTraining(1));
    }

    @Test
    void twoThreadsAreBitReproducible() {
        assertBitIdentical(weightsAfterTraining(2), weightsAfterTraining(2));
    }

    @Test
    void upToFourThreadsTrainTheSameWeightsAsOne() {
        float[][] one = weightsAfterTraining(1);
        assertBitIdentical(one, weightsAfterTraining(2));
        assertBitIdentical(one, weightsAfterTraining(3));
    }

    @Test
    void evaluationDoesNotDependOnTheThreadCount() {
        SampleSource source = stripes(1234);
        Network net = Network.initialized(tiny(), 4);
        try (Trainer one = new Trainer(net, config(1, 0.05f), KernelSelection.preferred());
             Trainer two = new Trainer(net, config(2, 0.05f), KernelSelection.preferred())) {
            Evaluation a = one.evaluate(source);
            Evaluation b = two.evaluate(source);
            assertTrue(a.loss() == b.loss() && a.accuracy() == b.accuracy(), a + " vs " + b);
            for (int i = 0; i < CLASSES; i++) assertArrayEquals(a.confusion()[i], b.confusion()[i]);
        }
    }

    @Test
    void divergenceThrowsAndLeavesTheWeightsOfTheFailingStepUntouched() {
        SampleSource source = stripes(160);
        int[] order = Trainer.shuffled(source.size(), 5);
        TrainConfig huge = config(2, 1e30f);
        try (Trainer trainer = new Trainer(Network.initialized(tiny(), 1), huge, KernelSelection.preferred())) {
            for (int b = 0; b < 10; b++) {
                float[][] before = trainer.network().copyParams();
                long steps = trainer.steps();
                try {
                    trainer.trainBatch(source, order, b * 16, 16);
                } catch (TrainingDivergedException e) {
                    assertBitIdentical(before, trainer.network().copyParams());
                    assertTrue(trainer.steps() == steps, "the failing step was counted");
                    assertTrue(e.reason().contains("NaN") || e.reason().contains("infinite"), e.getMessage());
                    return;
                }
            }
            fail("learning rate 1e30 never diverged");
        }
    }

    @Test
    void rejectsBatchLargerThanConfigured() {
        SampleSource source = stripes(40);
        try (Trainer trainer = new Trainer(Network.initialized(tiny(), 1), config(1, 0.05f), KernelSelection.preferred())) {
            assertThrows(IllegalArgumentException.class, () -> trainer.trainBatch(source, new int[40], 0, 17));
        }
    }

    @Test
    void lossGoesDownOnASmallSlice() {
        SampleSource source = stripes(320);
        try (Trainer trainer = new Trainer(Network.initialized(tiny(), 1), config(2, 0.05f), KernelSelection.preferred())) {
            int batches = source.size() / 16;
            double first = 0, last = 0;
            for (int epoch = 0; epoch < 4; epoch++) {
                int[] order = Trainer.shuffled(source.size(), epoch);
                double sum = 0;
                for (int b = 0; b < batches; b++) sum += trainer.trainBatch(source, order, b * 16, 16).loss();
                if (epoch == 0) first = sum / batches;
                last = sum / batches;
            }
            assertTrue(last < 0.5 * first, "mean loss went from " + first + " to " + last);
            assertTrue(trainer.evaluate(source).accuracy() > 0.9, "accuracy after 4 epochs");
        }
    }

    @Test
    void aNewLearningRateKeepsTheMomentumAndTheProbeSeesTheGradientTheUpdateUses() {
        SampleSource data = stripes(48);
        int[] order = new int[48];
        for (int i = 0; i < 48; i++) order[i] = i;
        try (Trainer trainer = new Trainer(Network.initialized(tiny(), 5), config(2, 0.05f), KernelSelection.preferred())) {
            trainer.trainBatch(data, order, 0, 16);
            trainer.trainBatch(data, order, 16, 16);
            float[][] w2 = trainer.network().copyParams();
            float[][] v2 = new float[w2.length][];
            for (int p = 0; p < w2.length; p++) v2[p] = trainer.optimizer().state()[0][p].clone();
            trainer.setLearningRate(0.01f);
            float[][][] seen = new float[1][][];
            float[] rate = new float[1];
            trainer.trainBatch(data, order, 32, 16, (ws, grads, lr) -> {
                seen[0] = new float[grads.length][];
                for (int p = 0; p < grads.length; p++) seen[0][p] = grads[p].clone();
                rate[0] = lr;
            });
            assertTrue(rate[0] == 0.01f, "learning rate " + rate[0]);
            float[][] w3 = trainer.network().copyParams();
            for (int p = 0; p < w3.length; p++) {
                float[] expected = new float[w3[p].length];
                for (int j = 0; j < expected.length; j++) {
                    float v = 0.9f * v2[p][j] + seen[0][p][j] + 0f * w2[p][j];
                    expected[j] = w2[p][j] - 0.01f * v;
                }
                assertArrayEquals(expected, w3[p], "parameter " + p);
            }
        }
    }

    @Test
    void frozenLayersKeepTheirWeightsWhileTheLastOnesTrainAsTheyWouldUnfrozen() {
        SampleSource data = stripes(64);
        int[] order = Trainer.shuffled(data.size(), 2);
        TrainConfig sgd = config(2, 0.1f).withOptimizer(OptimizerConfig.sgd(0.1f));
        try (Trainer all = new Trainer(Network.initialized(tiny(), 4), sgd, KernelSelection.preferred());
             Trainer last = new Trainer(Network.initialized(tiny(), 4), sgd.withTrainLast(1), KernelSelection.preferred())) {
            float[][] start = last.network().copyParams();
            all.trainBatch(data, order, 0, 16);
            last.trainBatch(data, order, 0, 16);
            float[][] a = all.network().copyParams();
            float[][] l = last.network().copyParams();
            // params: conv.weight, conv.bias, fc.weight, fc.bias; only fc trains with trainLast = 1
            assertArrayEquals(start[0], l[0], "frozen conv weights");
            assertArrayEquals(start[1], l[1], "frozen conv bias");
            assertTrue(!java.util.Arrays.equals(start[0], a[0]), "unfrozen, the conv weights change");
            assertArrayEquals(a[2], l[2], "the first step of fc is the same whether conv is frozen or not");
            assertArrayEquals(a[3], l[3]);
            for (int b = 1; b < 4; b++) last.trainBatch(data, order, b * 16, 16);
            assertArrayEquals(start[0], last.network().copyParams()[0], "still frozen after four steps");
        }
    }

    @Test
    void theBackwardPassSkipsTheLayersBeforeTheFirstOneThatTrains() {
        Network net = Network.initialized(tiny(), 4);
        SampleSource data = stripes(4);
        int relu = 1;
        float[] reluGradient = null;
        for (boolean frozenConv : new boolean[] {false, true}) {
            Workspace ws = new Workspace(net, KernelSelection.preferred(), 4);
            ws.setFrozen(Freezing.frozenLayers(net, frozenConv ? 1 : 0));
            data.fill(new int[] {0, 1, 2, 3}, 0, 4, ws.input());
            ws.forward(4);
            ws.zeroGrads();
            ws.backward(new int[] {data.label(0), data.label(1), data.label(2), data.label(3)}, 0,
                    org.convscope.engine.Loss.CROSS_ENTROPY, 0.25f);
            float[] g = java.util.Arrays.copyOf(ws.outputGrad(relu), 4 * net.layers().get(relu).output().size());
            if (!frozenConv) {
                reluGradient = g;
                assertTrue(maxAbs(g) > 0, "with conv training, dL/d relu is computed");
            } else {
                assertTrue(maxAbs(g) == 0, "with conv frozen, nothing before fc runs backward");
                assertTrue(maxAbs(ws.paramGrads()[0]) == 0, "no gradient for the frozen conv");
                assertTrue(maxAbs(reluGradient) > 0);
            }
        }
    }

    @Test
    void freezingCountsLayersWithParametersFromTheOutput() {
        long[] params = {150, 0, 0, 2416, 0, 0, 0, 48120, 0, 10164, 0, 850, 0}; // LeNet-5
        assertArrayEquals(new boolean[13], Freezing.frozenLayers(params, 0), "0: every layer trains");
        boolean[] lastTwo = Freezing.frozenLayers(params, 2);
        assertArrayEquals(new boolean[] {true, false, false, true, false, false, false, true, false, false, false, false,
                false}, lastTwo);
        assertArrayEquals(new boolean[13], Freezing.frozenLayers(params, 9), "more than there are: all train");
    }

    private static float maxAbs(float[] values) {
        float m = 0;
        for (float v : values) m = Math.max(m, Math.abs(v));
        return m;
    }
}
