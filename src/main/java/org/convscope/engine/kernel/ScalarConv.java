package org.convscope.engine.kernel;

import java.util.Arrays;

/**
 * The convolution of {@link ConvGeometry} by its definition, one term at a time in plain loops: every geometry, no
 * buffers, no threads. The oracle the fast plans are tested against, far too slow for anything else.
 */
public final class ScalarConv {
    private ScalarConv() {}

    /** One term w[wi] · x[xi] of output o (indices relative to the arrays' offsets). */
    @FunctionalInterface
    private interface Term {
        void add(int o, int wi, int xi);
    }

    /**
     * Every term of the convolution in order: for each output o = (f, oy, ox), each (c, ky, kx) whose input pixel
     * lies inside the image (the padding contributes nothing).
     */
    private static void terms(ConvGeometry g, Term term) {
        int outH = g.outH();
        int outW = g.outW();
        int cg = g.groupChannels();
        int fg = g.groupFilters();
        for (int f = 0; f < g.filters(); f++) {
            int c0 = f / fg * cg;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    int o = (f * outH + oy) * outW + ox;
                    for (int c = 0; c < cg; c++) {
                        for (int ky = 0; ky < g.kernelH(); ky++) {
                            int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                            if (iy < 0 || iy >= g.height()) continue;
                            for (int kx = 0; kx < g.kernelW(); kx++) {
                                int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                                if (ix < 0 || ix >= g.width()) continue;
                                term.add(o, ((f * cg + c) * g.kernelH() + ky) * g.kernelW() + kx, ((c0 + c) * g.height() + iy) * g.width() + ix);
                            }
                        }
                    }
                }
            }
        }
    }

    /** y[F][outH][outW] at yOff ← conv(x at xOff) + bias, each output summed in double: see {@link ConvPlan#forward}. */
    public static void forward(ConvGeometry g, float[] w, float[] bias, float[] x, int xOff, float[] y, int yOff) {
        int plane = g.outH() * g.outW();
        double[] sums = new double[g.outputSize()];
        for (int o = 0; o < sums.length; o++) sums[o] = bias[o / plane];
        terms(g, (o, wi, xi) -> sums[o] += (double) w[wi] * x[xOff + xi]);
        for (int o = 0; o < sums.length; o++) y[yOff + o] = (float) sums[o];
    }

    /** dw += dL/dw, db += dL/db, dx ← dL/dx unless dx is null: see {@link ConvPlan#backward}. */
    public static void backward(ConvGeometry g, float[] w, float[] x, int xOff, float[] dy, int dyOff,
                                float[] dw, float[] db, float[] dx, int dxOff) {
        int plane = g.outH() * g.outW();
        for (int o = 0; o < g.outputSize(); o++) db[o / plane] += dy[dyOff + o];
        if (dx != null) Arrays.fill(dx, dxOff, dxOff + g.inputSize(), 0f);
        terms(g, (o, wi, xi) -> {
            float d = dy[dyOff + o];
            dw[wi] += d * x[xOff + xi];
            if (dx != null) dx[dxOff + xi] += d * w[wi];
        });
    }
}
