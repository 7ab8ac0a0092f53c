package org.convscope.engine.layer;

import java.util.Arrays;
import org.convscope.engine.Dims;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.PoolSpec;

/**
 * Pooling of each channel over window×window regions moved by stride. Max: y = max x, the gradient goes to the
 * winner (the first maximum). Average: y = Σx / window², the gradient is shared evenly. L2: y = √Σx², dy/dx = x / y.
 * Each kind has its own loop nest (no per-element dispatch); 2×2 max pooling with stride 2, LeNet's, is a kernel
 * ({@link Kernels#maxPool2x2}).
 * Max pooling keeps no winner indices: backward finds the winner again as the first input equal to y.
 */
public record PoolLayer(PoolSpec spec, Dims input, Dims output) implements Layer {
    public static PoolLayer create(PoolSpec spec, Dims input) {
        return new PoolLayer(spec, input, spec.outputDims(input));
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
        int planes = n * input.channels();
        switch (spec.kind()) {
            case MAX -> {
                if (spec.window() == 2 && spec.stride() == 2) {
                    k.maxPool2x2(x, y, planes, input.height(), input.width());
                } else {
                    maxForward(x, y, planes);
                }
            }
            case AVERAGE -> sumForward(x, y, planes, false);
            case L2 -> sumForward(x, y, planes, true);
        }
    }

    private void maxForward(float[] x, float[] y, int planes) {
        int window = spec.window();
        int stride = spec.stride();
        int inW = input.width();
        int inPlane = input.height() * inW;
        int out = 0;
        for (int plane = 0; plane < planes; plane++) {
            for (int oy = 0; oy < output.height(); oy++) {
                for (int ox = 0; ox < output.width(); ox++, out++) {
                    int corner = plane * inPlane + oy * stride * inW + ox * stride;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int wy = 0; wy < window; wy++) {
                        for (int idx = corner + wy * inW, end = idx + window; idx < end; idx++) {
                            max = Math.max(max, x[idx]);
                        }
                    }
                    y[out] = max;
                }
            }
        }
    }

    /** Average (Σx / window²) or L2 (√Σx²) of every window. */
    private void sumForward(float[] x, float[] y, int planes, boolean l2) {
        int window = spec.window();
        int stride = spec.stride();
        int inW = input.width();
        int inPlane = input.height() * inW;
        float share = 1f / (window * window);
        int out = 0;
        for (int plane = 0; plane < planes; plane++) {
            for (int oy = 0; oy < output.height(); oy++) {
                for (int ox = 0; ox < output.width(); ox++, out++) {
                    int corner = plane * inPlane + oy * stride * inW + ox * stride;
                    float sum = 0f;
                    for (int wy = 0; wy < window; wy++) {
                        for (int idx = corner + wy * inW, end = idx + window; idx < end; idx++) {
                            sum += l2 ? x[idx] * x[idx] : x[idx];
                        }
                    }
                    y[out] = l2 ? (float) Math.sqrt(sum) : sum * share;
                }
            }
        }
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        if (dx == null) return;
        if (spec.kind() == PoolSpec.Kind.MAX && spec.window() == 2 && spec.stride() == 2) {
            k.maxPool2x2Backward(x, dy, dx, n * input.channels(), input.height(), input.width());
            return;
        }
        Arrays.fill(dx, 0, n * input.size(), 0f);
        switch (spec.kind()) {
            case MAX -> maxBackward(x, y, dy, dx, n);
            case AVERAGE -> sumBackward(x, y, dy, dx, n, false);
            case L2 -> sumBackward(x, y, dy, dx, n, true);
        }
    }

    /** Windows may overlap, so each winner (the first input equal to y) accumulates dy. */
    private void maxBackward(float[] x, float[] y, float[] dy, float[] dx, int n) {
        int window = spec.window();
        int stride = spec.stride();
        int inW = input.width();
        int inPlane = input.height() * inW;
        int out = 0;
        for (int plane = 0; plane < n * input.channels(); plane++) {
            for (int oy = 0; oy < output.height(); oy++) {
                for (int ox = 0; ox < output.width(); ox++, out++) {
                    int corner = plane * inPlane + oy * stride * inW + ox * stride;
                    dx[winner(x, corner, y[out])] += dy[out];
                }
            }
        }
    }

    /** Index of the first input of the window at corner that equals max (the corner if none does: NaN). */
    private int winner(float[] x, int corner, float max) {
        int window = spec.window();
        int inW = input.width();
        for (int wy = 0; wy < window; wy++) {
            for (int idx = corner + wy * inW, end = idx + window; idx < end; idx++) {
                if (x[idx] == max) return idx;
            }
        }
        return corner;
    }

    /** Average: dx += dy / window² over the window; L2: dx += dy · x / y (0 where y = 0). */
    private void sumBackward(float[] x, float[] y, float[] dy, float[] dx, int n, boolean l2) {
        int window = spec.window();
        int stride = spec.stride();
        int inW = input.width();
        int inPlane = input.height() * inW;
        float share = 1f / (window * window);
        int out = 0;
        for (int plane = 0; plane < n * input.channels(); plane++) {
            for (int oy = 0; oy < output.height(); oy++) {
                for (int ox = 0; ox < output.width(); ox++, out++) {
                    int corner = plane * inPlane + oy * stride * inW + ox * stride;
                    float scale = l2 ? (y[out] > 0f ? dy[out] / y[out] : 0f) : dy[out] * share;
                    for (int wy = 0; wy < window; wy++) {
                        for (int idx = corner + wy * inW, end = idx + window; idx < end; idx++) {
                            dx[idx] += l2 ? scale * x[idx] : scale;
                        }
                    }
                }
            }
        }
    }
}
