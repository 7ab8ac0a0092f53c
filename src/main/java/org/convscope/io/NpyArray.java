package org.convscope.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A float32 array as a NumPy {@code .npy} file holds it: C-order {@code data} of the given
 * {@code shape}.
 *
 * <p>The arrays are shared, not copied; treat them as read-only once handed over. Equality
 * compares the contents of both arrays.
 *
 * @param shape the size of each dimension, outermost first, e.g. {@code [N][C][H][W]}; empty for
 *     a scalar
 * @param data {@code product(shape)} values, last dimension varying fastest
 */
public record NpyArray(int[] shape, float[] data) {

    public NpyArray {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        long needed = NamedTensor.elementCount(shape);
        if (needed < 0) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has "
                    + (needed == -1 ? "a negative dimension" : "too many elements"));
        }
        if (needed != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs "
                    + needed + " floats, data has " + data.length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyArray(int[] otherShape, float[] otherData)
                && Arrays.equals(shape, otherShape)
                && Arrays.equals(data, otherData);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray" + Arrays.toString(shape);
    }
}
