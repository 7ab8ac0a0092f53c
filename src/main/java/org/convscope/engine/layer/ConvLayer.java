package org.convscope.engine.layer;

import java.util.Arrays;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.Param;
import org.convscope.engine.kernel.ConvGeometry;
import org.convscope.engine.kernel.ConvPlan;
import org.convscope.engine.kernel.ConvPlans;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.Parallel;
import org.convscope.engine.spec.Window;
import org.convscope.engine.spec.ConvSpec;

/**
 * Convolution: y[o][oy][ox] = b[o] + Σ_{c,ky,kx} W[o][c][ky][kx] · x[g·C/G + c][oy·S − P + ky·D][ox·S − P + kx·D]
 * (0 outside), c over the C/G channels of filter o's group g. In a workspace (see {@link #newScratch(int, Kernels,
 * Parallel)}) LeNet's small layers run directly on the padded image over the batch ({@link DirectConv}) and larger
 * ones one image at a time by the kernels' plans ({@link ConvPlans}) on the workspace's threads. Without a workspace's
 * kernels (plain {@link #newScratch(int)}), a classic stride-1 convolution runs in {@link DirectConv} and others as
 * a matrix product per group over a chunk of a few images, small enough
 * for its unrolled patches to stay in cache: the chunk's patches are unrolled (see {@link Im2Col}) into col[K][width],
 * K = (C/G)·kH·kW, each image taking outH·outW columns; then out[F/G][width] = W_g[F/G][K] · col + b, copied into the
 * NCHW output. Backward, with the patches unrolled again and dOut[F][width] gathered from dy: dW_g += dOut_g · colᵀ,
 * db += Σ dOut, dcol = W_gᵀ · dOut_g folded back onto the group's input channels.
 */
public record ConvLayer(ConvSpec spec, Dims input, Dims output, Param weight, Param bias) implements UnaryLayer {
    // weight: [outC][inC/groups][kH][kW], bias: [outC]

    /** Columns per chunk that the chunk size aims for: enough to amortise the dot-product reductions of dW. */
    private static final int CHUNK_COLUMNS = 512;
    private static final int MAX_CHUNK = 8;
    /**
     * Spare floats after col and matrix: masked vector accesses to their last rows then stay inside the array,
     * where the Vector API takes its fast path (64 lanes is the widest species).
     */
    private static final int SLACK = 128;

    public static ConvLayer create(ConvSpec spec, Dims input) {
        Dims output = spec.outputDims(input);
        return new ConvLayer(spec, input, output,
                Param.zeros(spec.name() + ".weight", spec.filters(), input.channels() / spec.groups(), spec.kernelHeight(),
                        spec.kernelWidth()),
                Param.zeros(spec.name() + ".bias", spec.filters()));
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    /** Rows of one group's unrolled patches: K = (C/G)·kH·kW. */
    private int patch() {
        return groupChannels() * spec.kernelHeight() * spec.kernelWidth();
    }

    private int groupChannels() {
        return input.channels() / spec.groups();
    }

    private int groupFilters() {
        return output.channels() / spec.groups();
    }

    /** Columns per image in col. */
    private int span() {
        return output.height() * output.width();
    }

    /** Per-workspace buffers for one chunk. */
    static final class Buffers implements Scratch {
        final int chunk;
        final float[] col;      // [K][chunk·span]
        final float[] matrix;   // [outC][chunk·span]: the output in forward, dOut in backward
        float[] dcol;           // [K][chunk·span], allocated on the first backward pass that needs dL/dx

        Buffers(int chunk, int colSize, int matrixSize) {
            this.chunk = chunk;
            col = new float[colSize + SLACK];
            matrix = new float[matrixSize + SLACK];
        }
    }

    /** The geometry of one image's convolution, for the kernels' plans. */
    public ConvGeometry geometry() {
        Window w = spec.kernel();
        return new ConvGeometry(input.channels(), input.height(), input.width(), output.channels(), spec.groups(),
                w.kernelH(), w.kernelW(), w.strideH(), w.strideW(), w.padTop(), w.padLeft(), w.padBottom(), w.padRight(),
                w.dilationH(), w.dilationW());
    }

    /**
     * Whether {@link DirectConv}, tuned for LeNet's small layers over batches, does this layer: a classic stride-1
     * convolution of a few channels over a small image. Larger layers go to the kernels' plans ({@link ConvPlans}),
     * which split one image's work among threads.
     */
    private boolean smallDirect() {
        return spec.isClassic() && spec.stride() == 1 && input.channels() <= 8 && output.channels() <= 32
                && input.height() * input.width() <= 32 * 32;
    }

    /** A plan per workspace: one image at a time, on the workspace's threads. */
    record Planned(ConvPlan plan) implements Scratch {}

    @Override
    public Scratch newScratch(int maxBatch, Kernels kernels, Parallel parallel) {
        if (smallDirect()) return newScratch(maxBatch);
        return new Planned(ConvPlans.create(geometry(), parallel, kernels));
    }

    @Override
    public Scratch newScratch(int maxBatch) {
        if (spec.isClassic() && spec.stride() == 1) return new DirectConv(spec, input, output);
        int span = span();
        int chunk = Math.clamp(Math.ceilDiv(CHUNK_COLUMNS, span), 1, Math.min(MAX_CHUNK, maxBatch));
        return new Buffers(chunk, patch() * chunk * span, output.channels() * chunk * span);
    }

    /** Unrolls group g of images [first, first + count) of x into s.col, width = count·span columns. */
    private void unroll(float[] x, int first, int count, int g, Buffers s) {
        int width = count * span();
        int cg = groupChannels();
        for (int t = 0; t < count; t++) {
            Im2Col.unroll(x, (first + t) * input.size(), input, g * cg, cg, spec.kernel(), output, s.col, t * span(), width);
        }
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
        if (scratch instanceof Planned p) {
            for (int t = 0; t < n; t++) {
                p.plan().forward(weight.value(), weight.version(), bias.value(), x, t * input.size(), y, t * output.size());
            }
            return;
        }
        if (scratch instanceof DirectConv direct) {
            direct.forward(k, weight.value(), bias.value(), x, y, n);
            return;
        }
        Buffers s = (Buffers) scratch;
        int filters = output.channels();
        int patch = patch();
        float[] b = bias.value();
        for (int first = 0; first < n; first += s.chunk) {
            int count = Math.min(s.chunk, n - first);
            int width = count * span();
            for (int o = 0; o < filters; o++) Arrays.fill(s.matrix, o * width, (o + 1) * width, b[o]);
            int fg = groupFilters();
            for (int g = 0; g < spec.groups(); g++) {
                unroll(x, first, count, g, s);
                k.gemmNN(fg, width, patch, weight.value(), g * fg * patch, patch, s.col, 0, width, s.matrix, g * fg * width, width);
            }
            for (int t = 0; t < count; t++) copyOut(s.matrix, width, t, y, (first + t) * output.size());
        }
    }

    /** y[outC][outH][outW] at yOff ← image t's columns of matrix[outC][width]. */
    private void copyOut(float[] matrix, int width, int t, float[] y, int yOff) {
        for (int o = 0; o < output.channels(); o++) {
            System.arraycopy(matrix, o * width + t * span(), y, yOff + o * span(), span());
        }
    }

    /** Image t's columns of matrix[outC][width] ← dy[outC][outH][outW] at dyOff. */
    private void copyIn(float[] dy, int dyOff, float[] matrix, int width, int t) {
        for (int o = 0; o < output.channels(); o++) {
            System.arraycopy(dy, dyOff + o * span(), matrix, o * width + t * span(), span());
        }
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        if (scratch instanceof Planned p) {
            for (int t = 0; t < n; t++) {
                p.plan().backward(weight.value(), x, t * input.size(), dy, t * output.size(), grads[0], grads[1], dx,
                        t * input.size());
            }
            return;
        }
        if (scratch instanceof DirectConv direct) {
            direct.backward(k, weight.value(), x, dy, dx, n, grads[0], grads[1]);
            return;
        }
        Buffers s = (Buffers) scratch;
        int filters = output.channels();
        int patch = patch();
        int span = span();
        float[] db = grads[1];
        if (dx != null && s.dcol == null) s.dcol = new float[s.col.length];
        for (int first = 0; first < n; first += s.chunk) {
            int count = Math.min(s.chunk, n - first);
            int width = count * span;
            for (int t = 0; t < count; t++) copyIn(dy, (first + t) * output.size(), s.matrix, width, t);
            for (int o = 0; o < filters; o++) {
                float sum = 0f;
                for (int j = o * width, end = j + width; j < end; j++) sum += s.matrix[j];
                db[o] += sum;
            }
            if (dx != null) {
                for (int t = 0; t < count; t++) {
                    int dxOff = (first + t) * input.size();
                    Arrays.fill(dx, dxOff, dxOff + input.size(), 0f);
                }
            }
            int fg = groupFilters();
            int cg = groupChannels();
            for (int g = 0; g < spec.groups(); g++) {
                unroll(x, first, count, g, s);
                k.gemmNT(fg, patch, width, s.matrix, g * fg * width, width, s.col, 0, width, grads[0], g * fg * patch, patch);
                if (dx == null) continue;
                Arrays.fill(s.dcol, 0, patch * width, 0f);
                k.gemmTN(patch, width, fg, weight.value(), g * fg * patch, patch, s.matrix, g * fg * width, width, s.dcol, 0, width);
                for (int t = 0; t < count; t++) {
                    Im2Col.fold(s.dcol, t * span(), width, input, g * cg, cg, spec.kernel(), output, dx, (first + t) * input.size());
                }
            }
        }
    }
}
