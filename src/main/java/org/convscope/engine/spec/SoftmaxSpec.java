package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/**
 * softmax(x)_i = e^(x_i − max x) / Σ_j e^(x_j − max x): turns logits into class probabilities; with {@code log}, the
 * log-probabilities log softmax(x)_i = x_i − max x − log Σ_j e^(x_j − max x).
 */
public record SoftmaxSpec(String name, boolean log) implements LayerSpec {
    public SoftmaxSpec {
        LayerSpec.requireName(name);
    }

    public SoftmaxSpec(String name) {
        this(name, false);
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
        return log ? "log softmax" : "softmax";
    }
}
