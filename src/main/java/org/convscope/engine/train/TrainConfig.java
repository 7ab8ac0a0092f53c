package org.convscope.engine.train;

import org.convscope.engine.Loss;
import org.convscope.engine.optim.OptimizerConfig;

/**
 * Settings of a training run. With {@code cosine}, the learning rate follows η·½(1 + cos(π·step/total)) over the
 * run's total steps; otherwise it stays at η. {@code trainLast} > 0 trains only the last that many layers with
 * parameters and freezes the others ({@link Freezing}); 0 trains every layer.
 */
public record TrainConfig(OptimizerConfig optimizer, Loss loss, int batchSize, int epochs, int threads, long seed,
                          boolean cosine, int trainLast) {
    public TrainConfig {
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        if (threads <= 0) throw new IllegalArgumentException("threads must be positive, got " + threads);
        if (trainLast < 0) throw new IllegalArgumentException("layers to train must be ≥ 0 (0: all), got " + trainLast);
    }

    /** Every layer trains. */
    public TrainConfig(OptimizerConfig optimizer, Loss loss, int batchSize, int epochs, int threads, long seed,
                       boolean cosine) {
        this(optimizer, loss, batchSize, epochs, threads, seed, cosine, Freezing.ALL);
    }

    /** The defaults of {@code convscope train}: SGD with momentum 0.9, η = 0.05, batch 64, 3 epochs, cosine decay. */
    public static TrainConfig defaults() {
        return new TrainConfig(OptimizerConfig.momentum(0.05f, 0.9f), Loss.CROSS_ENTROPY, 64, 3,
                Runtime.getRuntime().availableProcessors(), 1L, true);
    }

    public TrainConfig withThreads(int t) {
        return new TrainConfig(optimizer, loss, batchSize, epochs, t, seed, cosine, trainLast);
    }

    public TrainConfig withEpochs(int e) {
        return new TrainConfig(optimizer, loss, batchSize, e, threads, seed, cosine, trainLast);
    }

    public TrainConfig withBatchSize(int b) {
        return new TrainConfig(optimizer, loss, b, epochs, threads, seed, cosine, trainLast);
    }

    public TrainConfig withOptimizer(OptimizerConfig o) {
        return new TrainConfig(o, loss, batchSize, epochs, threads, seed, cosine, trainLast);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(optimizer, loss, batchSize, epochs, threads, s, cosine, trainLast);
    }

    public TrainConfig withLoss(Loss l) {
        return new TrainConfig(optimizer, l, batchSize, epochs, threads, seed, cosine, trainLast);
    }

    public TrainConfig withCosine(boolean c) {
        return new TrainConfig(optimizer, loss, batchSize, epochs, threads, seed, c, trainLast);
    }

    public TrainConfig withTrainLast(int n) {
        return new TrainConfig(optimizer, loss, batchSize, epochs, threads, seed, cosine, n);
    }
}
