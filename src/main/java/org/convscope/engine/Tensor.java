package org.convscope.engine;

import java.util.Arrays;

/** A float32 tensor: a shape and a contiguous NCHW array that holds at least {@code shape.size()} floats. */
public final class Tensor {
    private final Shape shape;
    private final float[] data;

    public Tensor(Shape shape, float[] data) {
        if (data.length < shape.size()) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size() + " floats, array has " + data.length);
        }
        this.shape = shape;
        this.data = data;
    }

    public static Tensor zeros(Shape shape) {
        return new Tensor(shape, new float[shape.size()]);
    }

    public Shape shape() {
        return shape;
    }

    /** The backing array (may be longer than the shape when it is a reused buffer). */
    public float[] data() {
        return data;
    }

    /** Value at (n, c, y, x). */
    public float get(int n, int c, int y, int x) {
        return data[((n * shape.channels() + c) * shape.height() + y) * shape.width() + x];
    }

    /** A copy of the first {@code shape.size()} floats. */
    public float[] toArray() {
        return Arrays.copyOf(data, shape.size());
    }

    /** Checks that this tensor has the expected sample shape; the message names the layer and both shapes. */
    public void requireSample(String layer, Dims expected) {
        if (!shape.sample().equals(expected)) {
            throw new IllegalArgumentException(layer + ": expected input " + expected + ", got " + shape.sample());
        }
    }
}
