package org.convscope.engine;

import java.util.Arrays;

/**
 * A tensor of a layer, e.g. "conv1.weight" of shape [6, 1, 5, 5]. The values are updated in place; whoever changes
 * them calls {@link #changed()}, so that kernels keeping a rearranged copy (packed weights) know to redo it.
 */
public final class Param {
    private final String name;
    private final int[] shape;
    private final float[] value;
    private volatile long version;

    public Param(String name, int[] shape, float[] value) {
        this.name = name;
        this.shape = shape.clone();
        long size = 1;
        for (int d : shape) size *= d;
        if (size != value.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs " + size
                    + " values, got " + value.length);
        }
        this.value = value;
    }

    public static Param zeros(String name, int... shape) {
        long size = 1;
        for (int d : shape) size *= d;
        return new Param(name, shape, new float[Math.toIntExact(size)]);
    }

    public String name() {
        return name;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** The values, row-major; after changing them, call {@link #changed()}. */
    public float[] value() {
        return value;
    }

    public int size() {
        return value.length;
    }

    /** A number that changes whenever the values may have: equal numbers mean equal values. */
    public long version() {
        return version;
    }

    /** Records that the values have changed. */
    public void changed() {
        version++;
    }

    /** True for weights (decayed, randomly initialised), false for biases. */
    public boolean isWeight() {
        return name.endsWith(".weight");
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
