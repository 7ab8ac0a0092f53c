package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/**
 * x ∘ c (or c ∘ x when {@code constantFirst}) with a constant tensor c of shape {@code constant}, broadcast over x:
 * an input normalisation's (x − mean)/std, a scale, a shift. c is a buffer of the layer (saved with the model, not
 * trained); the output has x's shape.
 */
public record ConstantOpSpec(String name, Arithmetic op, Dims constant, boolean constantFirst) implements LayerSpec {
    public ConstantOpSpec {
        LayerSpec.requireName(name);
        if (op == null || constant == null) throw new IllegalArgumentException(name + ": operation or constant missing");
    }

    @Override
    public Dims outputDims(Dims input) {
        Dims out = Arithmetic.broadcast(name, input, constant);
        if (!out.equals(input)) {
            throw new InvalidNetworkException(name + ": the constant " + constant + " is larger than the input " + input);
        }
        return out;
    }

    @Override
    public String describe() {
        return constantFirst ? "constant " + op.symbol() + " x" : "x " + op.symbol() + " constant";
    }
}
