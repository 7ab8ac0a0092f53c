package org.convscope.engine.kernel;

/**
 * The patch matrix of one group of a convolution (im2col) for a range of output positions, and its adjoint. Patch
 * row r = (c·kH + ky)·kW + kx holds, at output position p = oy·outW + ox, the input pixel
 * x[c0 + c][oy·sH − padTop + ky·dH][ox·sW − padLeft + kx·dW], or 0 where that lies in the padding; c0 is the group's
 * first channel. Element (r, p) of positions [p0, p1) is stored at out[outOff + r·rowStride + (p − p0)·posStride]:
 * rowStride = p1 − p0 and posStride = 1 give col[K][n] (a group's output is then W_g · col), rowStride = 1 and
 * posStride = K give its transpose, one patch per row.
 */
final class Patches {
    private Patches() {}

    /** Rows [r0, r1), positions [p0, p1) of group gr's patches of the image at x[xOff], into out. */
    static void unroll(ConvGeometry g, int gr, float[] x, int xOff, float[] out, int outOff, int rowStride, int posStride,
                       int r0, int r1, int p0, int p1) {
        for (int r = r0; r < r1; r++) {
            int c = r / g.taps();
            int ky = r % g.taps() / g.kernelW();
            int kx = r % g.kernelW();
            int plane = xOff + (gr * g.groupChannels() + c) * g.height() * g.width();
            int first = firstColumn(g, kx);
            int last = Math.max(first, lastColumn(g, kx));
            int base = outOff + r * rowStride - p0 * posStride;
            for (int oy = p0 / g.outW(); oy * g.outW() < p1; oy++) {
                int a = Math.max(p0, oy * g.outW()) - oy * g.outW(); // this row's columns [a, b)
                int b = Math.min(p1, (oy + 1) * g.outW()) - oy * g.outW();
                int dst = base + oy * g.outW() * posStride;
                int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                int from = iy < 0 || iy >= g.height() ? b : Math.clamp(first, a, b);
                int to = iy < 0 || iy >= g.height() ? b : Math.clamp(last, from, b);
                for (int ox = a; ox < from; ox++) out[dst + ox * posStride] = 0f;
                int src = plane + iy * g.width() - g.padLeft() + kx * g.dilationW();
                if (posStride == 1 && g.strideW() == 1) {
                    if (to > from) System.arraycopy(x, src + from, out, dst + from, to - from);
                } else {
                    for (int ox = from; ox < to; ox++) out[dst + ox * posStride] = x[src + ox * g.strideW()];
                }
                for (int ox = to; ox < b; ox++) out[dst + ox * posStride] = 0f;
            }
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

    /**
     * dx of group gr's channels [c0, c1) (relative to the group) of the image at dx[dxOff] += Σ over positions
     * [p0, p1) of the patches in d (laid out as for {@link #unroll}): the adjoint of unroll. Channels are disjoint in
     * dx, so channel ranges can be folded on different threads. Runs that are contiguous on both sides are added
     * with k's axpy.
     */
    static void fold(ConvGeometry g, int gr, float[] d, int dOff, int rowStride, int posStride, float[] dx, int dxOff,
                     int c0, int c1, int p0, int p1, Kernels k) {
        for (int c = c0; c < c1; c++) {
            int plane = dxOff + (gr * g.groupChannels() + c) * g.height() * g.width();
            for (int t = 0; t < g.taps(); t++) {
                int ky = t / g.kernelW();
                int kx = t % g.kernelW();
                int first = firstColumn(g, kx);
                int last = lastColumn(g, kx);
                int base = dOff + (c * g.taps() + t) * rowStride - p0 * posStride;
                for (int oy = p0 / g.outW(); oy * g.outW() < p1; oy++) {
                    int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                    if (iy < 0 || iy >= g.height()) continue;
                    int from = Math.max(first, Math.max(p0, oy * g.outW()) - oy * g.outW());
                    int to = Math.min(last, Math.min(p1, (oy + 1) * g.outW()) - oy * g.outW());
                    int src = base + oy * g.outW() * posStride;
                    int dst = plane + iy * g.width() - g.padLeft() + kx * g.dilationW();
                    if (posStride == 1 && g.strideW() == 1) {
                        if (to > from) k.axpy(1f, d, src + from, dx, dst + from, to - from);
                    } else {
                        for (int ox = from; ox < to; ox++) dx[dst + ox * g.strideW()] += d[src + ox * posStride];
                    }
                }
            }
        }
    }
}
