package org.convscope.engine.layer;

import java.util.Arrays;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.Param;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.ConvSpec;

/**
 * Convolution: y[o][oy][ox] = b[o] + Σ_{c,ky,kx} W[o][c][ky][kx] · x[c][oy·S − P + ky][ox·S − P + kx] (0 outside).
 * Stride 1 runs directly on the padded image ({@link DirectConv}). Other strides are a matrix product over a chunk
 * of a few images, small enough for its unrolled patches to stay in cache: the chunk's patches are unrolled (see
 * {@link Im2Col}) into col[K][width], K = inC·kH·kW, each image taking outH·outW columns; then
 * out[outC][width] = W[outC][K] · col + b, copied into the NCHW output. Backward, with the patches unrolled again and
 * dOut[outC][width] gathered from dy: dW += dOut · colᵀ, db += Σ dOut, dcol = Wᵀ · dOut folded back onto the input.
 */
public record ConvLayer(ConvSpec spec, Dims input, Dims output, Param weight, Param bias) implements Layer {
    // weight: [outC][inC][kH][kW], bias: [outC]

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
                Param.zeros(spec.name() + ".weight", spec.filters(), input.channels(), spec.kernelHeight(), spec.kernelWidth()),
                Param.zeros(spec.name() + ".bias", spec.filters()));
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    private int patch() {
        return input.channels() * spec.kernelHeight() * spec.kernelWidth();
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

    @Override
    public Scratch newScratch(int maxBatch) {
        if (spec.stride() == 1) return new DirectConv(spec, input, output);
        int span = span();
        int chunk = Math.clamp(Math.ceilDiv(CHUNK_COLUMNS, span), 1, Math.min(MAX_CHUNK, maxBatch));
        return new Buffers(chunk, patch() * chunk * span, output.channels() * chunk * span);
    }

    /** Unrolls images [first, first + count) of x into s.col, width = count·span columns. */
    private void unroll(float[] x, int first, int count, Buffers s) {
        int width = count * span();
        for (int t = 0; t < count; t++) {
            Im2Col.unroll(x, (first + t) * input.size(), input, spec, output, s.col, t * span(), width);
        }
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
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
            unroll(x, first, count, s);
            for (int o = 0; o < filters; o++) Arrays.fill(s.matrix, o * width, (o + 1) * width, b[o]);
            k.gemmNN(filters, width, patch, weight.value(), 0, patch, s.col, 0, width, s.matrix, 0, width);
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
            unroll(x, first, count, s);
            for (int t = 0; t < count; t++) copyIn(dy, (first + t) * output.size(), s.matrix, width, t);
            for (int o = 0; o < filters; o++) {
                float sum = 0f;
                for (int j = o * width, end = j + width; j < end; j++) sum += s.matrix[j];
                db[o] += sum;
            }
            k.gemmNT(filters, patch, width, s.matrix, 0, width, s.col, 0, width, grads[0], 0, patch);
            if (dx == null) continue;
            Arrays.fill(s.dcol, 0, patch * width, 0f);
            k.gemmTN(patch, width, filters, weight.value(), 0, patch, s.matrix, 0, width, s.dcol, 0, width);
            for (int t = 0; t < count; t++) fold(s, t, width, dx, (first + t) * input.size());
        }
    }

    /** dx of the image at dxOff ← image t's columns of s.dcol folded back onto the input. */
    private void fold(Buffers s, int t, int width, float[] dx, int dxOff) {
        Arrays.fill(dx, dxOff, dxOff + input.size(), 0f);
        Im2Col.fold(s.dcol, t * span(), width, input, spec, output, dx, dxOff);
    }
}
