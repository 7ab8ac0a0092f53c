package org.convscope.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.Parallel;
import org.convscope.engine.train.JitQuiet;

/**
 * The speed of any model's forward pass with every layer's output kept, as the explorer runs it: one image at a
 * time on all the given threads (median and p99 latency), and batches of {@value #BATCH} (images per second). It
 * warms up until the JIT has compiled the kernels (nearly idle for 1.5 s, at most a minute), then times single
 * passes for the given seconds (at least {@value #MIN_CALLS} of them).
 */
final class ModelBench {
    static final int BATCH = 8;
    private static final int MIN_CALLS = 30;
    private static final long WARM_UP_LIMIT_NANOS = 60_000_000_000L;
    private static final int MIN_WARM_UP_ROUNDS = 20;

    /** What was measured; {@code layerMs} is each layer's mean time in a single-image pass. */
    record Result(String model, long multiplyAdds, int threads, double medianMs, double p99Ms, double imagesPerSecond,
                  int calls, String kernels, double[] layerMs) {}

    private ModelBench() {}

    static Result run(Path file, Network net, Kernels kernels, int threads, double seconds) {
        try (Parallel parallel = Parallel.create(threads, "convscope-bench")) {
            Workspace single = new Workspace(net, kernels, 1, parallel);
            Workspace batch = new Workspace(net, kernels, BATCH, parallel);
            fill(single.input(), net.input().size(), 1);
            fill(batch.input(), net.input().size() * BATCH, 2);
            warmUp(single, batch);
            long[] times = new long[Math.max(MIN_CALLS, 1024)];
            long[] layerNanos = new long[net.layers().size()];
            int calls = 0;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (calls < MIN_CALLS || System.nanoTime() < end) {
                long t0 = System.nanoTime();
                single.forward(1, layerNanos);
                long t = System.nanoTime() - t0;
                if (calls == times.length) times = Arrays.copyOf(times, 2 * calls);
                times[calls++] = t;
            }
            Arrays.sort(times, 0, calls);
            double median = times[calls / 2] / 1e6;
            double p99 = times[Math.min(calls - 1, (int) Math.ceil(0.99 * calls) - 1)] / 1e6;
            int passes = 0;
            long start = System.nanoTime();
            end = start + (long) (seconds * 1e9);
            while (passes < 3 || System.nanoTime() < end) {
                batch.forward(BATCH);
                passes++;
            }
            double perSecond = passes * BATCH / ((System.nanoTime() - start) / 1e9);
            double[] layerMs = new double[layerNanos.length];
            for (int i = 0; i < layerMs.length; i++) layerMs[i] = layerNanos[i] / 1e6 / calls;
            return new Result(file.getFileName().toString(), net.spec().multiplyAdds(), threads, median, p99, perSecond,
                    calls, kernels.name(), layerMs);
        }
    }

    private static void fill(float[] x, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) x[i] = (float) random.nextGaussian();
    }

    /**
     * Runs both at least {@value #MIN_WARM_UP_ROUNDS} rounds and until the JIT has been nearly idle for 1.5 s (the
     * kernels compiled; on a busy machine the compiler threads lag, so idleness alone can come too early), or a minute
     * has passed.
     */
    private static void warmUp(Workspace single, Workspace batch) {
        JitQuiet jit = new JitQuiet(1500);
        long end = System.nanoTime() + WARM_UP_LIMIT_NANOS;
        int rounds = 0;
        do {
            for (int i = 0; i < 5; i++) single.forward(1);
            batch.forward(BATCH);
            rounds++;
        } while ((rounds < MIN_WARM_UP_ROUNDS || !jit.idle()) && System.nanoTime() < end);
    }
}
