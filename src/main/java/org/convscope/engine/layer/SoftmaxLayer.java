package org.convscope.engine.layer;

import org.convscope.engine.Dims;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.SoftmaxSpec;

/**
 * y_i = e^(x_i − m) / Σ_j e^(x_j − m), m = max x (subtracting m changes nothing but keeps e^x finite).
 * Backward: dx_i = y_i · (dy_i − Σ_j dy_j · y_j). The log form y_i = x_i − m − log Σ_j e^(x_j − m) has
 * dx_i = dy_i − e^(y_i) · Σ_j dy_j.
 */
public record SoftmaxLayer(SoftmaxSpec spec, Dims input, Dims output) implements UnaryLayer {
    public static SoftmaxLayer create(SoftmaxSpec spec, Dims input) {
        return new SoftmaxLayer(spec, input, spec.outputDims(input));
    }

    /** Softmax of x[off, off + size) into y at the same offset. */
    public static void softmax(float[] x, float[] y, int off, int size) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < size; j++) max = Math.max(max, x[off + j]);
        double sum = 0;
        for (int j = 0; j < size; j++) {
            float e = (float) Math.exp(x[off + j] - max);
            y[off + j] = e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int j = 0; j < size; j++) y[off + j] *= inv;
    }

    /** Log-softmax of x[off, off + size) into y at the same offset. */
    public static void logSoftmax(float[] x, float[] y, int off, int size) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < size; j++) max = Math.max(max, x[off + j]);
        double sum = 0;
        for (int j = 0; j < size; j++) sum += Math.exp(x[off + j] - max);
        float shift = (float) (max + Math.log(sum));
        for (int j = 0; j < size; j++) y[off + j] = x[off + j] - shift;
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
        int size = input.size();
        for (int i = 0; i < n; i++) {
            if (spec.log()) logSoftmax(x, y, i * size, size);
            else softmax(x, y, i * size, size);
        }
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        if (dx == null) return;
        int size = input.size();
        for (int i = 0; i < n; i++) {
            int off = i * size;
            if (spec.log()) {
                float sum = 0f;
                for (int j = 0; j < size; j++) sum += dy[off + j];
                for (int j = 0; j < size; j++) dx[off + j] = dy[off + j] - (float) Math.exp(y[off + j]) * sum;
            } else {
                float dot = 0f;
                for (int j = 0; j < size; j++) dot += dy[off + j] * y[off + j];
                for (int j = 0; j < size; j++) dx[off + j] = y[off + j] * (dy[off + j] - dot);
            }
        }
    }
}
