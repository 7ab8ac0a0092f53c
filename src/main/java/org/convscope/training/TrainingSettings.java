package org.convscope.training;

import org.convscope.engine.Loss;
import org.convscope.engine.optim.OptimizerConfig;
import org.convscope.engine.train.Freezing;
import org.convscope.engine.train.TrainConfig;

/**
 * What the studio trains with: the optimizer (kind, learning rate, momentum, weight decay), the loss, the batch size,
 * the seed of the initial weights and of the shuffling, the random shift of training images in pixels, the number
 * of threads, and which layers train ({@code trainLast}: only the last that many layers with parameters, the others
 * frozen, as for transfer learning; {@value Freezing#ALL}: every layer). The learning rate stays constant: the user
 * changes it by hand.
 */
public record TrainingSettings(OptimizerConfig optimizer, Loss loss, int batchSize, long seed, int shift, int threads,
                               int trainLast) {
    /** Largest mini-batch. */
    public static final int MAX_BATCH = 4096;
    /** Largest random shift of training images, in pixels. */
    public static final int MAX_SHIFT = 8;
    /** Most training threads: far beyond the cores of a desktop, far below what would exhaust the heap. */
    public static final int MAX_THREADS = 256;
    /** Most layers {@code trainLast} may name: far beyond any network the studio builds or imports. */
    public static final int MAX_TRAIN_LAST = 100_000;

    public TrainingSettings {
        if (optimizer == null) throw new IllegalArgumentException("optimizer missing");
        if (loss == null) throw new IllegalArgumentException("loss missing");
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be in 1.." + MAX_BATCH + ", got " + batchSize);
        }
        if (shift < 0 || shift > MAX_SHIFT) {
            throw new IllegalArgumentException("shift must be in 0.." + MAX_SHIFT + " pixels, got " + shift);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in 1.." + MAX_THREADS + ", got " + threads);
        }
        if (trainLast < 0 || trainLast > MAX_TRAIN_LAST) {
            throw new IllegalArgumentException("layers to train must be in 0.." + MAX_TRAIN_LAST + " (0: all), got "
                    + trainLast);
        }
    }

    /** Every layer trains. */
    public TrainingSettings(OptimizerConfig optimizer, Loss loss, int batchSize, long seed, int shift, int threads) {
        this(optimizer, loss, batchSize, seed, shift, threads, Freezing.ALL);
    }

    /** As {@code convscope train}: momentum 0.9, η = 0.05, cross-entropy, batch 64, seed 1, shifts of 1 px, all cores. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(OptimizerConfig.momentum(0.05f, 0.9f), Loss.CROSS_ENTROPY, 64, 1L, 1,
                Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /** The engine's configuration for these settings: constant learning rate, one epoch planned at a time. */
    public TrainConfig trainConfig() {
        return new TrainConfig(optimizer, loss, batchSize, 1, threads, seed, false, trainLast);
    }

    public TrainingSettings withOptimizer(OptimizerConfig o) {
        return new TrainingSettings(o, loss, batchSize, seed, shift, threads, trainLast);
    }

    public TrainingSettings withLearningRate(float lr) {
        return withOptimizer(optimizer.withLearningRate(lr));
    }

    public TrainingSettings withLoss(Loss l) {
        return new TrainingSettings(optimizer, l, batchSize, seed, shift, threads, trainLast);
    }

    public TrainingSettings withBatchSize(int b) {
        return new TrainingSettings(optimizer, loss, b, seed, shift, threads, trainLast);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(optimizer, loss, batchSize, s, shift, threads, trainLast);
    }

    public TrainingSettings withShift(int px) {
        return new TrainingSettings(optimizer, loss, batchSize, seed, px, threads, trainLast);
    }

    public TrainingSettings withThreads(int t) {
        return new TrainingSettings(optimizer, loss, batchSize, seed, shift, t, trainLast);
    }

    /** Trains only the last {@code n} layers with parameters ({@value Freezing#ALL}: every layer). */
    public TrainingSettings withTrainLast(int n) {
        return new TrainingSettings(optimizer, loss, batchSize, seed, shift, threads, n);
    }
}
