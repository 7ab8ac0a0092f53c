package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/** An element-wise non-linearity; {@code alpha} and {@code beta} are the constants of the kinds that have them. */
public record ActivationSpec(String name, Kind kind, float alpha, float beta) implements LayerSpec {
    public enum Kind {
        /** max(0, x) */
        RELU,
        /** tanh(x) */
        TANH,
        /** 1 / (1 + e^−x) */
        SIGMOID,
        /** x for x ≥ 0, α·x below (α = 0.01 by default) */
        LEAKY_RELU,
        /** min(max(x, α), β): ReLU6 is α = 0, β = 6 */
        CLIP,
        /** max(0, min(1, α·x + β)), α = 1/6 and β = 1/2 by default (PyTorch's; ONNX's default α is 0.2) */
        HARD_SIGMOID,
        /** x · max(0, min(1, x/6 + 1/2)) */
        HARD_SWISH
    }

    public ActivationSpec {
        LayerSpec.requireName(name);
        if (kind == null) throw new IllegalArgumentException(name + ": activation kind missing");
    }

    /** The kind with its default constants. */
    public ActivationSpec(String name, Kind kind) {
        this(name, kind, defaultAlpha(kind), defaultBeta(kind));
    }

    private static float defaultAlpha(Kind kind) {
        if (kind == null) return 0f;
        return switch (kind) {
            case LEAKY_RELU -> 0.01f;
            case HARD_SIGMOID -> 1f / 6;
            default -> 0f;
        };
    }

    private static float defaultBeta(Kind kind) {
        if (kind == null) return 0f;
        return switch (kind) {
            case CLIP -> 6f;
            case HARD_SIGMOID -> 0.5f;
            default -> 0f;
        };
    }

    @Override
    public Dims outputDims(Dims input) {
        boolean clip = kind == Kind.CLIP;
        if (!(Float.isFinite(alpha) || clip && alpha == Float.NEGATIVE_INFINITY)
                || !(Float.isFinite(beta) || clip && beta == Float.POSITIVE_INFINITY)) {
            throw new InvalidNetworkException(name + ": the activation's constants must be finite numbers");
        }
        if (kind == Kind.CLIP && !(alpha <= beta)) {
            throw new InvalidNetworkException(name + ": clip's lower bound " + alpha + " is above its upper bound " + beta);
        }
        return input;
    }

    @Override
    public String describe() {
        return switch (kind) {
            case RELU -> "relu";
            case TANH -> "tanh";
            case SIGMOID -> "sigmoid";
            case LEAKY_RELU -> "leaky relu α " + alpha;
            case CLIP -> alpha == 0f && beta == 6f ? "relu6" : "clip " + alpha + "…" + beta;
            case HARD_SIGMOID -> "hard sigmoid";
            case HARD_SWISH -> "hard swish";
        };
    }
}
