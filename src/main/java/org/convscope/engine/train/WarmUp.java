package org.convscope.engine.train;

import java.util.Arrays;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.optim.OptimizerConfig;
import org.convscope.engine.spec.NetworkSpec;

/**
 * Gets the JIT to compile the kernels before they matter. The Vector API code runs many times slower until C2 has
 * compiled it, which takes seconds of use; a benchmark would measure compilation and the app's first drawing would
 * lag. Runs training steps and single-image forward passes of a throw-away copy of the architecture until the JIT
 * has been idle for {@value #QUIET_MILLIS} ms (it compiles the big kernels one after another, and on a busy machine
 * that takes many seconds), or until its time is up.
 */
public final class WarmUp {
    private static final int BATCH = 64;
    private static final long QUIET_MILLIS = 1500;

    private WarmUp() {}

    /** Runs on the calling thread for at most about {@code nanos} nanoseconds; returns once the JIT is idle. */
    public static void run(NetworkSpec spec, Kernels kernels, long nanos) {
        long start = System.nanoTime();
        long end = start + nanos;
        JitQuiet jit = new JitQuiet(QUIET_MILLIS);
        Network network = Network.initialized(spec, 42);
        Dims dims = network.input();
        Workspace single = new Workspace(network, kernels, 1);
        SampleSource data = new RandomImages(dims, network.numClasses(), BATCH, 5);
        data.fill(new int[] {0}, 0, 1, single.input());
        int[] order = new int[BATCH];
        Arrays.setAll(order, i -> i);
        TrainConfig config = TrainConfig.defaults().withThreads(1).withCosine(false).withBatchSize(BATCH)
                .withOptimizer(OptimizerConfig.momentum(0.01f, 0.9f));
        try (Trainer trainer = new Trainer(network, config, kernels)) {
            do {
                trainer.trainBatch(data, order, 0, BATCH);
                for (int i = 0; i < 20; i++) single.forward(1);
                if (jit.idle()) return;
            } while (System.nanoTime() < end);
        }
    }
}
