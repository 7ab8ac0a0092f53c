package org.convscope.engine.layer;

import org.convscope.engine.Dims;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.ActivationSpec;

/** Element-wise ReLU, tanh or sigmoid; the backward pass uses the forward output y only. */
public record ActivationLayer(ActivationSpec spec, Dims input, Dims output) implements Layer {
    public static ActivationLayer create(ActivationSpec spec, Dims input) {
        return new ActivationLayer(spec, input, input);
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
        int size = n * input.size();
        switch (spec.kind()) {
            case RELU -> k.relu(x, y, size);
            case TANH -> {
                for (int i = 0; i < size; i++) y[i] = (float) Math.tanh(x[i]);
            }
            case SIGMOID -> {
                for (int i = 0; i < size; i++) y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
            }
        }
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        if (dx == null) return;
        int size = n * input.size();
        switch (spec.kind()) {
            case RELU -> k.reluBackward(y, dy, dx, size);
            case TANH -> {
                for (int i = 0; i < size; i++) dx[i] = dy[i] * (1f - y[i] * y[i]);
            }
            case SIGMOID -> {
                for (int i = 0; i < size; i++) dx[i] = dy[i] * y[i] * (1f - y[i]);
            }
        }
    }
}
