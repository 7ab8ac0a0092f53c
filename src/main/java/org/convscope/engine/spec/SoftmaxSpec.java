package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/** softmax(x)_i = e^(x_i − max x) / Σ_j e^(x_j − max x): turns logits into class probabilities. */
public record SoftmaxSpec(String name) implements LayerSpec {
    public SoftmaxSpec {
        LayerSpec.requireName(name);
    }

    @Override
    public Dims outputDims(Dims input) {
        if (!input.isVector()) {
            throw new InvalidNetworkException(name + ": softmax needs a vector of logits, got " + input
                    + "; add a flatten or fully connected layer before it");
        }
        return input;
    }

    @Override
    public String describe() {
        return "softmax";
    }
}
