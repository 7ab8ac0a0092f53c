package org.convscope.engine.layer;

import java.util.Arrays;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.ConvSpec;

/**
 * Unrolling of convolution patches. Row r = (c·kH + ky)·kW + kx of col holds, for every image i and output
 * position (oy, ox), the input pixel x[i][c][oy·S − P + ky][ox·S − P + kx], or 0 in the zero padding.
 */
final class Im2Col {
    private Im2Col() {}

    /** col[K][n·P] ← patches of x[n][C][H][W]. */
    static void unroll(float[] x, int n, Dims in, ConvSpec spec, Dims out, float[] col) {
        int columns = n * out.height() * out.width();
        int row = 0;
        for (int c = 0; c < in.channels(); c++) {
            for (int ky = 0; ky < spec.kernelHeight(); ky++) {
                for (int kx = 0; kx < spec.kernelWidth(); kx++, row++) {
                    int base = row * columns;
                    for (int i = 0; i < n; i++) {
                        int plane = (i * in.channels() + c) * in.height() * in.width();
                        copyRow(x, plane, in, spec, out, ky, kx, col, base + i * out.height() * out.width());
                    }
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
            if (stride == 1) {
                System.arraycopy(x, src + first, col, dst + first, last - first);
            } else {
                for (int ox = first; ox < last; ox++) col[dst + ox] = x[src + ox * stride];
            }
            if (last < outW) Arrays.fill(col, dst + last, dst + outW, 0f);
        }
    }

    /** dx[n][C][H][W] ← Σ over patches of dcol[K][n·P] (the adjoint of {@link #unroll}); dx is overwritten. */
    static void fold(float[] dcol, int n, Dims in, ConvSpec spec, Dims out, float[] dx) {
        Arrays.fill(dx, 0, n * in.size(), 0f);
        int columns = n * out.height() * out.width();
        int stride = spec.stride();
        int pad = spec.padding();
        int outW = out.width();
        int row = 0;
        for (int c = 0; c < in.channels(); c++) {
            for (int ky = 0; ky < spec.kernelHeight(); ky++) {
                for (int kx = 0; kx < spec.kernelWidth(); kx++, row++) {
                    int first = Math.max(0, Math.ceilDiv(pad - kx, stride));
                    int last = Math.min(outW, Math.ceilDiv(in.width() + pad - kx, stride));
                    for (int i = 0; i < n; i++) {
                        int plane = (i * in.channels() + c) * in.height() * in.width();
                        int src = row * columns + i * out.height() * outW;
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
}
