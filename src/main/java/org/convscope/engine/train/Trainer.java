package org.convscope.engine.train;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.SpinPool;
import org.convscope.engine.optim.Optimizer;

/**
 * Mini-batch training on all cores: each batch is split into a fixed number of contiguous chunks (see
 * {@link #chunks}), each with its own workspace and gradient buffers; the threads take the chunks one at a time,
 * whichever is free first, and the chunks' gradients are summed in chunk order (a deterministic reduction) before one
 * optimizer step. Taking chunks rather than owning a slice matters on a busy machine: when another thread (the UI's
 * renderer, say) takes a core, the other cores do the chunks that the descheduled thread would have done, instead of
 * waiting for it. The weights depend on the seed, the batch size and {@link #chunks}, not on which thread ran what:
 * up to four threads, 1, 2, 3 or 4 threads give the same weights.
 * <p>
 * Layers frozen by {@link TrainConfig#trainLast()} keep their parameters and cost no backward pass before the first
 * layer that trains. Every step is watched by a {@link DivergenceGuard}; its update-to-weight ratio is measured every
 * {@value #MEASURE_EVERY} steps.
 */
public final class Trainer implements AutoCloseable {
    private static final int EVAL_CHUNK = 100;
    /** Samples per chunk of a large batch: enough for efficient kernels, small enough to balance the threads. */
    private static final int CHUNK = 16;
    /** The update-to-weight ratio is measured every this many steps (measuring copies the weights once). */
    static final int MEASURE_EVERY = 4;

    private final Network network;
    private final TrainConfig config;
    private final Kernels kernels;
    private final Workspace[] workspaces;
    private final Workspace[] evalWorkspaces;
    private final Optimizer optimizer;
    private final SpinPool pool;
    private final float[][] grads;
    private final boolean[] frozenParams;
    private final DivergenceGuard guard;
    private int[] labels;
    private long step;
    private long totalSteps = 1;
    private float baseRate;

    public Trainer(Network network, TrainConfig config, Kernels kernels) {
        this(network, config, kernels, new DivergenceGuard());
    }

    /** @param guard decides when the run has diverged; a caller that rebuilds its trainer may keep its guard */
    public Trainer(Network network, TrainConfig config, Kernels kernels, DivergenceGuard guard) {
        this.network = network;
        this.guard = guard;
        this.config = config;
        this.kernels = kernels;
        this.baseRate = config.optimizer().learningRate();
        int threads = config.threads();
        int chunks = chunks(config.batchSize(), threads);
        int slice = (config.batchSize() + chunks - 1) / chunks;
        workspaces = new Workspace[chunks];
        evalWorkspaces = new Workspace[threads];
        boolean[] frozenLayers = Freezing.frozenLayers(network, config.trainLast());
        for (int c = 0; c < chunks; c++) {
            workspaces[c] = new Workspace(network, kernels, slice);
            workspaces[c].setFrozen(frozenLayers);
        }
        frozenParams = Freezing.frozenParams(network, frozenLayers);
        optimizer = new Optimizer(config.optimizer(), network.params());
        optimizer.setFrozen(frozenParams);
        grads = workspaces[0].paramGrads();
        labels = new int[config.batchSize()];
        pool = new SpinPool(threads - 1, "convscope-train");
    }

    /**
     * The chunks a batch of {@code batchSize} is split into on {@code threads} threads: one per {@value #CHUNK}
     * samples, at least four (so that two to four threads can balance their load) and at least one per thread, at
     * most one per sample.
     */
    static int chunks(int batchSize, int threads) {
        return Math.min(batchSize, Math.max((batchSize + CHUNK - 1) / CHUNK, Math.max(4, threads)));
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

    /** The guard that watches every step for divergence. */
    public DivergenceGuard guard() {
        return guard;
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
        int chunks = Math.min(workspaces.length, count);
        float scale = 1f / count;
        double[] losses = new double[chunks];
        int[] correct = new int[chunks];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                int begin = count * c / chunks;
                int n = count * (c + 1) / chunks - begin;
                Workspace ws = workspaces[c];
                ws.zeroGrads();
                source.fill(indices, from + begin, n, ws.input());
                ws.forward(n);
                for (int i = 0; i < n; i++) if (ws.predicted(i) == labels[begin + i]) correct[c]++;
                losses[c] = ws.backward(labels, begin, config.loss(), scale);
            }
        };
        runOnAllThreads(worker, chunks);
        double loss = 0;
        int right = 0;
        for (int c = 0; c < chunks; c++) {
            loss += losses[c];
            right += correct[c];
        }
        loss /= count;
        guard.checkLoss(step + 1, loss);
        for (int c = 1; c < chunks; c++) {
            float[][] other = workspaces[c].paramGrads();
            for (int p = 0; p < grads.length; p++) {
                if (!frozenParams[p]) kernels.axpy(1f, other[p], 0, grads[p], 0, grads[p].length);
            }
        }
        float lr = learningRate();
        if (probe != null) probe.beforeUpdate(workspaces[0], grads, lr);
        double ratio = optimizer.step(network.params(), grads, lr, step % MEASURE_EVERY == 0);
        step++;
        guard.afterStep(step, loss, ratio);
        return new BatchResult(loss, right, count);
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

    /**
     * Loss, accuracy and confusion matrix on every sample of the source, on all threads (which take chunks of
     * {@value #EVAL_CHUNK} samples as they come free; the losses are summed in chunk order).
     */
    public Evaluation evaluate(SampleSource source) {
        int threads = evalWorkspaces.length;
        int classes = network.numClasses();
        int chunks = (source.size() + EVAL_CHUNK - 1) / EVAL_CHUNK;
        int[][][] confusion = new int[threads][classes][classes];
        double[] losses = new double[chunks];
        int[] all = new int[source.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        AtomicInteger slots = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            int slot = slots.getAndIncrement();
            if (evalWorkspaces[slot] == null) evalWorkspaces[slot] = new Workspace(network, kernels, EVAL_CHUNK);
            Workspace ws = evalWorkspaces[slot];
            int[] chunkLabels = new int[EVAL_CHUNK];
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                int from = c * EVAL_CHUNK;
                int n = Math.min(EVAL_CHUNK, all.length - from);
                source.fill(all, from, n, ws.input());
                ws.forward(n);
                for (int i = 0; i < n; i++) {
                    chunkLabels[i] = source.label(from + i);
                    confusion[slot][chunkLabels[i]][ws.predicted(i)]++;
                }
                losses[c] = lossOf(ws, chunkLabels, n);
            }
        };
        runOnAllThreads(worker, chunks);
        int[][] total = new int[classes][classes];
        double loss = 0;
        long right = 0;
        for (double l : losses) loss += l;
        for (int t = 0; t < threads; t++) {
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

    /**
     * Runs {@code worker} on this thread and on up to {@code useful} − 1 of the pool's threads at once, and waits for
     * all: each run takes work items until none is left.
     */
    /** Runs {@code worker} on this thread and at once on as many of the pool's as are useful (at most all). */
    private void runOnAllThreads(Runnable worker, int useful) {
        pool.run(worker, Math.min(evalWorkspaces.length, useful) - 1);
    }

    @Override
    public void close() {
        pool.close();
    }
}
