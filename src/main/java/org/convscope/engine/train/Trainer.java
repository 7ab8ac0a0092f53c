package org.convscope.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.optim.Optimizer;

/**
 * Mini-batch training on all cores: each batch is split into one contiguous slice per thread, every thread runs
 * forward and backward on its slice into its own gradient buffers, and the buffers are summed in thread order
 * (a deterministic reduction) before one optimizer step. The same seed and thread count give the same weights.
 */
public final class Trainer implements AutoCloseable {
    private static final int EVAL_CHUNK = 100;

    private final Network network;
    private final TrainConfig config;
    private final Kernels kernels;
    private final Workspace[] workspaces;
    private final Workspace[] evalWorkspaces;
    private final Optimizer optimizer;
    private final ExecutorService pool;
    private final float[][] grads;
    private int[] labels;
    private long step;
    private long totalSteps = 1;
    private float baseRate;

    public Trainer(Network network, TrainConfig config, Kernels kernels) {
        this.network = network;
        this.config = config;
        this.kernels = kernels;
        this.baseRate = config.optimizer().learningRate();
        int threads = config.threads();
        int slice = (config.batchSize() + threads - 1) / threads;
        workspaces = new Workspace[threads];
        evalWorkspaces = new Workspace[threads];
        for (int t = 0; t < threads; t++) workspaces[t] = new Workspace(network, kernels, slice);
        optimizer = new Optimizer(config.optimizer(), network.params());
        grads = workspaces[0].paramGrads();
        labels = new int[config.batchSize()];
        AtomicInteger counter = new AtomicInteger();
        pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread thread = new Thread(r, "convscope-train-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public Network network() {
        return network;
    }

    public TrainConfig config() {
        return config;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public long steps() {
        return step;
    }

    /** The learning rate of the next step (follows the cosine schedule when configured). */
    public float learningRate() {
        float base = baseRate;
        if (!config.cosine()) return base;
        double progress = Math.min(1.0, (double) step / totalSteps);
        return (float) (base * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }

    /**
     * Changes the base learning rate η from the next step on, keeping the optimizer's state (momentum, Adam's
     * moments and step count): training goes on as if η had been this from the start of the step.
     */
    public void setLearningRate(float lr) {
        if (!(lr > 0) || !Float.isFinite(lr)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + lr);
        }
        baseRate = lr;
    }

    /** Sets the length of the run that the cosine schedule spans. */
    public void planSteps(long total) {
        totalSteps = Math.max(1, total);
    }

    /** Trains on samples indices[from, from + count): one forward, backward and update. */
    public BatchResult trainBatch(SampleSource source, int[] indices, int from, int count) {
        return trainBatch(source, indices, from, count, null);
    }

    /** {@link #trainBatch(SampleSource, int[], int, int)}, shown to {@code probe} (if not null) before the update. */
    public BatchResult trainBatch(SampleSource source, int[] indices, int from, int count, StepProbe probe) {
        if (count <= 0 || count > config.batchSize()) {
            throw new IllegalArgumentException("batch of " + count + " outside 1.." + config.batchSize());
        }
        if (labels.length < count) labels = new int[count];
        for (int i = 0; i < count; i++) labels[i] = source.label(indices[from + i]);
        int threads = workspaces.length;
        float scale = 1f / count;
        double[] losses = new double[threads];
        int[] correct = new int[threads];
        List<Runnable> tasks = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int begin = count * t / threads;
            int end = count * (t + 1) / threads;
            Workspace ws = workspaces[t];
            int thread = t;
            tasks.add(() -> {
                ws.zeroGrads();
                if (end == begin) return;
                int n = end - begin;
                source.fill(indices, from + begin, n, ws.input());
                ws.forward(n);
                for (int i = 0; i < n; i++) if (ws.predicted(i) == labels[begin + i]) correct[thread]++;
                losses[thread] = ws.backward(labels, begin, config.loss(), scale);
            });
        }
        runAll(tasks);
        double loss = 0;
        int right = 0;
        for (int t = 0; t < threads; t++) {
            loss += losses[t];
            right += correct[t];
        }
        loss /= count;
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException("training diverged at step " + (step + 1) + ": the loss became " + loss
                    + "; the learning rate " + learningRate() + " is probably too high");
        }
        for (int t = 1; t < threads; t++) {
            float[][] other = workspaces[t].paramGrads();
            for (int p = 0; p < grads.length; p++) kernels.axpy(1f, other[p], 0, grads[p], 0, grads[p].length);
        }
        float lr = learningRate();
        if (probe != null) probe.beforeUpdate(workspaces[firstBusyThread(count, threads)], grads, lr);
        optimizer.step(network.params(), grads, lr);
        step++;
        return new BatchResult(loss, right, count);
    }

    /** The first thread whose slice of a batch of {@code count} is not empty: it ran the batch's first sample. */
    private static int firstBusyThread(int count, int threads) {
        int t = 0;
        while (count * (t + 1) / threads == 0) t++;
        return t;
    }

    /** Called after every batch of an epoch. */
    public interface Progress {
        void batchDone(int batch, int batches, BatchResult result);
    }

    /** One pass over the training samples in a seeded random order; test accuracy measured on {@code test}. */
    public EpochResult trainEpoch(SampleSource train, SampleSource test, int epoch, Progress progress) {
        int n = train.size();
        int[] order = shuffled(n, config.seed() * 31 + epoch);
        int batches = (n + config.batchSize() - 1) / config.batchSize();
        long start = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        for (int b = 0; b < batches; b++) {
            int from = b * config.batchSize();
            int count = Math.min(config.batchSize(), n - from);
            BatchResult r = trainBatch(train, order, from, count);
            lossSum += r.loss() * count;
            correct += r.correct();
            if (progress != null) progress.batchDone(b + 1, batches, r);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double testAccuracy = test == null ? Double.NaN : evaluate(test).accuracy();
        return new EpochResult(epoch, lossSum / n, (double) correct / n, testAccuracy, n / seconds);
    }

    /** A random permutation of 0..n−1 from the seed (Fisher–Yates). */
    public static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    /** Loss, accuracy and confusion matrix on every sample of the source, on all threads. */
    public Evaluation evaluate(SampleSource source) {
        int threads = workspaces.length;
        int classes = network.numClasses();
        int chunks = (source.size() + EVAL_CHUNK - 1) / EVAL_CHUNK;
        int[][][] confusion = new int[threads][classes][classes];
        double[] losses = new double[threads];
        int[] all = new int[source.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        List<Runnable> tasks = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            tasks.add(() -> {
                if (evalWorkspaces[thread] == null) evalWorkspaces[thread] = new Workspace(network, kernels, EVAL_CHUNK);
                Workspace ws = evalWorkspaces[thread];
                int[] chunkLabels = new int[EVAL_CHUNK];
                for (int c = thread; c < chunks; c += threads) {
                    int from = c * EVAL_CHUNK;
                    int n = Math.min(EVAL_CHUNK, all.length - from);
                    source.fill(all, from, n, ws.input());
                    ws.forward(n);
                    for (int i = 0; i < n; i++) {
                        chunkLabels[i] = source.label(from + i);
                        confusion[thread][chunkLabels[i]][ws.predicted(i)]++;
                    }
                    losses[thread] += lossOf(ws, chunkLabels, n);
                }
            });
        }
        runAll(tasks);
        int[][] total = new int[classes][classes];
        double loss = 0;
        long right = 0;
        for (int t = 0; t < threads; t++) {
            loss += losses[t];
            for (int i = 0; i < classes; i++) for (int j = 0; j < classes; j++) total[i][j] += confusion[t][i][j];
        }
        for (int i = 0; i < classes; i++) right += total[i][i];
        return new Evaluation(loss / source.size(), (double) right / source.size(), total);
    }

    private double lossOf(Workspace ws, int[] chunkLabels, int n) {
        int classes = network.numClasses();
        float[] scratch = new float[classes];
        float[] y = ws.result();
        boolean probabilities = network.spec().endsWithSoftmax();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float[] one = java.util.Arrays.copyOfRange(y, i * classes, (i + 1) * classes);
            sum += config.loss().apply(one, 0, classes, chunkLabels[i], probabilities, scratch, 1f);
        }
        return sum;
    }

    private void runAll(List<Runnable> tasks) {
        if (pool == null) {
            tasks.get(0).run();
            return;
        }
        List<Future<?>> futures = new ArrayList<>(tasks.size() - 1);
        for (int t = 1; t < tasks.size(); t++) futures.add(pool.submit(tasks.get(t)));
        tasks.get(0).run();
        try {
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
