package org.convscope.training;

import static org.convscope.training.TrainingSessionTest.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.convscope.data.DatasetFolder;
import org.convscope.data.TrainTest;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.spec.Presets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LeNet-5 on MNIST at η = 50 explodes without ever giving a NaN (the loss sits at 45–59, the weights reach ±1e7): the
 * studio must catch it, pause, say why, restore weights from before it, and suggest a learning rate that works.
 */
class DivergenceTest {
    private static TrainTest mnist;
    private TrainingSession session;

    @BeforeAll
    static void load() {
        mnist = DatasetFolder.bundledMnist();
    }

    @AfterEach
    void close() {
        if (session != null) session.close();
    }

    private TrainingSession start(float lr) {
        session = new TrainingSession(Presets.lenet5(), DatasetSamples.of(mnist.train(), 6400),
                DatasetSamples.of(mnist.test(), 500), TrainingSettings.defaults().withLearningRate(lr),
                KernelSelection.preferred(), "");
        return session;
    }

    private TrainingFrame playUntil(long steps) throws Exception {
        await(session.play());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        TrainingFrame f = session.latestFrame();
        while (f.message().isEmpty() && f.step() < steps && System.nanoTime() < deadline) {
            Thread.sleep(5);
            f = session.latestFrame();
        }
        await(session.pause());
        return session.latestFrame();
    }

    private static float largestWeight(float[][] params) {
        float m = 0;
        for (float[] p : params) for (float v : p) m = Math.max(m, Math.abs(v));
        return m;
    }

    @Test
    void aRunAtFiftyIsCaughtRolledBackAndToldToUseTheUsualRate() throws Exception {
        start(50f);
        TrainingFrame f = playUntil(300);
        assertFalse(f.running());
        String m = f.message();
        assertTrue(m.startsWith("Training diverged at step"), "not caught within 300 steps: " + m);
        assertTrue(m.contains("stayed above") || m.contains("more than their own size") || m.contains("NaN"), m);
        assertTrue(m.contains("were restored") && m.contains("try 0.05"), m);
        float largest = largestWeight(await(session.networkCopy()).copyParams());
        assertTrue(largest < 10, "the restored weights are from before the explosion: largest |w| " + largest);
    }

    @Test
    void aHealthyRunIsNeverStopped() throws Exception {
        start(0.05f);
        TrainingFrame f = playUntil(250);
        assertTrue(f.message().isEmpty(), f.message());
        assertTrue(f.step() >= 250);
    }

    @Test
    void raisingTheRateMidRunSuggestsTheOneThatWorked() throws Exception {
        start(0.05f);
        playUntil(60);
        await(session.setLearningRate(50f));
        TrainingFrame f = playUntil(400);
        assertTrue(f.message().contains("η = 0.05 trained well up to step"), f.message());
    }
}
