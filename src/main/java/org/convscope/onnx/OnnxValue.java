package org.convscope.onnx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A graph input or output as the file declares it.
 *
 * @param elementType null when the file gives no type
 * @param shape one {@link Dim} per dimension, outermost first; null when the file gives no shape
 *     (not even the rank)
 */
public record OnnxValue(String name, OnnxTensor.DataType elementType, List<Dim> shape) {

    public OnnxValue {
        Objects.requireNonNull(name, "name");
        shape = shape == null ? null : Collections.unmodifiableList(new ArrayList<>(shape));
        if (shape != null && shape.contains(null)) {
            throw new NullPointerException("value " + name + ": a dimension is null");
        }
    }

    /** A value of fixed shape, e.g. {@code fixed("x", FLOAT, 1, 3, 224, 224)}. */
    public static OnnxValue fixed(String name, OnnxTensor.DataType elementType, long... dims) {
        List<Dim> shape = new ArrayList<>(dims.length);
        for (long dim : dims) {
            shape.add(new Dim.Fixed(dim));
        }
        return new OnnxValue(name, elementType, shape);
    }

    /** The sizes, if every dimension is fixed; else null. */
    public long[] fixedDims() {
        if (shape == null) {
            return null;
        }
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            if (!(shape.get(i) instanceof Dim.Fixed(long size))) {
                return null;
            }
            dims[i] = size;
        }
        return dims;
    }

    /** One dimension of a declared shape. */
    public sealed interface Dim {
        /** A size known from the file. */
        record Fixed(long size) implements Dim {
            public Fixed {
                if (size < 0) {
                    throw new IllegalArgumentException("negative dimension " + size);
                }
            }
        }

        /** A size named, not given ({@code dim_param}), e.g. {@code "batch_size"}. */
        record Symbolic(String name) implements Dim {
            public Symbolic {
                Objects.requireNonNull(name, "name");
            }
        }

        /** A size the file leaves open. */
        record Unknown() implements Dim {}
    }
}
