package org.convscope.engine.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.convscope.engine.kernel.ConvGeometry;
import org.convscope.engine.kernel.ConvPlan;
import org.convscope.engine.kernel.GemmConv;
import org.convscope.engine.kernel.Parallel;

/**
 * A depthwise convolution (G = C, F = m·C): filter f = c·m + j sees channel c alone,
 * y[f][oy][ox] = b[f] + Σ_{ky,kx} w[f][0][ky][kx] · x[c][oy·sH − padTop + ky·dH][ox·sW − padLeft + kx·dW].
 * Memory-bound: each channel is copied once into its thread's padded, stride-split plane ({@link WideImage} of one
 * channel, small enough to stay in the first-level cache), then the whole wide grid is computed a vector at a time
 * into a plane buffer, the bias as the first term, one broadcast weight per tap (a 7×7 output fills 49 of 64 lanes
 * so, against 49 of 112 row by row), and its rows copied out. (Storing each vector's real lanes straight into y
 * under masks was up to a third slower; passing vectors to a method the JIT does not inline boxes them.) Channels
 * are split over the threads.
 * <p>
 * Backward on the same grid, channel by channel: dy[f] is spread onto the wide grid (zero at the junk positions),
 * dW[f][t] += Σ_q dY[q] · X̃[tapBase(t) + q] as vector dot products, and dX̃[tapBase(t) + q] += w[f][t] · dY[q] is
 * gathered back onto the image by the adjoint of the copy into X̃. (The patch matrices of {@link GemmConv} cost a
 * strided scalar copy of nine values per input value here.)
 */
final class DepthwiseConv implements ConvPlan {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int WIDTH = 2 * L;

    private final ConvGeometry g;
    private final Parallel parallel;
    private final int multiplier;     // m = F/C
    private final int planeOut;       // outH·outW
    private final int runs;           // ⌈span / WIDTH⌉
    private final int blocks;         // tasks: blocks of channels
    private final WideImage[] planes; // [slot]: one channel's X̃
    private final float[][] gridOut;  // [slot][runs·WIDTH]: one filter's output on the wide grid
    private final float[][] wideGrad; // [slot][runs·WIDTH]: dy of one filter on the wide grid, allocated by backward
    private final float[][] gridGrad; // [slot][like X̃]: dL/dX̃ of one channel, allocated by backward

    DepthwiseConv(ConvGeometry g, Parallel parallel) {
        if (!g.depthwise()) throw new IllegalArgumentException("depthwise convolution needs groups = channels, got " + g);
        this.g = g;
        this.parallel = parallel;
        multiplier = g.filters() / g.channels();
        planeOut = g.outH() * g.outW();
        blocks = Math.min(g.channels(), 4 * parallel.threads());
        ConvGeometry one = new ConvGeometry(1, g.height(), g.width(), 1, 1, g.kernelH(), g.kernelW(), g.strideH(), g.strideW(),
                g.padTop(), g.padLeft(), g.padBottom(), g.padRight(), g.dilationH(), g.dilationW());
        runs = Math.ceilDiv(WideImage.span(one), WIDTH);
        planes = new WideImage[Math.min(parallel.threads(), blocks)];
        for (int s = 0; s < planes.length; s++) planes[s] = new WideImage(one, runs * WIDTH, false);
        gridOut = new float[planes.length][runs * WIDTH];
        wideGrad = new float[planes.length][];
        gridGrad = new float[planes.length][];
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
                    if (g.taps() == 9) nineTaps(image, w, f * 9, bias[f], gridOut[slot], y, yOff + f * planeOut);
                    else anyTaps(image, w, f * g.taps(), bias[f], gridOut[slot], y, yOff + f * planeOut);
                }
            }
        });
    }

    /** One filter's output plane at y[yOff] from one channel's X̃, any kernel. */
    private void anyTaps(WideImage image, float[] w, int wOff, float b, float[] out, float[] y, int yOff) {
        float[] src = image.data();
        int[] taps = image.tapBase();
        FloatVector bias = FloatVector.broadcast(S, b);
        for (int r = 0, q = 0; r < runs; r++, q += WIDTH) {
            FloatVector s0 = bias;
            FloatVector s1 = bias;
            for (int t = 0; t < taps.length; t++) {
                FloatVector v = FloatVector.broadcast(S, w[wOff + t]);
                s0 = FloatVector.fromArray(S, src, q + taps[t]).fma(v, s0);
                s1 = FloatVector.fromArray(S, src, q + taps[t] + L).fma(v, s1);
            }
            s0.intoArray(out, q);
            s1.intoArray(out, q + L);
        }
        rowsOut(out, image.pitch(), y, yOff);
    }

    /**
     * {@link #anyTaps} for 3×3 kernels, the common case, with the nine weights held in registers for the whole
     * plane (the general loop reloads them for every vector, as a store to y might have changed w).
     */
    private void nineTaps(WideImage image, float[] w, int wOff, float b, float[] out, float[] y, int yOff) {
        float[] src = image.data();
        int[] t = image.tapBase();
        FloatVector w0 = FloatVector.broadcast(S, w[wOff]), w1 = FloatVector.broadcast(S, w[wOff + 1]);
        FloatVector w2 = FloatVector.broadcast(S, w[wOff + 2]), w3 = FloatVector.broadcast(S, w[wOff + 3]);
        FloatVector w4 = FloatVector.broadcast(S, w[wOff + 4]), w5 = FloatVector.broadcast(S, w[wOff + 5]);
        FloatVector w6 = FloatVector.broadcast(S, w[wOff + 6]), w7 = FloatVector.broadcast(S, w[wOff + 7]);
        FloatVector w8 = FloatVector.broadcast(S, w[wOff + 8]);
        int t0 = t[0], t1 = t[1], t2 = t[2], t3 = t[3], t4 = t[4], t5 = t[5], t6 = t[6], t7 = t[7], t8 = t[8];
        FloatVector bias = FloatVector.broadcast(S, b);
        for (int r = 0; r < runs; r++) {
            for (int j = 0, q = r * WIDTH; j < WIDTH; j += L, q += L) {
                FloatVector s = FloatVector.fromArray(S, src, q + t0).fma(w0, bias);
                s = FloatVector.fromArray(S, src, q + t1).fma(w1, s);
                s = FloatVector.fromArray(S, src, q + t2).fma(w2, s);
                s = FloatVector.fromArray(S, src, q + t3).fma(w3, s);
                s = FloatVector.fromArray(S, src, q + t4).fma(w4, s);
                s = FloatVector.fromArray(S, src, q + t5).fma(w5, s);
                s = FloatVector.fromArray(S, src, q + t6).fma(w6, s);
                s = FloatVector.fromArray(S, src, q + t7).fma(w7, s);
                FloatVector.fromArray(S, src, q + t8).fma(w8, s).intoArray(out, q);
            }
        }
        rowsOut(out, image.pitch(), y, yOff);
    }

    /** The real positions of the wide grid in out, row by row, into the output plane at y[yOff]. */
    private void rowsOut(float[] out, int pitch, float[] y, int yOff) {
        for (int oy = 0; oy < g.outH(); oy++) WideImage.copy(out, oy * pitch, y, yOff + oy * g.outW(), g.outW());
    }

    @Override
    public void backward(float[] w, float[] x, int xOff, float[] dy, int dyOff, float[] dw, float[] db, float[] dx, int dxOff) {
        int channels = g.channels();
        int plane = g.height() * g.width();
        int taps = g.taps();
        parallel.forEachWithSlot(blocks, (block, slot) -> {
            WideImage image = planes[slot];
            if (wideGrad[slot] == null) wideGrad[slot] = new float[runs * WIDTH];
            if (dx != null && gridGrad[slot] == null) gridGrad[slot] = new float[image.data().length];
            float[] wide = wideGrad[slot];
            float[] grid = dx == null ? null : gridGrad[slot];
            for (int c = channels * block / blocks, end = channels * (block + 1) / blocks; c < end; c++) {
                image.fillChannel(x, xOff + c * plane, 0);
                if (grid != null) java.util.Arrays.fill(grid, 0f);
                for (int f = c * multiplier; f < (c + 1) * multiplier; f++) {
                    int d = dyOff + f * planeOut;
                    float sum = 0f;
                    for (int i = d; i < d + planeOut; i++) sum += dy[i];
                    db[f] += sum;
                    for (int oy = 0; oy < g.outH(); oy++) WideImage.copy(dy, d + oy * g.outW(), wide, oy * image.pitch(), g.outW());
                    for (int t = 0; t < taps; t++) {
                        dw[f * taps + t] += dot(wide, image.data(), image.tapBase()[t], gridOut[slot]);
                        if (grid != null) addScaled(w[f * taps + t], wide, grid, image.tapBase()[t]);
                    }
                }
                if (grid != null) image.readChannel(grid, dx, dxOff + c * plane, 0);
            }
        });
    }

    /** Σ_q wide[q] · src[at + q] over the wide grid's runs, its lanes added in order (lanes: a scratch of WIDTH). */
    private float dot(float[] wide, float[] src, int at, float[] lanes) {
        FloatVector s = FloatVector.zero(S);
        for (int q = 0; q < runs * WIDTH; q += L) s = FloatVector.fromArray(S, wide, q).fma(FloatVector.fromArray(S, src, at + q), s);
        s.intoArray(lanes, 0);
        float sum = 0f;
        for (int l = 0; l < L; l++) sum += lanes[l];
        return sum;
    }

    /** grid[at + q] += a · wide[q] over the wide grid's runs. */
    private void addScaled(float a, float[] wide, float[] grid, int at) {
        FloatVector v = FloatVector.broadcast(S, a);
        for (int q = 0; q < runs * WIDTH; q += L) {
            FloatVector.fromArray(S, wide, q).fma(v, FloatVector.fromArray(S, grid, at + q)).intoArray(grid, at + q);
        }
    }
}
