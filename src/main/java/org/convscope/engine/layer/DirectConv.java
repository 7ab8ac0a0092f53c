package org.convscope.engine.layer;

import java.util.Arrays;
import org.convscope.engine.Dims;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.ConvSpec;

/**
 * Stride-1 convolution without unrolled patches, one image at a time, on the "wide" grid: the image is padded to
 * xp[C][Hp][Wp] and output position (oy, ox) is computed at q = oy·Wp + ox, so tap (c, ky, kx) reads the contiguous
 * run xp[c·Hp·Wp + ky·Wp + kx + q]. The patch matrix is then B(tap, q) = xp[off(tap) + q] and the layer is one
 * gathered product ({@link Kernels#gemmGather}) over q < span = (outH − 1)·Wp + outW; the columns ox ≥ outW of each
 * row are junk and skipped when the result is copied out.
 * <p>
 * Backward, with dOut copied into a zero buffer of the same pitch (junk columns zero, kH zero rows above it and at
 * least kH − 1 below): dW[o][tap] = Σ_q dOut[o][q] · xp[off(tap) + q] ({@link Kernels#dotLanes}, reduced once per
 * batch) and dx_p[c][q] = Σ_{o,ky,kx} W[o][c][ky][kx] · dOut[o][q − ky·Wp − kx], a gathered product with the weights
 * transposed: a tap reaching left of column 0 or right of column outW − 1 wraps into the kW − 1 zero junk columns,
 * which therefore double as the horizontal padding.
 * <p>
 * One instance per workspace: it holds the geometry and the buffers.
 */
final class DirectConv implements Layer.Scratch {
    /** Spare floats after every buffer, so that no vector access of the kernels crosses the end of an array. */
    private static final int SLACK = 128;

    private final int channels;     // C
    private final int filters;      // F
    private final int height;       // H
    private final int width;        // W
    private final int padding;      // P
    private final int pitch;        // Wp = W + 2P
    private final int outH;
    private final int outW;
    private final int span;         // (outH − 1)·Wp + outW
    private final int widePitch;    // span rounded up to 2·LANES: whole vector blocks, no masks
    private final int taps;         // C·kH·kW
    private final int dotLength;    // span rounded up to Kernels.LANES
    private final int top;          // zero rows above dOut
    private final int gradPlane;    // floats per channel of gradOut

    private final int[] inputTaps;  // [C·kH·kW]: off(c, ky, kx) = c·Hp·Wp + ky·Wp + kx
    private final int[] gradTaps;   // [F·kH·kW]: offset of dOut[o][q − ky·Wp − kx] relative to q, within gradOut
    private final float[] padded;   // [C][Hp][Wp], the border stays zero
    private final float[] wide;     // [F][widePitch]: the output on the wide grid
    private final float[] gradOut;  // [F][top + outH + bottom][Wp]: dOut, zero outside the valid positions
    private final float[] partial;  // [F][C·kH·kW][LANES]: dW's partial sums over the batch
    private final boolean byFilter; // forward with the filters in the vector lanes (gemmShifted), see forward
    private final int lanesF;       // F rounded up to Kernels.LANES
    private final float[] weightTap;  // [C·kH·kW][lanesF]: the weights by tap, zero past F (byFilter only)
    private final float[] wideT;      // [span][lanesF]: the output on the wide grid, by position (byFilter only)
    private final int rowGroup;       // output rows per gemmShifted call (byFilter only)
    private float[] weightT;        // [C][F·kH·kW], allocated on the first pass that needs dL/dx
    private float[] gradWide;       // [C][H][Wp]: dx on the wide grid, likewise

    DirectConv(ConvSpec spec, Dims in, Dims out) {
        if (spec.stride() != 1) throw new IllegalArgumentException(spec.name() + ": direct convolution needs stride 1, got " + spec.stride());
        int kh = spec.kernelHeight();
        int kw = spec.kernelWidth();
        channels = in.channels();
        filters = out.channels();
        height = in.height();
        width = in.width();
        padding = spec.padding();
        pitch = width + 2 * padding;
        int plane = (height + 2 * padding) * pitch;
        outH = out.height();
        outW = out.width();
        span = (outH - 1) * pitch + outW;
        taps = channels * kh * kw;
        widePitch = Math.ceilDiv(span, 2 * Kernels.LANES) * 2 * Kernels.LANES;
        dotLength = Math.ceilDiv(span, Kernels.LANES) * Kernels.LANES;
        top = kh;
        // Below dOut: kH − 1 rows for dx's taps, and zeros for dotLength's rounding.
        int bottom = kh - 1 + Math.ceilDiv(Kernels.LANES, pitch);
        gradPlane = (top + outH + bottom) * pitch;

        inputTaps = new int[taps];
        gradTaps = new int[filters * kh * kw];
        for (int ky = 0; ky < kh; ky++) {
            for (int kx = 0; kx < kw; kx++) {
                for (int c = 0; c < channels; c++) inputTaps[(c * kh + ky) * kw + kx] = c * plane + ky * pitch + kx;
                for (int o = 0; o < filters; o++) gradTaps[(o * kh + ky) * kw + kx] = o * gradPlane + (top - ky) * pitch - kx;
            }
        }
        padded = new float[channels * plane + SLACK];
        wide = new float[filters * widePitch + SLACK];
        gradOut = new float[filters * gradPlane + SLACK];
        partial = new float[filters * taps * Kernels.LANES];
        lanesF = Math.ceilDiv(filters, Kernels.LANES) * Kernels.LANES;
        rowGroup = rowGroup();
        byFilter = filterLanesCost() < positionLanesCost();
        weightTap = byFilter ? new float[taps * lanesF + SLACK] : null;
        wideT = byFilter ? new float[span * lanesF + SLACK] : null;
    }

    /**
     * Vector multiply-adds per image, in 16-lane vectors, with the positions in the lanes: blocks of 6 filters ×
     * 2 vectors of the wide grid.
     */
    private long positionLanesCost() {
        long lanes = Kernels.LANES;
        return (long) taps * (Math.ceilDiv(filters, 6) * 6) * (Math.ceilDiv(span, 2 * lanes) * 2);
    }

    /** The same with the filters in the lanes: one multiply-add per position and filter vector, plus the transposes. */
    private long filterLanesCost() {
        long lanes = Kernels.LANES;
        return (long) taps * shiftedRows(rowGroup) * (lanesF / lanes) + ((long) taps + (long) outH * outW) * filters / lanes;
    }

    /**
     * Rows gemmShifted computes for the whole output when each call covers g output rows: the call's m = (g − 1)·Wp
     * + outW positions, computed in blocks of 12 and then of 4.
     */
    private int shiftedRows(int g) {
        int rows = 0;
        for (int oy = 0; oy < outH; oy += g) {
            int m = (Math.min(g, outH - oy) - 1) * pitch + outW;
            int rest = m % 12;
            int middle = rest >= 10 ? 10 : rest >= 8 ? 8 : 0;
            rows += m - rest + middle + Math.ceilDiv(rest - middle, 4) * 4;
        }
        return rows;
    }

    /** The number of output rows per gemmShifted call that computes the fewest junk positions (the most, on ties). */
    private int rowGroup() {
        int best = 1;
        for (int g = 2; g <= outH; g++) if (shiftedRows(g) <= shiftedRows(best)) best = g;
        return best;
    }

    /**
     * y[n][F][outH][outW] = conv(x[n][C][H][W]) + bias, with weights w[F][C][kH][kW]. Where there are enough filters
     * to fill the vector lanes (see {@link #filterLanesCost}), the lanes hold filters: the weights are laid out by
     * tap once per call, and each image is a few {@link Kernels#gemmShifted} into wideT[q][F], each over a group of
     * output rows (which skips the junk columns between groups); otherwise they hold
     * positions, one {@link Kernels#gemmGather} into wide[F][q].
     */
    void forward(Kernels k, float[] w, float[] bias, float[] x, float[] y, int n) {
        if (byFilter) {
            forwardByFilter(k, w, bias, x, y, n);
            return;
        }
        int imageIn = channels * height * width;
        int imageOut = filters * outH * outW;
        for (int t = 0; t < n; t++) {
            pad(x, t * imageIn);
            for (int o = 0; o < filters; o++) Arrays.fill(wide, o * widePitch, (o + 1) * widePitch, bias[o]);
            // Columns past span are junk, computed to keep every vector block whole; padded's slack covers their reads.
            k.gemmGather(filters, widePitch, taps, w, 0, taps, padded, 0, inputTaps, wide, 0, widePitch);
            int yOff = t * imageOut;
            for (int o = 0; o < filters; o++) {
                for (int oy = 0; oy < outH; oy++) {
                    System.arraycopy(wide, o * widePitch + oy * pitch, y, yOff + (o * outH + oy) * outW, outW);
                }
            }
        }
    }

    private void forwardByFilter(Kernels k, float[] w, float[] bias, float[] x, float[] y, int n) {
        for (int o = 0; o < filters; o++) {
            for (int tap = 0; tap < taps; tap++) weightTap[tap * lanesF + o] = w[o * taps + tap];
        }
        int imageIn = channels * height * width;
        int imageOut = filters * outH * outW;
        for (int t = 0; t < n; t++) {
            pad(x, t * imageIn);
            Arrays.fill(wideT, 0, span * lanesF, 0f);
            for (int oy = 0; oy < outH; oy += rowGroup) {
                int m = (Math.min(rowGroup, outH - oy) - 1) * pitch + outW;
                int q = oy * pitch;
                k.gemmShifted(m, lanesF, taps, padded, q, inputTaps, weightTap, 0, lanesF, wideT, q * lanesF, lanesF);
            }
            int yOff = t * imageOut;
            for (int o = 0; o < filters; o++) {
                float b = bias[o];
                for (int oy = 0; oy < outH; oy++) {
                    int at = yOff + (o * outH + oy) * outW;
                    for (int ox = 0, q = (oy * pitch) * lanesF + o; ox < outW; ox++, q += lanesF) y[at + ox] = wideT[q] + b;
                }
            }
        }
    }

    /** Copies the image at x[xOff] into the interior of {@link #padded}. */
    private void pad(float[] x, int xOff) {
        if (padding == 0) {
            System.arraycopy(x, xOff, padded, 0, channels * height * width);
            return;
        }
        int plane = (height + 2 * padding) * pitch;
        for (int c = 0; c < channels; c++) {
            for (int iy = 0; iy < height; iy++) {
                System.arraycopy(x, xOff + (c * height + iy) * width, padded, c * plane + (iy + padding) * pitch + padding, width);
            }
        }
    }

    /** Adds dL/dW to dw and dL/db to db; writes dx = dL/dx unless it is null. */
    void backward(Kernels k, float[] w, float[] x, float[] dy, float[] dx, int n, float[] dw, float[] db) {
        int imageIn = channels * height * width;
        int imageOut = filters * outH * outW;
        int positions = outH * outW;
        if (dx != null) transposeWeights(w);
        Arrays.fill(partial, 0f);
        for (int t = 0; t < n; t++) {
            pad(x, t * imageIn);
            int dyOff = t * imageOut;
            for (int o = 0; o < filters; o++) {
                float sum = 0f;
                for (int i = dyOff + o * positions, end = i + positions; i < end; i++) sum += dy[i];
                db[o] += sum;
                for (int oy = 0; oy < outH; oy++) {
                    System.arraycopy(dy, dyOff + o * positions + oy * outW, gradOut, o * gradPlane + (top + oy) * pitch, outW);
                }
            }
            k.dotLanes(filters, taps, dotLength, gradOut, top * pitch, gradPlane, padded, 0, inputTaps, partial);
            if (dx != null) inputGradient(k, dx, t * imageIn);
        }
        for (int i = 0; i < filters * taps; i++) {
            float sum = 0f;
            for (int lane = i * Kernels.LANES, end = lane + Kernels.LANES; lane < end; lane++) sum += partial[lane];
            dw[i] += sum;
        }
    }

    /** weightT[c][o][ky][kx] = w[o][c][ky][kx]. */
    private void transposeWeights(float[] w) {
        int window = taps / channels;
        if (weightT == null) {
            weightT = new float[channels * filters * window];
            gradWide = new float[channels * height * pitch + SLACK];
        }
        for (int o = 0; o < filters; o++) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(w, (o * channels + c) * window, weightT, (c * filters + o) * window, window);
            }
        }
    }

    /** dx of the image at dxOff from {@link #gradOut}: the wide rows P..P+H−1 of dx_p, then their valid columns. */
    private void inputGradient(Kernels k, float[] dx, int dxOff) {
        int rows = height * pitch;
        Arrays.fill(gradWide, 0, channels * rows, 0f);
        k.gemmGather(channels, rows, gradTaps.length, weightT, 0, gradTaps.length, gradOut, padding * pitch, gradTaps, gradWide, 0, rows);
        for (int c = 0; c < channels; c++) {
            for (int iy = 0; iy < height; iy++) {
                System.arraycopy(gradWide, c * rows + iy * pitch + padding, dx, dxOff + (c * height + iy) * width, width);
            }
        }
    }
}
