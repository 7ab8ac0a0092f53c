package org.convscope.engine.layer;

import java.util.SplittableRandom;

/** Seeded test inputs for the layer tests: uniform values, values kept off kinks, distinct values for max pooling. */
final class TestValues {
    private TestValues() {}

    /** Uniform values in [−1, 1). */
    static float[] uniform(int size, long seed) {
        return uniform(size, seed, -1, 1);
    }

    /** Uniform values in [low, high). */
    static float[] uniform(int size, long seed, double low, double high) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) random.nextDouble(low, high);
        return x;
    }

    /** Values at least 0.1 from zero, so a ±ε step never crosses ReLU's kink. */
    static float[] awayFromZero(int size, long seed) {
        float[] x = uniform(size, seed);
        for (int i = 0; i < size; i++) x[i] = Math.copySign(0.1f + Math.abs(x[i]), x[i]);
        return x;
    }

    /** Values in ±scale kept 0.05·scale from each kink, so a ±ε step never crosses one. */
    static float[] awayFrom(int size, long seed, float scale, float... kinks) {
        float[] x = uniform(size, seed, -scale, scale);
        for (int i = 0; i < size; i++) {
            for (float kink : kinks) {
                if (Math.abs(x[i] - kink) < 0.05f * scale) x[i] = kink + Math.copySign(0.05f * scale, x[i] - kink);
            }
        }
        return x;
    }

    /** Distinct values 0.1 apart in random order, so a ±ε step never changes which input of a window wins. */
    static float[] distinct(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = 0.1f * (i - size / 2);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
        return x;
    }
}
