package org.convscope.engine;

import java.util.Arrays;

/** A trainable tensor of a layer, e.g. "conv1.weight" of shape [6, 1, 5, 5]. The values are updated in place. */
public record Param(String name, int[] shape, float[] value) {
    public Param {
        shape = shape.clone();
        long size = 1;
        for (int d : shape) size *= d;
        if (size != value.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs " + size
                    + " values, got " + value.length);
        }
    }

    public static Param zeros(String name, int... shape) {
        long size = 1;
        for (int d : shape) size *= d;
        return new Param(name, shape, new float[Math.toIntExact(size)]);
    }

    public int size() {
        return value.length;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** True for weights (decayed, randomly initialised), false for biases. */
    public boolean isWeight() {
        return name.endsWith(".weight");
    }
}
