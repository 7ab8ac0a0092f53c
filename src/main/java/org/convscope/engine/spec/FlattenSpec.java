package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/** Reshapes C×H×W into a vector of C·H·W units; the data does not move. */
public record FlattenSpec(String name) implements LayerSpec {
    public FlattenSpec {
        LayerSpec.requireName(name);
    }

    @Override
    public Dims outputDims(Dims input) {
        return Dims.vector(input.size());
    }

    @Override
    public String describe() {
        return "flatten";
    }
}
