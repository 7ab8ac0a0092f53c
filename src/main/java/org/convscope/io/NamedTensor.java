package org.convscope.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named float tensor as stored in a file: row-major {@code data} of the given {@code shape}.
 *
 * <p>The arrays are shared, not copied, so a million-weight tensor costs no second copy; treat them
 * as read-only once handed over. Equality compares the contents of both arrays.
 *
 * @param shape the size of each dimension, outermost first, e.g. {@code [outC][inC][kH][kW]};
 *     empty for a scalar
 * @param data {@code product(shape)} values, last dimension varying fastest
 */
public record NamedTensor(String name, int[] shape, float[] data) {

    public NamedTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, () -> "tensor " + name + ": shape");
        Objects.requireNonNull(data, () -> "tensor " + name + ": data");
        long needed = elementCount(shape);
        String where = "tensor " + name + ": shape " + Arrays.toString(shape);
        if (needed < 0) {
            throw new IllegalArgumentException(where + " has "
                    + (needed == -1 ? "a negative dimension" : "too many elements"));
        }
        if (needed != data.length) {
            throw new IllegalArgumentException(
                    where + " needs " + needed + " floats, data has " + data.length);
        }
    }

    /**
     * The number of elements of a tensor of this shape, or -1 if a dimension is negative, or -2 if
     * the product overflows a {@code long}.
     */
    static long elementCount(int[] shape) {
        for (int dim : shape) {
            if (dim < 0) {
                return -1;
            }
            if (dim == 0) {
                return 0;
            }
        }
        long count = 1;
        for (int dim : shape) {
            if (count > Long.MAX_VALUE / dim) {
                return -2;
            }
            count *= dim;
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamedTensor(String otherName, int[] otherShape, float[] otherData)
                && name.equals(otherName)
                && Arrays.equals(shape, otherShape)
                && Arrays.equals(data, otherData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "NamedTensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
