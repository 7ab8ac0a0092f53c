package org.convscope.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.convscope.engine.Network;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.optim.OptimizerConfig;
import org.convscope.engine.train.Evaluation;
import org.convscope.engine.train.ShiftAugmentation;
import org.convscope.engine.train.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session trains exactly as the engine does, stops when paused, and never keeps broken weights. */
class TrainingSessionTest {
    static final TrainingSettings SETTINGS = TrainingSettings.defaults().withBatchSize(16).withSeed(3).withShift(1)
            .withThreads(2);

    private final Stripes train = new Stripes(160, 17);
    private final Stripes test = new Stripes(90, 18);
    private TrainingSession session;

    private TrainingSession start(TrainingSettings settings) {
        session = new TrainingSession(Stripes.net(), train, test, settings, KernelSelection.preferred(), "");
        return session;
    }

    @AfterEach
    void close() {
        if (session != null) session.close();
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    static void assertSameWeights(float[][] expected, float[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int p = 0; p < expected.length; p++) assertArrayEquals(expected[p], actual[p], "parameter " + p);
    }

    @Test
    void steppingBatchesChangesTheWeightsExactlyAsTheEnginesTrainingStep() throws Exception {
        start(SETTINGS);
        for (int b = 0; b < 3; b++) await(session.stepBatch());
        float[][] studio = await(session.networkCopy()).copyParams();

        ShiftAugmentation source = new ShiftAugmentation(train, 1, 3);
        source.setEpoch(0);
        int[] order = Trainer.shuffled(train.size(), 3 * 31);
        try (Trainer trainer = new Trainer(Network.initialized(Stripes.net(), 3), SETTINGS.trainConfig(),
                KernelSelection.preferred())) {
            for (int b = 0; b < 3; b++) trainer.trainBatch(source, order, b * 16, 16);
            assertSameWeights(trainer.network().copyParams(), studio);
        }
        assertEquals(3, session.latestFrame().step());
        assertEquals(48, session.latestFrame().position());
    }

    @Test
    void steppingOneSampleTrainsOnOneSample() throws Exception {
        start(SETTINGS);
        await(session.stepSample());
        assertEquals(1, session.latestFrame().position());
        assertEquals(1, session.latestFrame().step());
    }

    @Test
    void pauseStopsAllUpdates() throws Exception {
        start(SETTINGS);
        await(session.play());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (session.latestFrame().step() < 5 && System.nanoTime() < deadline) Thread.sleep(5);
        await(session.pause());
        TrainingFrame paused = session.latestFrame();
        assertFalse(paused.running());
        float[][] weights = await(session.networkCopy()).copyParams();
        Thread.sleep(300);
        assertEquals(paused.step(), session.latestFrame().step());
        assertSameWeights(weights, await(session.networkCopy()).copyParams());
        assertTrue(paused.step() >= 5, "played " + paused.step() + " steps");
    }

    @Test
    void stepEpochTrainsToTheEndOfTheEpochAndEvaluates() throws Exception {
        start(SETTINGS);
        await(session.stepBatch());
        await(session.stepEpoch());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (session.latestFrame().running() && System.nanoTime() < deadline) Thread.sleep(5);
        TrainingFrame frame = session.latestFrame();
        assertEquals(1, frame.epoch());
        assertEquals(0, frame.position());
        assertEquals(10, frame.step());
        assertEquals(1, frame.curves().epochs().size());
        assertEquals(test.size(), frame.test().total());
        assertEquals(10, frame.health().step(), "the health is measured where the epoch stopped, not left at step 1");
    }

    @Test
    void resetWithTheSameSeedGivesTheSameWeights() throws Exception {
        start(SETTINGS);
        await(session.stepBatch());
        await(session.reset(7));
        float[][] first = await(session.networkCopy()).copyParams();
        await(session.stepBatch());
        await(session.reset(7));
        assertSameWeights(first, await(session.networkCopy()).copyParams());
        assertSameWeights(Network.initialized(Stripes.net(), 7).copyParams(), first);
        assertEquals(0, session.latestFrame().step());
    }

    @Test
    void aNanLearningRateIsRefusedAndChangesNothing() throws Exception {
        start(SETTINGS);
        assertThrows(IllegalArgumentException.class, () -> session.setLearningRate(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> session.setLearningRate(-1f));
        await(session.stepBatch());
        assertEquals(0.05f, session.latestFrame().settings().optimizer().learningRate());
    }

    @Test
    void divergenceFromATooHighLearningRatePausesAndRestoresTheLastGoodWeights() throws Exception {
        start(SETTINGS.withOptimizer(OptimizerConfig.sgd(1e30f)));
        for (int b = 0; b < 10 && session.latestFrame().message().isEmpty(); b++) await(session.stepBatch());
        TrainingFrame frame = session.latestFrame();
        assertTrue(frame.message().contains("learning rate"), frame.message());
        assertTrue(frame.message().contains("restored"), frame.message());
        assertFalse(frame.running());
        assertSameWeights(Network.initialized(Stripes.net(), 3).copyParams(), await(session.networkCopy()).copyParams());
    }

    @Test
    void aNanLossWhilePlayingPausesAndRollsBack() throws Exception {
        train.poisoned(0);
        start(SETTINGS.withShift(0));
        await(session.play());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (session.latestFrame().message().isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
        TrainingFrame frame = session.latestFrame();
        assertFalse(frame.running());
        assertTrue(frame.message().startsWith("Training diverged"), frame.message());
        for (float[] p : await(session.networkCopy()).copyParams()) for (float v : p) assertTrue(Float.isFinite(v));
    }

    @Test
    void theConfusionMatrixSumsToTheTestSetAndMatchesTheEnginesEvaluation() throws Exception {
        start(SETTINGS);
        for (int b = 0; b < 4; b++) await(session.stepBatch());
        await(session.evaluate());
        Evaluation studio = session.latestFrame().test();
        assertEquals(test.size(), studio.total());
        try (Trainer trainer = new Trainer(await(session.networkCopy()), SETTINGS.trainConfig(), KernelSelection.preferred())) {
            Evaluation engine = trainer.evaluate(test);
            assertArrayEquals(engine.confusion(), studio.confusion());
            assertEquals(engine.accuracy(), studio.accuracy());
        }
        for (int t = 0; t < Stripes.CLASSES; t++) {
            for (int p = 0; p < Stripes.CLASSES; p++) {
                int[] samples = await(session.testSamples(t, p));
                assertEquals(studio.confusion()[t][p], samples.length, "cell " + t + "," + p);
                for (int i : samples) assertEquals(t, test.label(i));
            }
        }
    }

    @Test
    void theLearningRateCanChangeWhileRunningButTheOptimizerCannot() throws Exception {
        start(SETTINGS);
        await(session.play());
        await(session.setLearningRate(0.01f));
        assertEquals(0.01f, session.latestFrame().settings().optimizer().learningRate());
        Future<Void> refused = session.applySettings(SETTINGS.withOptimizer(OptimizerConfig.adam(0.001f)));
        Exception e = assertThrows(Exception.class, () -> await(refused));
        assertTrue(e.getCause() instanceof IllegalStateException, e.toString());
        await(session.pause());
        await(session.applySettings(SETTINGS.withOptimizer(OptimizerConfig.adam(0.001f))));
        assertEquals(OptimizerConfig.Kind.ADAM, session.latestFrame().settings().optimizer().kind());
    }
}
