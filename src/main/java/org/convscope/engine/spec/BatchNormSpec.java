package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/**
 * Batch normalisation with its running statistics (inference form): y = (x − μ_c)/√(σ²_c + ε)·γ_c + β_c per channel c.
 * γ and β are trained; μ and σ² are the statistics the model was trained with and stay as they are (a frozen
 * batch norm, as when fine-tuning).
 */
public record BatchNormSpec(String name, float epsilon) implements LayerSpec {
    public static final float DEFAULT_EPSILON = 1e-5f;

    public BatchNormSpec {
        LayerSpec.requireName(name);
    }

    public BatchNormSpec(String name) {
        this(name, DEFAULT_EPSILON);
    }

    @Override
    public Dims outputDims(Dims input) {
        if (!(epsilon >= 0f) || !Float.isFinite(epsilon)) {
            throw new InvalidNetworkException(name + ": batch norm's ε must be a number ≥ 0, got " + epsilon);
        }
        return input;
    }

    @Override
    public long parameterCount(Dims input) {
        return 2L * input.channels();
    }

    @Override
    public long multiplyAdds(Dims input) {
        return input.size();
    }

    @Override
    public String describe() {
        return "batch norm";
    }
}
