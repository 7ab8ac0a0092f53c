package org.convscope.onnx;

import java.util.Arrays;
import java.util.Objects;

/**
 * A node's named attribute, one record per kind of value. Kinds ConvScope has no use for (graphs,
 * sparse tensors, lists of strings or tensors, types) are kept as {@link Other} with ONNX's name
 * for the kind, so the importer can refuse them in words.
 */
public sealed interface OnnxAttribute {
    String name();

    /** ONNX's name for the kind: {@code INT}, {@code FLOATS}, {@code GRAPH}, … */
    String kind();

    record Int(String name, long value) implements OnnxAttribute {
        public Int {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String kind() {
            return "INT";
        }
    }

    record Float(String name, float value) implements OnnxAttribute {
        public Float {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String kind() {
            return "FLOAT";
        }
    }

    /** A list of integers; {@link #values()} gives a copy. */
    record Ints(String name, long[] values) implements OnnxAttribute {
        public Ints {
            Objects.requireNonNull(name, "name");
            values = values.clone();
        }

        @Override
        public long[] values() {
            return values.clone();
        }

        @Override
        public String kind() {
            return "INTS";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Ints that && name.equals(that.name)
                    && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Ints[" + name + "=" + Arrays.toString(values) + "]";
        }
    }

    /** A list of floats; {@link #values()} gives a copy. Equal when every value's bits are. */
    record Floats(String name, float[] values) implements OnnxAttribute {
        public Floats {
            Objects.requireNonNull(name, "name");
            values = values.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        @Override
        public String kind() {
            return "FLOATS";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Floats that && name.equals(that.name)
                    && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Floats[" + name + "=" + Arrays.toString(values) + "]";
        }
    }

    /** A string (ONNX stores bytes; they are read as UTF-8). */
    record Str(String name, String value) implements OnnxAttribute {
        public Str {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String kind() {
            return "STRING";
        }
    }

    record Tensor(String name, OnnxTensor value) implements OnnxAttribute {
        public Tensor {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String kind() {
            return "TENSOR";
        }
    }

    /** An attribute of a kind ConvScope does not use; its value is not kept. */
    record Other(String name, String kind) implements OnnxAttribute {
        public Other {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
