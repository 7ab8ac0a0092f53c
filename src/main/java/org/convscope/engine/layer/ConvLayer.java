package org.convscope.engine.layer;

import java.util.Arrays;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.Param;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.ConvSpec;

/**
 * Convolution as a matrix product over a chunk of a few images, small enough for its unrolled patches to stay in
 * cache: the chunk's patches are unrolled (see {@link Im2Col}) into col[K][width], K = inC·kH·kW, each image taking
 * {@code span} columns; then out[outC][width] = W[outC][K] · col + b, copied into the NCHW output. Backward, with the
 * patches unrolled again and dOut[outC][width] gathered from dy (zero in junk columns): dW += dOut · colᵀ,
 * db += Σ dOut, dcol = Wᵀ · dOut folded back onto the input.
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

    /** Stride 1 uses the wide layout, which unrolls each patch row with a single copy. */
    private boolean wide() {
        return spec.stride() == 1;
    }

    /** The zero-padded input of the wide layout. */
    private Dims padded() {
        int p = spec.padding();
        return new Dims(input.channels(), input.height() + 2 * p, input.width() + 2 * p);
    }

    /** Distance between output rows in col's columns. */
    private int rowPitch() {
        return wide() ? padded().width() : output.width();
    }

    /** Columns per image in col. */
    private int span() {
        return wide() ? Im2Col.wideSpan(padded(), spec) : output.height() * output.width();
    }

    /** Per-workspace buffers for one chunk. */
    static final class Buffers implements Scratch {
        final int chunk;
        final float[] col;      // [K][chunk·span]
        final float[] matrix;   // [outC][chunk·span]: the output in forward, dOut in backward
        final float[] padded;   // [inC][Hp][Wp], wide layout with padding only; the border stays zero
        float[] dcol;           // [K][chunk·span], allocated on the first backward pass that needs dL/dx
        float[] dpadded;        // [inC][Hp][Wp], likewise

        Buffers(int chunk, int colSize, int matrixSize, int paddedSize) {
            this.chunk = chunk;
            col = new float[colSize + SLACK];
            matrix = new float[matrixSize + SLACK];
            padded = new float[paddedSize];
        }
    }

    @Override
    public Scratch newScratch(int maxBatch) {
        int span = span();
        int chunk = Math.clamp(Math.ceilDiv(CHUNK_COLUMNS, span), 1, Math.min(MAX_CHUNK, maxBatch));
        int paddedSize = wide() && spec.padding() > 0 ? padded().size() : 0;
        return new Buffers(chunk, patch() * chunk * span, output.channels() * chunk * span, paddedSize);
    }

    /** Unrolls images [first, first + count) of x into s.col, width = count·span columns. */
    private void unroll(float[] x, int first, int count, Buffers s) {
        int span = span();
        int width = count * span;
        for (int t = 0; t < count; t++) {
            int xOff = (first + t) * input.size();
            if (!wide()) {
                Im2Col.unroll(x, xOff, input, spec, output, s.col, t * span, width);
            } else if (spec.padding() == 0) {
                Im2Col.unrollWide(x, xOff, input, spec, s.col, t * span, width);
            } else {
                pad(x, xOff, s.padded);
                Im2Col.unrollWide(s.padded, 0, padded(), spec, s.col, t * span, width);
            }
        }
    }

    /** Copies the image at x[xOff] into the interior of the padded buffer. */
    private void pad(float[] x, int xOff, float[] xp) {
        int p = spec.padding();
        int h = input.height();
        int w = input.width();
        int wp = w + 2 * p;
        for (int c = 0; c < input.channels(); c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(x, xOff + (c * h + y) * w, xp, (c * (h + 2 * p) + y + p) * wp + p, w);
            }
        }
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
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

    /** y[outC][outH][outW] at yOff ← image t's columns of matrix[outC][width], skipping junk columns. */
    private void copyOut(float[] matrix, int width, int t, float[] y, int yOff) {
        int positions = output.height() * output.width();
        int pitch = rowPitch();
        for (int o = 0; o < output.channels(); o++) {
            int src = o * width + t * span();
            int dst = yOff + o * positions;
            if (pitch == output.width()) {
                System.arraycopy(matrix, src, y, dst, positions);
                continue;
            }
            for (int oy = 0; oy < output.height(); oy++) {
                System.arraycopy(matrix, src + oy * pitch, y, dst + oy * output.width(), output.width());
            }
        }
    }

    /** Image t's columns of matrix[outC][width] ← dy[outC][outH][outW] at dyOff, junk columns zero. */
    private void copyIn(float[] dy, int dyOff, float[] matrix, int width, int t) {
        int positions = output.height() * output.width();
        int pitch = rowPitch();
        int span = span();
        for (int o = 0; o < output.channels(); o++) {
            int dst = o * width + t * span;
            int src = dyOff + o * positions;
            if (pitch == output.width()) {
                System.arraycopy(dy, src, matrix, dst, positions);
                continue;
            }
            Arrays.fill(matrix, dst, dst + span, 0f);
            for (int oy = 0; oy < output.height(); oy++) {
                System.arraycopy(dy, src + oy * output.width(), matrix, dst + oy * pitch, output.width());
            }
        }
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        Buffers s = (Buffers) scratch;
        int filters = output.channels();
        int patch = patch();
        int span = span();
        float[] db = grads[1];
        if (dx != null && s.dcol == null) {
            s.dcol = new float[s.col.length];
            s.dpadded = new float[s.padded.length];
        }
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
            for (int t = 0; t < count; t++) fold(k, s, t, width, dx, (first + t) * input.size());
        }
    }

    /** dx of the image at dxOff ← image t's columns of s.dcol folded back onto the input. */
    private void fold(Kernels k, Buffers s, int t, int width, float[] dx, int dxOff) {
        Arrays.fill(dx, dxOff, dxOff + input.size(), 0f);
        int colOff = t * span();
        if (!wide()) {
            Im2Col.fold(s.dcol, colOff, width, input, spec, output, dx, dxOff);
            return;
        }
        if (spec.padding() == 0) {
            Im2Col.foldWide(k, s.dcol, colOff, width, input, spec, dx, dxOff);
            return;
        }
        Arrays.fill(s.dpadded, 0f);
        Im2Col.foldWide(k, s.dcol, colOff, width, padded(), spec, s.dpadded, 0);
        int p = spec.padding();
        int h = input.height();
        int w = input.width();
        for (int c = 0; c < input.channels(); c++) {
            for (int row = 0; row < h; row++) {
                System.arraycopy(s.dpadded, (c * (h + 2 * p) + row + p) * (w + 2 * p) + p, dx, dxOff + (c * h + row) * w, w);
            }
        }
    }
}
