package org.convscope.engine.kernel;

import java.util.Arrays;

/**
 * The convolution of {@link ConvGeometry} by its definition, one output (or one gradient term) at a time in plain
 * loops: every geometry, no buffers, no threads. The oracle the fast plans are tested against, far too slow for
 * anything else.
 */
public final class ScalarConv {
    private ScalarConv() {}

    /** y[F][outH][outW] at yOff ← conv(x at xOff) + bias: see {@link ConvPlan#forward}. */
    public static void forward(ConvGeometry g, float[] w, float[] bias, float[] x, int xOff, float[] y, int yOff) {
        int outH = g.outH();
        int outW = g.outW();
        int cg = g.groupChannels();
        int fg = g.groupFilters();
        for (int f = 0; f < g.filters(); f++) {
            int c0 = f / fg * cg;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    double sum = bias[f];
                    for (int c = 0; c < cg; c++) {
                        for (int ky = 0; ky < g.kernelH(); ky++) {
                            int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                            if (iy < 0 || iy >= g.height()) continue;
                            for (int kx = 0; kx < g.kernelW(); kx++) {
                                int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                                if (ix < 0 || ix >= g.width()) continue;
                                sum += (double) w[((f * cg + c) * g.kernelH() + ky) * g.kernelW() + kx]
                                        * x[xOff + ((c0 + c) * g.height() + iy) * g.width() + ix];
                            }
                        }
                    }
                    y[yOff + (f * outH + oy) * outW + ox] = (float) sum;
                }
            }
        }
    }

    /** dw += dL/dw, db += dL/db, dx ← dL/dx unless dx is null: see {@link ConvPlan#backward}. */
    public static void backward(ConvGeometry g, float[] w, float[] x, int xOff, float[] dy, int dyOff,
                                float[] dw, float[] db, float[] dx, int dxOff) {
        int outH = g.outH();
        int outW = g.outW();
        int cg = g.groupChannels();
        int fg = g.groupFilters();
        if (dx != null) Arrays.fill(dx, dxOff, dxOff + g.inputSize(), 0f);
        for (int f = 0; f < g.filters(); f++) {
            int c0 = f / fg * cg;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    float d = dy[dyOff + (f * outH + oy) * outW + ox];
                    db[f] += d;
                    for (int c = 0; c < cg; c++) {
                        for (int ky = 0; ky < g.kernelH(); ky++) {
                            int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                            if (iy < 0 || iy >= g.height()) continue;
                            for (int kx = 0; kx < g.kernelW(); kx++) {
                                int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                                if (ix < 0 || ix >= g.width()) continue;
                                int wi = ((f * cg + c) * g.kernelH() + ky) * g.kernelW() + kx;
                                int xi = ((c0 + c) * g.height() + iy) * g.width() + ix;
                                dw[wi] += d * x[xOff + xi];
                                if (dx != null) dx[dxOff + xi] += d * w[wi];
                            }
                        }
                    }
                }
            }
        }
    }
}
