package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/** Gives the values another shape of the same size; the data does not move. */
public record ReshapeSpec(String name, Dims shape) implements LayerSpec {
    public ReshapeSpec {
        LayerSpec.requireName(name);
        if (shape == null) throw new IllegalArgumentException(name + ": shape missing");
    }

    @Override
    public Dims outputDims(Dims input) {
        if (input.size() != shape.size()) {
            throw new InvalidNetworkException(name + ": cannot reshape " + input + " (" + input.size() + " values) to "
                    + shape + " (" + shape.size() + ")");
        }
        return shape;
    }

    @Override
    public String describe() {
        return "reshape to " + shape;
    }
}
