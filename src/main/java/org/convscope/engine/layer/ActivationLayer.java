package org.convscope.engine.layer;

import org.convscope.engine.Dims;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.ActivationSpec;

/**
 * Element-wise non-linearities (see {@link ActivationSpec.Kind} for the formulas). ReLU, tanh and sigmoid take their
 * derivative from the output y; the piecewise kinds from the input x: leaky ReLU 1 or α, clip 1 strictly inside
 * (α, β) and 0 outside, hard sigmoid α where 0 < αx + β < 1, hard swish 0 below −3, 1 above 3, x/3 + 1/2 between.
 */
public record ActivationLayer(ActivationSpec spec, Dims input, Dims output) implements UnaryLayer {
    /** 1/6 as hard swish scales x: x·(x·⅙ + ½) is also what ONNX's HardSigmoid(α = ⅙, β = ½) times x computes. */
    public static final float SIXTH = 1f / 6;

    public static ActivationLayer create(ActivationSpec spec, Dims input) {
        return new ActivationLayer(spec, input, input);
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
        int size = n * input.size();
        float a = spec.alpha();
        float b = spec.beta();
        switch (spec.kind()) {
            case RELU -> k.relu(x, y, size);
            case TANH -> {
                for (int i = 0; i < size; i++) y[i] = (float) Math.tanh(x[i]);
            }
            case SIGMOID -> {
                for (int i = 0; i < size; i++) y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < size; i++) y[i] = x[i] >= 0f ? x[i] : a * x[i];
            }
            case CLIP -> {
                for (int i = 0; i < size; i++) y[i] = Math.min(Math.max(x[i], a), b);
            }
            case HARD_SIGMOID -> {
                for (int i = 0; i < size; i++) y[i] = Math.min(Math.max(a * x[i] + b, 0f), 1f);
            }
            case HARD_SWISH -> {
                for (int i = 0; i < size; i++) y[i] = x[i] * Math.min(Math.max(x[i] * SIXTH + 0.5f, 0f), 1f);
            }
        }
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        if (dx == null) return;
        int size = n * input.size();
        float a = spec.alpha();
        float b = spec.beta();
        switch (spec.kind()) {
            case RELU -> k.reluBackward(y, dy, dx, size);
            case TANH -> {
                for (int i = 0; i < size; i++) dx[i] = dy[i] * (1f - y[i] * y[i]);
            }
            case SIGMOID -> {
                for (int i = 0; i < size; i++) dx[i] = dy[i] * y[i] * (1f - y[i]);
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < size; i++) dx[i] = x[i] >= 0f ? dy[i] : a * dy[i];
            }
            case CLIP -> {
                for (int i = 0; i < size; i++) dx[i] = x[i] > a && x[i] < b ? dy[i] : 0f;
            }
            case HARD_SIGMOID -> {
                for (int i = 0; i < size; i++) {
                    float z = a * x[i] + b;
                    dx[i] = z > 0f && z < 1f ? a * dy[i] : 0f;
                }
            }
            case HARD_SWISH -> {
                for (int i = 0; i < size; i++) {
                    float v = x[i];
                    dx[i] = v < -3f ? 0f : v > 3f ? dy[i] : dy[i] * (v / 3f + 0.5f);
                }
            }
        }
    }
}
