package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/** An element-wise non-linearity. */
public record ActivationSpec(String name, Kind kind) implements LayerSpec {
    public enum Kind {
        /** max(0, x) */
        RELU,
        /** tanh(x) */
        TANH,
        /** 1 / (1 + e^−x) */
        SIGMOID
    }

    public ActivationSpec {
        LayerSpec.requireName(name);
        if (kind == null) throw new IllegalArgumentException(name + ": activation kind missing");
    }

    @Override
    public Dims outputDims(Dims input) {
        return input;
    }

    @Override
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
