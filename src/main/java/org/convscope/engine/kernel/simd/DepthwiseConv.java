package org.convscope.engine.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.convscope.engine.kernel.ConvGeometry;
import org.convscope.engine.kernel.ConvPlan;
import org.convscope.engine.kernel.GemmConv;
import org.convscope.engine.kernel.Parallel;

/**
 * A depthwise convolution (G = C, F = m·C): filter f = c·m + j sees channel c alone,
 * y[f][oy][ox] = b[f] + Σ_{ky,kx} w[f][0][ky][kx] · x[c][oy·sH − padTop + ky·dH][ox·sW − padLeft + kx·dW].
 * Memory-bound: each channel is copied once into its thread's padded, stride-split plane ({@link WideImage} of one
 * channel, small enough to stay in the first-level cache), then each output row is computed two vectors at a time,
 * one broadcast weight per tap, the bias as the first term, and stored with a mask on the row's last vector.
 * Channels are split over the threads. Backward: {@link GemmConv} with the vector kernels.
 */
final class DepthwiseConv implements ConvPlan {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private final ConvGeometry g;
    private final Parallel parallel;
    private final int multiplier;     // m = F/C
    private final int outH;
    private final int outW;
    private final int blocks;         // tasks: blocks of channels
    private final WideImage[] planes; // [slot]: one channel's X̃
    private GemmConv backward;

    DepthwiseConv(ConvGeometry g, Parallel parallel) {
        if (!g.depthwise()) throw new IllegalArgumentException("depthwise convolution needs groups = channels, got " + g);
        this.g = g;
        this.parallel = parallel;
        multiplier = g.filters() / g.channels();
        outH = g.outH();
        outW = g.outW();
        blocks = Math.min(g.channels(), 4 * parallel.threads());
        ConvGeometry one = new ConvGeometry(1, g.height(), g.width(), 1, 1, g.kernelH(), g.kernelW(), g.strideH(), g.strideW(),
                g.padTop(), g.padLeft(), g.padBottom(), g.padRight(), g.dilationH(), g.dilationW());
        // Rows are read in whole pairs of vectors: up to outW rounded up to 2L past the last row's start.
        int readEnd = (outH - 1) * WideImage.pitch(one) + Math.ceilDiv(outW, 2 * L) * 2 * L;
        planes = new WideImage[Math.min(parallel.threads(), blocks)];
        for (int s = 0; s < planes.length; s++) planes[s] = new WideImage(one, readEnd, false);
    }

    @Override
    public ConvGeometry geometry() {
        return g;
    }

    @Override
    public void forward(float[] w, long weightsVersion, float[] bias, float[] x, int xOff, float[] y, int yOff) {
        int channels = g.channels();
        int plane = g.height() * g.width();
        parallel.forEachWithSlot(blocks, (block, slot) -> {
            WideImage image = planes[slot];
            for (int c = channels * block / blocks, end = channels * (block + 1) / blocks; c < end; c++) {
                image.fillChannel(x, xOff + c * plane, 0);
                for (int f = c * multiplier; f < (c + 1) * multiplier; f++) {
                    channel(image, w, f * g.taps(), bias[f], y, yOff + f * outH * outW);
                }
            }
        });
    }

    /** One filter's output plane from one channel's X̃. */
    private void channel(WideImage image, float[] w, int wOff, float b, float[] y, int yOff) {
        float[] src = image.data();
        int[] taps = image.tapBase();
        if (taps.length == 9) {
            nineTaps(src, taps, image.pitch(), w, wOff, b, y, yOff);
            return;
        }
        int pitch = image.pitch();
        int full = outW - outW % (2 * L);
        FloatVector bias = FloatVector.broadcast(S, b);
        for (int oy = 0; oy < outH; oy++) {
            int row = oy * pitch;
            int out = yOff + oy * outW;
            for (int ox = 0; ox < full; ox += 2 * L) {
                FloatVector s0 = bias;
                FloatVector s1 = bias;
                for (int t = 0; t < taps.length; t++) {
                    FloatVector v = FloatVector.broadcast(S, w[wOff + t]);
                    int at = row + taps[t] + ox;
                    s0 = FloatVector.fromArray(S, src, at).fma(v, s0);
                    s1 = FloatVector.fromArray(S, src, at + L).fma(v, s1);
                }
                s0.intoArray(y, out + ox);
                s1.intoArray(y, out + ox + L);
            }
            for (int ox = full; ox < outW; ox += L) {
                VectorMask<Float> m = S.indexInRange(ox, outW);
                FloatVector s0 = bias;
                for (int t = 0; t < taps.length; t++) {
                    s0 = FloatVector.fromArray(S, src, row + taps[t] + ox).fma(FloatVector.broadcast(S, w[wOff + t]), s0);
                }
                s0.intoArray(y, out + ox, m);
            }
        }
    }

    /**
     * {@link #channel} for 3×3 kernels, the common case, with the nine weights held in registers for the whole
     * plane (the generic loop reloads them for every vector, as a store to y might have changed w). One vector per
     * step: the out-of-order core overlaps the steps' chains of nine multiply-adds.
     */
    private void nineTaps(float[] src, int[] t, int pitch, float[] w, int wOff, float b, float[] y, int yOff) {
        FloatVector w0 = FloatVector.broadcast(S, w[wOff]), w1 = FloatVector.broadcast(S, w[wOff + 1]);
        FloatVector w2 = FloatVector.broadcast(S, w[wOff + 2]), w3 = FloatVector.broadcast(S, w[wOff + 3]);
        FloatVector w4 = FloatVector.broadcast(S, w[wOff + 4]), w5 = FloatVector.broadcast(S, w[wOff + 5]);
        FloatVector w6 = FloatVector.broadcast(S, w[wOff + 6]), w7 = FloatVector.broadcast(S, w[wOff + 7]);
        FloatVector w8 = FloatVector.broadcast(S, w[wOff + 8]);
        int t0 = t[0], t1 = t[1], t2 = t[2], t3 = t[3], t4 = t[4], t5 = t[5], t6 = t[6], t7 = t[7], t8 = t[8];
        FloatVector bias = FloatVector.broadcast(S, b);
        for (int oy = 0; oy < outH; oy++) {
            int row = oy * pitch;
            int out = yOff + oy * outW;
            for (int ox = 0; ox < outW; ox += L) {
                int a = row + ox;
                FloatVector s = FloatVector.fromArray(S, src, a + t0).fma(w0, bias);
                s = FloatVector.fromArray(S, src, a + t1).fma(w1, s);
                s = FloatVector.fromArray(S, src, a + t2).fma(w2, s);
                s = FloatVector.fromArray(S, src, a + t3).fma(w3, s);
                s = FloatVector.fromArray(S, src, a + t4).fma(w4, s);
                s = FloatVector.fromArray(S, src, a + t5).fma(w5, s);
                s = FloatVector.fromArray(S, src, a + t6).fma(w6, s);
                s = FloatVector.fromArray(S, src, a + t7).fma(w7, s);
                s = FloatVector.fromArray(S, src, a + t8).fma(w8, s);
                if (ox + L <= outW) s.intoArray(y, out + ox);
                else s.intoArray(y, out + ox, S.indexInRange(ox, outW));
            }
        }
    }

    @Override
    public void backward(float[] w, float[] x, int xOff, float[] dy, int dyOff, float[] dw, float[] db, float[] dx, int dxOff) {
        if (backward == null) backward = new GemmConv(g, parallel, VectorKernels.INSTANCE);
        backward.backward(w, x, xOff, dy, dyOff, dw, db, dx, dxOff);
    }
}
