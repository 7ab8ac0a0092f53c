package org.convscope.training;

import java.util.List;
import java.util.SplittableRandom;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.engine.train.SampleSource;

/** A small learnable data set for session tests: noisy 8×8 images whose class says which third of the rows is bright. */
final class Stripes implements SampleSource {
    static final Dims DIMS = new Dims(1, 8, 8);
    static final int CLASSES = 3;

    private final float[] data;
    private final int[] labels;

    Stripes(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        data = new float[size * DIMS.size()];
        labels = new int[size];
        for (int s = 0; s < size; s++) {
            labels[s] = random.nextInt(CLASSES);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    float bright = y * CLASSES / 8 == labels[s] ? 0.8f : 0f;
                    data[s * DIMS.size() + y * 8 + x] = bright + (float) random.nextDouble(0, 0.5);
                }
            }
        }
    }

    /** conv 4@3×3 pad 1 → ReLU → max pool 2 → FC 3 → softmax. */
    static NetworkSpec net() {
        return new NetworkSpec("tiny", DIMS, List.of(
                ConvSpec.square("conv", 4, 3, 1, 1),
                new ActivationSpec("relu", ActivationSpec.Kind.RELU),
                new PoolSpec("pool", PoolSpec.Kind.MAX, 2, 2),
                new FlattenSpec("flatten"),
                new DenseSpec("fc", CLASSES),
                new SoftmaxSpec("softmax")));
    }

    /** Image {@code index} set to NaN: a sample that breaks any training step it is part of. */
    Stripes poisoned(int index) {
        java.util.Arrays.fill(data, index * DIMS.size(), (index + 1) * DIMS.size(), Float.NaN);
        return this;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public Dims dims() {
        return DIMS;
    }

    @Override
    public int numClasses() {
        return CLASSES;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public void fill(int[] indices, int from, int count, float[] out) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(data, indices[from + i] * DIMS.size(), out, i * DIMS.size(), DIMS.size());
        }
    }
}
