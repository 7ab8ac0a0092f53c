package org.convscope.engine.layer;

import java.util.Arrays;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.Window;

/**
 * Unrolling of convolution patches into the columns of a matrix col[K][ld], K = channels·kH·kW, one image's block of
 * columns at a time: row r = (c·kH + ky)·kW + kx holds, for every output position (oy, ox), the input pixel
 * x[first + c][oy·S_h − P_top + ky·D_h][ox·S_w − P_left + kx·D_w], or 0 in the zero padding. {@code first} and
 * {@code channels} select one group's channels. (Stride-1 convolutions without groups or dilation need no unrolling:
 * see {@link DirectConv}.)
 */
final class Im2Col {
    private Im2Col() {}

    /** col[K][ld] at column colOff ← the patches of channels [first, first + channels) of x[C][H][W] at x[xOff]. */
    static void unroll(float[] x, int xOff, Dims in, int first, int channels, Window w, Dims out, float[] col,
                       int colOff, int ld) {
        int row = 0;
        for (int c = first; c < first + channels; c++) {
            int plane = xOff + c * in.height() * in.width();
            for (int ky = 0; ky < w.kernelH(); ky++) {
                for (int kx = 0; kx < w.kernelW(); kx++, row++) {
                    copyRow(x, plane, in, w, out, ky, kx, col, colOff + row * ld);
                }
            }
        }
    }

    /** First output column whose input column ox·S − P + kx·D is ≥ 0. */
    private static int firstColumn(Window w, int kx) {
        return Math.max(0, Math.ceilDiv(w.padLeft() - kx * w.dilationW(), w.strideW()));
    }

    /** One past the last output column whose input column is < W. */
    private static int endColumn(Window w, int kx, Dims in, Dims out) {
        return Math.max(0, Math.min(out.width(), Math.ceilDiv(in.width() + w.padLeft() - kx * w.dilationW(), w.strideW())));
    }

    private static void copyRow(float[] x, int plane, Dims in, Window w, Dims out, int ky, int kx, float[] col, int dst) {
        int stride = w.strideW();
        int outW = out.width();
        int first = firstColumn(w, kx);
        int last = endColumn(w, kx, in, out);
        for (int oy = 0; oy < out.height(); oy++, dst += outW) {
            int iy = oy * w.strideH() - w.padTop() + ky * w.dilationH();
            if (iy < 0 || iy >= in.height() || first >= last) {
                Arrays.fill(col, dst, dst + outW, 0f);
                continue;
            }
            if (first > 0) Arrays.fill(col, dst, dst + first, 0f);
            int src = plane + iy * in.width() - w.padLeft() + kx * w.dilationW();
            if (stride == 1) {
                System.arraycopy(x, src + first, col, dst + first, last - first);
            } else {
                for (int ox = first; ox < last; ox++) col[dst + ox] = x[src + ox * stride];
            }
            if (last < outW) Arrays.fill(col, dst + last, dst + outW, 0f);
        }
    }

    /** dx[C][H][W] at dx[dxOff] += Σ over the patches of dcol[K][ld] at column colOff (adjoint of {@link #unroll}). */
    static void fold(float[] dcol, int colOff, int ld, Dims in, int first, int channels, Window w, Dims out, float[] dx,
                     int dxOff) {
        int stride = w.strideW();
        int outW = out.width();
        int row = 0;
        for (int c = first; c < first + channels; c++) {
            int plane = dxOff + c * in.height() * in.width();
            for (int ky = 0; ky < w.kernelH(); ky++) {
                for (int kx = 0; kx < w.kernelW(); kx++, row++) {
                    int lo = firstColumn(w, kx);
                    int hi = endColumn(w, kx, in, out);
                    int src = colOff + row * ld;
                    for (int oy = 0; oy < out.height(); oy++, src += outW) {
                        int iy = oy * w.strideH() - w.padTop() + ky * w.dilationH();
                        if (iy < 0 || iy >= in.height()) continue;
                        int dst = plane + iy * in.width() - w.padLeft() + kx * w.dilationW();
                        for (int ox = lo; ox < hi; ox++) dx[dst + ox * stride] += dcol[src + ox];
                    }
                }
            }
        }
    }
}
