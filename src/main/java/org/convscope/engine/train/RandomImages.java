package org.convscope.engine.train;

import java.util.SplittableRandom;
import org.convscope.engine.Dims;

/**
 * Synthetic labelled images for benchmarks and warm-up: sparse random pixels in [0, 1] (most of an MNIST digit is
 * background), the same for the same seed; labels cycle through the classes.
 */
public record RandomImages(Dims dims, int numClasses, float[] pixels) implements SampleSource {
    public RandomImages(Dims dims, int numClasses, int count, long seed) {
        this(dims, numClasses, pixels(count * dims.size(), seed));
    }

    /** count random pixel values. */
    public static float[] pixels(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[count];
        for (int i = 0; i < count; i++) data[i] = random.nextInt(5) == 0 ? (float) random.nextDouble() : 0f;
        return data;
    }

    @Override
    public int size() {
        return pixels.length / dims.size();
    }

    @Override
    public int label(int index) {
        return index % numClasses;
    }

    @Override
    public void fill(int[] indices, int from, int count, float[] out) {
        int n = dims.size();
        for (int i = 0; i < count; i++) System.arraycopy(pixels, indices[from + i] * n, out, i * n, n);
    }
}
