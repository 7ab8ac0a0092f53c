package org.convscope.onnx.importer;

import java.util.Arrays;

/**
 * A constant during import, in row-major order: its dims and either its floats or its integers (shapes, axes, pads).
 * Small computations on constants (the shape arithmetic exporters write) are done on these.
 */
record Tensor(long[] dims, float[] floats, long[] longs) {
    static Tensor ofFloats(long[] dims, float[] values) {
        return new Tensor(dims, values, null);
    }

    static Tensor ofLongs(long[] dims, long[] values) {
        return new Tensor(dims, null, values);
    }

    boolean isInteger() {
        return longs != null;
    }

    int rank() {
        return dims.length;
    }

    long size() {
        long n = 1;
        for (long d : dims) n *= d;
        return n;
    }

    /** The values as floats (integers converted). */
    float[] asFloats() {
        if (floats != null) return floats;
        float[] f = new float[longs.length];
        for (int i = 0; i < f.length; i++) f[i] = longs[i];
        return f;
    }

    /** The values as longs (floats must be whole numbers). */
    long[] asLongs() {
        if (longs != null) return longs;
        long[] l = new long[floats.length];
        for (int i = 0; i < l.length; i++) l[i] = (long) floats[i];
        return l;
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
