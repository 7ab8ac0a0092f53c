package org.convscope.engine.train;

import org.convscope.engine.Loss;
import org.convscope.engine.optim.OptimizerConfig;

/**
 * Settings of a training run. With {@code cosine}, the learning rate follows η·½(1 + cos(π·step/total)) over the
 * run's total steps; otherwise it stays at η.
 */
public record TrainConfig(OptimizerConfig optimizer, Loss loss, int batchSize, int epochs, int threads, long seed,
                          boolean cosine) {
    public TrainConfig {
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        if (threads <= 0) throw new IllegalArgumentException("threads must be positive, got " + threads);
    }

    /** The defaults of {@code convscope train}: SGD with momentum 0.9, η = 0.05, batch 64, 3 epochs, cosine decay. */
    public static TrainConfig defaults() {
        return new TrainConfig(OptimizerConfig.momentum(0.05f, 0.9f), Loss.CROSS_ENTROPY, 64, 3,
                Runtime.getRuntime().availableProcessors(), 1L, true);
    }

    public TrainConfig withThreads(int t) {
        return new TrainConfig(optimizer, loss, batchSize, epochs, t, seed, cosine);
    }

    public TrainConfig withEpochs(int e) {
        return new TrainConfig(optimizer, loss, batchSize, e, threads, seed, cosine);
    }

    public TrainConfig withBatchSize(int b) {
        return new TrainConfig(optimizer, loss, b, epochs, threads, seed, cosine);
    }

    public TrainConfig withOptimizer(OptimizerConfig o) {
        return new TrainConfig(o, loss, batchSize, epochs, threads, seed, cosine);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(optimizer, loss, batchSize, epochs, threads, s, cosine);
    }

    public TrainConfig withLoss(Loss l) {
        return new TrainConfig(optimizer, l, batchSize, epochs, threads, seed, cosine);
    }

    public TrainConfig withCosine(boolean c) {
        return new TrainConfig(optimizer, loss, batchSize, epochs, threads, seed, c);
    }
}
