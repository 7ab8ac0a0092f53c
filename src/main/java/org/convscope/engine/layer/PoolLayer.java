package org.convscope.engine.layer;

import java.util.Arrays;
import org.convscope.engine.Dims;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.Parallel;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.Window;

/**
 * Pooling of each channel over windows placed by the spec's {@link Window}: output (oy, ox) reads the taps
 * x[oy·S − P_top + i·D][ox·S − P_left + j·D] that lie inside the input. Max: y = the largest tap, the gradient goes
 * to the winner (the first maximum, found again in backward as the first tap equal to y). Average: y = Σ taps /
 * divisor, the divisor the number of taps inside the input, or with count_include_pad the window's area inside the
 * padded input; the gradient is shared evenly. L2: y = √Σ taps², dy/dx = x / y. Each kind has its own loop nest;
 * 2×2 max pooling with stride 2, LeNet's, is a kernel ({@link Kernels#maxPool2x2}). Planes are split among the
 * workspace's threads.
 */
public record PoolLayer(PoolSpec spec, Dims input, Dims output) implements UnaryLayer {
    public static PoolLayer create(PoolSpec spec, Dims input) {
        return new PoolLayer(spec, input, spec.outputDims(input));
    }

    @Override
    public Scratch newScratch(int maxBatch, Kernels kernels, Parallel parallel) {
        return new Threads(parallel);
    }

    private boolean isMax2x2() {
        return spec.kind() == PoolSpec.Kind.MAX && spec.isClassic() && spec.window() == 2 && spec.stride() == 2;
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
        int planes = n * input.channels();
        long work = (long) planes * output.height() * output.width() * spec.kernel().kernelH() * spec.kernel().kernelW();
        if (isMax2x2()) {
            k.maxPool2x2(x, y, planes, input.height(), input.width());
            return;
        }
        boolean separable = spec.kind() == PoolSpec.Kind.MAX && spec.kernel().dilationH() == 1 && spec.kernel().dilationW() == 1;
        Threads.split(scratch, planes, work, (from, to) -> {
            float[] rows = separable ? new float[input.width()] : null;
            for (int plane = from; plane < to; plane++) {
                if (separable) maxPlane(x, y, plane, rows);
                else forwardPlane(x, y, plane);
            }
        });
    }

    /**
     * Max pooling without dilation, one output row at a time in two passes: the maximum over the window's input rows,
     * column by column (contiguous, so the JIT vectorises it), then over each window's columns of that. A window over
     * only padding gives −∞.
     */
    private void maxPlane(float[] x, float[] y, int plane, float[] column) {
        Window w = spec.kernel();
        int inH = input.height();
        int inW = input.width();
        int outW = output.width();
        int base = plane * inH * inW;
        int out = plane * output.height() * outW;
        for (int oy = 0; oy < output.height(); oy++, out += outW) {
            int top = oy * w.strideH() - w.padTop();
            int i0 = Math.max(0, top);
            int i1 = Math.min(inH, top + w.kernelH());
            if (i0 >= i1) {
                java.util.Arrays.fill(y, out, out + outW, Float.NEGATIVE_INFINITY);
                continue;
            }
            System.arraycopy(x, base + i0 * inW, column, 0, inW);
            for (int i = i0 + 1; i < i1; i++) {
                int row = base + i * inW;
                for (int j = 0; j < inW; j++) {
                    float v = x[row + j];
                    column[j] = v > column[j] ? v : column[j];
                }
            }
            for (int ox = 0; ox < outW; ox++) {
                int left = ox * w.strideW() - w.padLeft();
                int j0 = Math.max(0, left);
                int j1 = Math.min(inW, left + w.kernelW());
                float max = Float.NEGATIVE_INFINITY;
                for (int j = j0; j < j1; j++) max = column[j] > max ? column[j] : max;
                y[out + ox] = max;
            }
        }
    }

    private void forwardPlane(float[] x, float[] y, int plane) {
        Window w = spec.kernel();
        int inH = input.height();
        int inW = input.width();
        int base = plane * inH * inW;
        int out = plane * output.height() * output.width();
        PoolSpec.Kind kind = spec.kind();
        for (int oy = 0; oy < output.height(); oy++) {
            int top = oy * w.strideH() - w.padTop();
            int i0 = first(top, w.dilationH());
            int i1 = end(top, w.dilationH(), w.kernelH(), inH);
            for (int ox = 0; ox < output.width(); ox++, out++) {
                int left = ox * w.strideW() - w.padLeft();
                int j0 = first(left, w.dilationW());
                int j1 = end(left, w.dilationW(), w.kernelW(), inW);
                float value;
                if (kind == PoolSpec.Kind.MAX) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int i = i0; i < i1; i++) {
                        int row = base + (top + i * w.dilationH()) * inW + left;
                        for (int j = j0; j < j1; j++) max = Math.max(max, x[row + j * w.dilationW()]);
                    }
                    value = max;
                } else {
                    float sum = 0f;
                    for (int i = i0; i < i1; i++) {
                        int row = base + (top + i) * inW + left;
                        if (kind == PoolSpec.Kind.L2) {
                            for (int j = j0; j < j1; j++) sum += x[row + j] * x[row + j];
                        } else {
                            for (int j = j0; j < j1; j++) sum += x[row + j];
                        }
                    }
                    value = kind == PoolSpec.Kind.L2 ? (float) Math.sqrt(sum) : sum / divisor(top, left, i1 - i0, j1 - j0);
                }
                y[out] = value;
            }
        }
    }

    /** The first tap index i ≥ 0 with start + i·d ≥ 0. */
    private static int first(int start, int d) {
        return start >= 0 ? 0 : Math.ceilDiv(-start, d);
    }

    /** One past the last tap index i < k with start + i·d < size. */
    private static int end(int start, int d, int k, int size) {
        return Math.max(0, Math.min(k, Math.ceilDiv(size - start, d)));
    }

    /**
     * An average's divisor for the window at (top, left): the taps inside the input, or with count_include_pad the
     * window's area clipped to the padded input (PyTorch's and ONNX's rule; a ceil-mode window past the padding is
     * cut there).
     */
    private float divisor(int top, int left, int rows, int cols) {
        if (!spec.countIncludePad()) return Math.max(1, rows * cols);
        Window w = spec.kernel();
        int bottom = Math.min(top + w.kernelH(), input.height() + w.padBottom());
        int right = Math.min(left + w.kernelW(), input.width() + w.padRight());
        return (float) (bottom - top) * (right - left);
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        if (dx == null) return;
        int planes = n * input.channels();
        if (isMax2x2()) {
            k.maxPool2x2Backward(x, dy, dx, planes, input.height(), input.width());
            return;
        }
        long work = (long) planes * output.height() * output.width() * spec.kernel().kernelH() * spec.kernel().kernelW();
        Threads.split(scratch, planes, work, (from, to) -> {
            int inPlane = input.height() * input.width();
            Arrays.fill(dx, from * inPlane, to * inPlane, 0f);
            for (int plane = from; plane < to; plane++) backwardPlane(x, y, dy, dx, plane);
        });
    }

    /** Windows may overlap, so every tap accumulates its share. */
    private void backwardPlane(float[] x, float[] y, float[] dy, float[] dx, int plane) {
        Window w = spec.kernel();
        int inH = input.height();
        int inW = input.width();
        int base = plane * inH * inW;
        int out = plane * output.height() * output.width();
        PoolSpec.Kind kind = spec.kind();
        for (int oy = 0; oy < output.height(); oy++) {
            int top = oy * w.strideH() - w.padTop();
            int i0 = first(top, w.dilationH());
            int i1 = end(top, w.dilationH(), w.kernelH(), inH);
            for (int ox = 0; ox < output.width(); ox++, out++) {
                int left = ox * w.strideW() - w.padLeft();
                int j0 = first(left, w.dilationW());
                int j1 = end(left, w.dilationW(), w.kernelW(), inW);
                float g = dy[out];
                switch (kind) {
                    case MAX -> {
                        int winner = winner(x, y[out], base, top, left, i0, i1, j0, j1);
                        if (winner >= 0) dx[winner] += g;
                    }
                    case AVERAGE -> {
                        float share = g / divisor(top, left, i1 - i0, j1 - j0);
                        for (int i = i0; i < i1; i++) {
                            int row = base + (top + i) * inW + left;
                            for (int j = j0; j < j1; j++) dx[row + j] += share;
                        }
                    }
                    case L2 -> {
                        float scale = y[out] > 0f ? g / y[out] : 0f;
                        for (int i = i0; i < i1; i++) {
                            int row = base + (top + i) * inW + left;
                            for (int j = j0; j < j1; j++) dx[row + j] += scale * x[row + j];
                        }
                    }
                }
            }
        }
    }

    /** Index of the first tap equal to max, or −1 when the window holds no input (or only NaN). */
    private int winner(float[] x, float max, int base, int top, int left, int i0, int i1, int j0, int j1) {
        Window w = spec.kernel();
        int inW = input.width();
        for (int i = i0; i < i1; i++) {
            int row = base + (top + i * w.dilationH()) * inW + left;
            for (int j = j0; j < j1; j++) {
                int idx = row + j * w.dilationW();
                if (x[idx] == max) return idx;
            }
        }
        return -1;
    }
}
