package org.convscope.training;

import static org.convscope.training.TrainingSessionTest.assertSameWeights;
import static org.convscope.training.TrainingSessionTest.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convscope.engine.Loss;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.optim.OptimizerConfig;
import org.convscope.engine.train.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The four phases of a step are the engine's own: same weights after, same gradients, the loss it computed. */
class StepPhasesTest {
    private static final TrainingSettings SETTINGS = TrainingSessionTest.SETTINGS.withShift(0);

    private final Stripes train = new Stripes(160, 17);
    private final Stripes test = new Stripes(30, 18);
    private TrainingSession a;
    private TrainingSession b;

    private TrainingSession start(TrainingSettings settings) {
        return new TrainingSession(Stripes.net(), train, test, settings, KernelSelection.preferred(), "");
    }

    @AfterEach
    void close() {
        if (a != null) a.close();
        if (b != null) b.close();
    }

    @Test
    void theWeightsAfterAreWhatTheSessionsOwnStepProduces() throws Exception {
        a = start(SETTINGS);
        b = start(SETTINGS);
        await(a.stepBatch());
        await(b.stepBatch());
        StepPhases phases = await(a.stepInPhases());
        float[][] before = await(b.networkCopy()).copyParams();
        await(b.stepSample());
        assertSameWeights(before, phases.before());
        assertSameWeights(await(b.networkCopy()).copyParams(), phases.after());
        assertSameWeights(phases.after(), await(a.networkCopy()).copyParams());
        assertEquals(2, phases.step());
        assertEquals(b.latestFrame().step(), a.latestFrame().step());
        assertEquals(b.latestFrame().position(), a.latestFrame().position());
        assertEquals(Trainer.shuffled(train.size(), 3 * 31)[16], phases.sample());
        assertEquals(train.label(phases.sample()), phases.label());
        for (FilterStep f : phases.filters()) {
            float[] w = f.before().weights();
            for (int i = 0; i < w.length; i++) assertEquals(f.after().weights()[i], w[i] + f.delta().weights()[i], 1e-7f);
        }
    }

    @Test
    void withPlainSgdTheUpdateIsMinusTheLearningRateTimesTheGradientOfTheSample() throws Exception {
        a = start(SETTINGS.withOptimizer(OptimizerConfig.sgd(0.1f)).withLoss(Loss.SQUARED_ERROR));
        StepPhases phases = await(a.stepInPhases());
        assertEquals(0.1f, phases.learningRate());
        for (int p = 0; p < phases.before().length; p++) {
            for (int j = 0; j < phases.before()[p].length; j++) {
                assertEquals(phases.before()[p][j] - 0.1f * phases.gradients()[p][j], phases.after()[p][j],
                        phases.paramNames().get(p) + "[" + j + "]");
            }
        }

        Network net = Network.initialized(Stripes.net(), 3);
        Workspace ws = new Workspace(net, KernelSelection.preferred(), 1);
        train.fill(new int[] {phases.sample()}, 0, 1, ws.input());
        ws.forward(1);
        double loss = ws.backward(new int[] {phases.label()}, 0, Loss.SQUARED_ERROR, 1f);
        for (int i = 0; i < net.layers().size(); i++) {
            float[] expected = java.util.Arrays.copyOf(ws.output(i), net.layers().get(i).output().size());
            assertArrayEquals(expected, phases.forward().output(i), 1e-6f, "output of layer " + i);
        }
        for (int p = 0; p < ws.paramGrads().length; p++) {
            assertArrayEquals(ws.paramGrads()[p], phases.gradients()[p], 1e-6f, phases.paramNames().get(p));
        }
        assertArrayEquals(java.util.Arrays.copyOf(ws.outputGrad(0), net.layers().get(0).output().size()),
                phases.activationGradients()[0], 1e-6f, "dL/dA of conv");
        assertNotEquals(0f, maxAbs(phases.filters().get(0).gradient().weights()));
        assertEquals(loss, phases.loss().total(), 1e-6);
    }

    @Test
    void theSquaredErrorLossIsHalfTheSumOfSquaredDifferencesClassByClass() throws Exception {
        a = start(SETTINGS.withLoss(Loss.SQUARED_ERROR));
        LossPhase loss = await(a.stepInPhases()).loss();
        double sum = 0;
        for (int i = 0; i < Stripes.CLASSES; i++) {
            float t = i == loss.label() ? 1 : 0;
            assertEquals(t, loss.target()[i]);
            assertEquals(0.5f * (t - loss.output()[i]) * (t - loss.output()[i]), loss.terms()[i], 1e-7f);
            assertEquals(loss.output()[i] - t, loss.gradient()[i], 1e-7f);
            sum += loss.terms()[i];
        }
        assertEquals(loss.total(), sum, 1e-6);
    }

    @Test
    void crossEntropyCountsOnlyTheTrueClassAndTheBackwardPassStartsAtTheLogits() throws Exception {
        a = start(SETTINGS);
        StepPhases phases = await(a.stepInPhases());
        LossPhase loss = phases.loss();
        float sumP = 0;
        for (int i = 0; i < Stripes.CLASSES; i++) {
            sumP += loss.output()[i];
            if (i != loss.label()) assertEquals(0f, loss.terms()[i]);
        }
        assertEquals(1f, sumP, 1e-5f);
        assertEquals(-Math.log(loss.output()[loss.label()]), loss.total(), 1e-5);
        int softmax = Stripes.net().layers().size() - 1;
        assertNull(phases.activationGradients()[softmax], "cross-entropy skips the softmax's own gradient");
        assertArrayEquals(loss.gradient(), phases.activationGradients()[softmax - 1], 1e-7f);
    }

    @Test
    void changingTheLearningRateWhileRunningKeepsTheMomentum() throws Exception {
        a = start(SETTINGS);
        await(a.stepBatch());
        await(a.stepBatch());
        await(a.setLearningRate(0.01f));
        await(a.stepBatch());
        try (Trainer trainer = new Trainer(Network.initialized(Stripes.net(), 3), SETTINGS.trainConfig(),
                KernelSelection.preferred())) {
            int[] order = Trainer.shuffled(train.size(), 3 * 31);
            trainer.trainBatch(train, order, 0, 16);
            trainer.trainBatch(train, order, 16, 16);
            trainer.setLearningRate(0.01f);
            trainer.trainBatch(train, order, 32, 16);
            assertSameWeights(trainer.network().copyParams(), await(a.networkCopy()).copyParams());
        }
        assertEquals(0.01f, a.latestFrame().settings().optimizer().learningRate());
    }

    @Test
    void aDivergingPhasedStepFailsWithTheReasonAndKeepsTheWeights() throws Exception {
        a = start(SETTINGS.withOptimizer(OptimizerConfig.sgd(1e30f)));
        float[][] initial = await(a.networkCopy()).copyParams();
        Exception failure = null;
        for (int s = 0; s < 20 && failure == null; s++) {
            try {
                await(a.stepInPhases());
            } catch (java.util.concurrent.ExecutionException e) {
                failure = e;
            }
        }
        assertTrue(failure != null && failure.getCause().getMessage().contains("learning rate"), String.valueOf(failure));
        assertTrue(a.latestFrame().message().startsWith("Training diverged"), a.latestFrame().message());
        assertSameWeights(initial, await(a.networkCopy()).copyParams());
    }

    private static float maxAbs(float[] v) {
        float m = 0;
        for (float x : v) m = Math.max(m, Math.abs(x));
        return m;
    }
}
