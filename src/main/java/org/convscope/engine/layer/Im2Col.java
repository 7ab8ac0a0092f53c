package org.convscope.engine.layer;

import java.util.Arrays;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.ConvSpec;

/**
 * Unrolling of convolution patches into the columns of a matrix col[K][ld], K = C·kH·kW, one image's block of
 * columns at a time. In the plain layout ({@link #unroll}), row r = (c·kH + ky)·kW + kx holds, for every output
 * position (oy, ox), the input pixel x[c][oy·S − P + ky][ox·S − P + kx], or 0 in the zero padding. (Stride 1 needs no
 * unrolling: see {@link DirectConv}.)
 */
final class Im2Col {
    private Im2Col() {}

    /** col[K][ld] at column colOff ← the patches of x[C][H][W] at x[xOff], plain layout. */
    static void unroll(float[] x, int xOff, Dims in, ConvSpec spec, Dims out, float[] col, int colOff, int ld) {
        int row = 0;
        for (int c = 0; c < in.channels(); c++) {
            int plane = xOff + c * in.height() * in.width();
            for (int ky = 0; ky < spec.kernelHeight(); ky++) {
                for (int kx = 0; kx < spec.kernelWidth(); kx++, row++) {
                    copyRow(x, plane, in, spec, out, ky, kx, col, colOff + row * ld);
                }
            }
        }
    }

    private static void copyRow(float[] x, int plane, Dims in, ConvSpec spec, Dims out, int ky, int kx,
                                float[] col, int dst) {
        int stride = spec.stride();
        int pad = spec.padding();
        int outW = out.width();
        // Output columns whose input column ox·S − P + kx lies inside [0, W).
        int first = Math.max(0, Math.ceilDiv(pad - kx, stride));
        int last = Math.min(outW, Math.ceilDiv(in.width() + pad - kx, stride)); // exclusive
        for (int oy = 0; oy < out.height(); oy++, dst += outW) {
            int iy = oy * stride - pad + ky;
            if (iy < 0 || iy >= in.height() || first >= last) {
                Arrays.fill(col, dst, dst + outW, 0f);
                continue;
            }
            if (first > 0) Arrays.fill(col, dst, dst + first, 0f);
            int src = plane + iy * in.width() - pad + kx;
            for (int ox = first; ox < last; ox++) col[dst + ox] = x[src + ox * stride];
            if (last < outW) Arrays.fill(col, dst + last, dst + outW, 0f);
        }
    }

    /** dx[C][H][W] at dx[dxOff] += Σ over the patches of dcol[K][ld] at column colOff (adjoint of {@link #unroll}). */
    static void fold(float[] dcol, int colOff, int ld, Dims in, ConvSpec spec, Dims out, float[] dx, int dxOff) {
        int stride = spec.stride();
        int pad = spec.padding();
        int outW = out.width();
        int row = 0;
        for (int c = 0; c < in.channels(); c++) {
            int plane = dxOff + c * in.height() * in.width();
            for (int ky = 0; ky < spec.kernelHeight(); ky++) {
                for (int kx = 0; kx < spec.kernelWidth(); kx++, row++) {
                    int first = Math.max(0, Math.ceilDiv(pad - kx, stride));
                    int last = Math.min(outW, Math.ceilDiv(in.width() + pad - kx, stride));
                    int src = colOff + row * ld;
                    for (int oy = 0; oy < out.height(); oy++, src += outW) {
                        int iy = oy * stride - pad + ky;
                        if (iy < 0 || iy >= in.height()) continue;
                        int dst = plane + iy * in.width() - pad + kx;
                        for (int ox = first; ox < last; ox++) dx[dst + ox * stride] += dcol[src + ox];
                    }
                }
            }
        }
    }
}
