package org.convscope.engine.kernel;

import java.util.Arrays;

/**
 * The patch matrix of one group of a convolution (im2col) and its adjoint. Row r = (c·kH + ky)·kW + kx of
 * col[(C/G)·kH·kW][outH·outW] holds, at column oy·outW + ox, the input pixel
 * x[c0 + c][oy·sH − padTop + ky·dH][ox·sW − padLeft + kx·dW], or 0 where that lies in the padding; c0 is the group's
 * first channel. A group's output is then W_g[F/G][(C/G)·kH·kW] · col.
 */
final class Patches {
    private Patches() {}

    /** Rows [rowFrom, rowTo) of col (leading dimension outH·outW) ← the patches of group g of the image at x[xOff]. */
    static void unroll(ConvGeometry g, int group, float[] x, int xOff, float[] col, int rowFrom, int rowTo) {
        int positions = g.outH() * g.outW();
        int taps = g.taps();
        int c0 = group * g.groupChannels();
        for (int r = rowFrom; r < rowTo; r++) {
            int c = r / taps;
            int ky = r % taps / g.kernelW();
            int kx = r % g.kernelW();
            int plane = xOff + (c0 + c) * g.height() * g.width();
            copyRow(g, x, plane, ky, kx, col, r * positions);
        }
    }

    /** First output column whose input column ox·sW − padLeft + kx·dW is inside [0, W). */
    private static int firstColumn(ConvGeometry g, int kx) {
        return Math.max(0, Math.ceilDiv(g.padLeft() - kx * g.dilationW(), g.strideW()));
    }

    /** One past the last such output column. */
    private static int lastColumn(ConvGeometry g, int kx) {
        return Math.clamp(Math.ceilDiv(g.width() + g.padLeft() - kx * g.dilationW(), g.strideW()), 0, g.outW());
    }

    private static void copyRow(ConvGeometry g, float[] x, int plane, int ky, int kx, float[] col, int dst) {
        int outW = g.outW();
        int sw = g.strideW();
        int first = firstColumn(g, kx);
        int last = Math.max(first, lastColumn(g, kx));
        for (int oy = 0; oy < g.outH(); oy++, dst += outW) {
            int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
            if (iy < 0 || iy >= g.height() || first >= last) {
                Arrays.fill(col, dst, dst + outW, 0f);
                continue;
            }
            Arrays.fill(col, dst, dst + first, 0f);
            int src = plane + iy * g.width() - g.padLeft() + kx * g.dilationW();
            if (sw == 1) {
                System.arraycopy(x, src + first, col, dst + first, last - first);
            } else {
                for (int ox = first; ox < last; ox++) col[dst + ox] = x[src + ox * sw];
            }
            Arrays.fill(col, dst + last, dst + outW, 0f);
        }
    }

    /**
     * dx of group g's channels [cFrom, cTo) (relative to the group) of the image at dx[dxOff] += Σ over the patches of
     * dcol (leading dimension outH·outW): the adjoint of {@link #unroll}. Channels are disjoint in dx, so channel
     * ranges can be folded on different threads.
     */
    static void fold(ConvGeometry g, int group, float[] dcol, float[] dx, int dxOff, int cFrom, int cTo) {
        int positions = g.outH() * g.outW();
        int outW = g.outW();
        int sw = g.strideW();
        int c0 = group * g.groupChannels();
        for (int c = cFrom; c < cTo; c++) {
            int plane = dxOff + (c0 + c) * g.height() * g.width();
            for (int ky = 0; ky < g.kernelH(); ky++) {
                for (int kx = 0; kx < g.kernelW(); kx++) {
                    int first = firstColumn(g, kx);
                    int last = lastColumn(g, kx);
                    int src = ((c * g.kernelH() + ky) * g.kernelW() + kx) * positions;
                    for (int oy = 0; oy < g.outH(); oy++, src += outW) {
                        int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                        if (iy < 0 || iy >= g.height()) continue;
                        int dst = plane + iy * g.width() - g.padLeft() + kx * g.dilationW();
                        for (int ox = first; ox < last; ox++) dx[dst + ox * sw] += dcol[src + ox];
                    }
                }
            }
        }
    }
}
