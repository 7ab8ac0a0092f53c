package org.convscope.engine.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner loop of the wide-grid convolution ({@link WideConv}): a tile of {@value #ROWS} filters ×
 * {@value #VECTORS} vectors of consecutive positions, its {@value #ROWS}·{@value #VECTORS} sums kept in registers
 * while every tap and channel streams past. Per step one broadcast weight per filter meets the same position vectors.
 * Bigger tiles (12 filters × 2, 8 × 3) measured slower here: the JIT then spills sums to the stack. Two loop shapes:
 * taps × channels ({@link #tile}) and a table of (tap, channel) offsets ({@link #tileTable}) for few channels.
 */
final class ConvTiles {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Filters per tile. */
    static final int ROWS = 8;
    /** Vectors of positions per tile. */
    static final int VECTORS = 2;
    /** Positions per tile. */
    static final int WIDTH = VECTORS * L;

    private ConvTiles() {}

    /**
     * out[outOff + r·ldo + j] = bias[biasOff + r] + Σ_{t < taps} Σ_{c < channels} w[wOff + (t·channels + c)·ROWS + r]
     * · x[xBase + tapBase[t] + c·chStride + j], for r < ROWS and j < WIDTH. The channel loop is innermost, so its
     * reads of x and w advance by fixed steps.
     */
    static void tile(int taps, int[] tapBase, int channels, int chStride, float[] x, int xBase,
                     float[] w, int wOff, float[] bias, int biasOff, float[] out, int outOff, int ldo) {
        FloatVector s00 = FloatVector.broadcast(S, bias[biasOff]), s01 = s00;
        FloatVector s10 = FloatVector.broadcast(S, bias[biasOff + 1]), s11 = s10;
        FloatVector s20 = FloatVector.broadcast(S, bias[biasOff + 2]), s21 = s20;
        FloatVector s30 = FloatVector.broadcast(S, bias[biasOff + 3]), s31 = s30;
        FloatVector s40 = FloatVector.broadcast(S, bias[biasOff + 4]), s41 = s40;
        FloatVector s50 = FloatVector.broadcast(S, bias[biasOff + 5]), s51 = s50;
        FloatVector s60 = FloatVector.broadcast(S, bias[biasOff + 6]), s61 = s60;
        FloatVector s70 = FloatVector.broadcast(S, bias[biasOff + 7]), s71 = s70;
        int wi = wOff;
        for (int t = 0; t < taps; t++) {
            int xi = xBase + tapBase[t];
            for (int c = 0; c < channels; c++, xi += chStride, wi += ROWS) {
                FloatVector x0 = FloatVector.fromArray(S, x, xi);
                FloatVector x1 = FloatVector.fromArray(S, x, xi + L);
                FloatVector v = FloatVector.broadcast(S, w[wi]);
                s00 = x0.fma(v, s00);
                s01 = x1.fma(v, s01);
                v = FloatVector.broadcast(S, w[wi + 1]);
                s10 = x0.fma(v, s10);
                s11 = x1.fma(v, s11);
                v = FloatVector.broadcast(S, w[wi + 2]);
                s20 = x0.fma(v, s20);
                s21 = x1.fma(v, s21);
                v = FloatVector.broadcast(S, w[wi + 3]);
                s30 = x0.fma(v, s30);
                s31 = x1.fma(v, s31);
                v = FloatVector.broadcast(S, w[wi + 4]);
                s40 = x0.fma(v, s40);
                s41 = x1.fma(v, s41);
                v = FloatVector.broadcast(S, w[wi + 5]);
                s50 = x0.fma(v, s50);
                s51 = x1.fma(v, s51);
                v = FloatVector.broadcast(S, w[wi + 6]);
                s60 = x0.fma(v, s60);
                s61 = x1.fma(v, s61);
                v = FloatVector.broadcast(S, w[wi + 7]);
                s70 = x0.fma(v, s70);
                s71 = x1.fma(v, s71);
            }
        }
        s00.intoArray(out, outOff);
        s01.intoArray(out, outOff + L);
        s10.intoArray(out, outOff + ldo);
        s11.intoArray(out, outOff + ldo + L);
        s20.intoArray(out, outOff + 2 * ldo);
        s21.intoArray(out, outOff + 2 * ldo + L);
        s30.intoArray(out, outOff + 3 * ldo);
        s31.intoArray(out, outOff + 3 * ldo + L);
        s40.intoArray(out, outOff + 4 * ldo);
        s41.intoArray(out, outOff + 4 * ldo + L);
        s50.intoArray(out, outOff + 5 * ldo);
        s51.intoArray(out, outOff + 5 * ldo + L);
        s60.intoArray(out, outOff + 6 * ldo);
        s61.intoArray(out, outOff + 6 * ldo + L);
        s70.intoArray(out, outOff + 7 * ldo);
        s71.intoArray(out, outOff + 7 * ldo + L);
    }
    /**
     * {@link #tile} over a table instead of taps × channels: out[outOff + r·ldo + j] = bias[biasOff + r] +
     * Σ_{k < terms} w[wOff + k·ROWS + r] · x[xBase + table[k] + j]. For few channels, where the channel loop of
     * {@link #tile} is too short to pay for itself.
     */
    static void tileTable(int terms, int[] table, float[] x, int xBase,
                          float[] w, int wOff, float[] bias, int biasOff, float[] out, int outOff, int ldo) {
        FloatVector s00 = FloatVector.broadcast(S, bias[biasOff]), s01 = s00;
        FloatVector s10 = FloatVector.broadcast(S, bias[biasOff + 1]), s11 = s10;
        FloatVector s20 = FloatVector.broadcast(S, bias[biasOff + 2]), s21 = s20;
        FloatVector s30 = FloatVector.broadcast(S, bias[biasOff + 3]), s31 = s30;
        FloatVector s40 = FloatVector.broadcast(S, bias[biasOff + 4]), s41 = s40;
        FloatVector s50 = FloatVector.broadcast(S, bias[biasOff + 5]), s51 = s50;
        FloatVector s60 = FloatVector.broadcast(S, bias[biasOff + 6]), s61 = s60;
        FloatVector s70 = FloatVector.broadcast(S, bias[biasOff + 7]), s71 = s70;
        int wi = wOff;
        for (int k = 0; k < terms; k++, wi += ROWS) {
            int xi = xBase + table[k];
            FloatVector x0 = FloatVector.fromArray(S, x, xi);
            FloatVector x1 = FloatVector.fromArray(S, x, xi + L);
            FloatVector v = FloatVector.broadcast(S, w[wi]);
            s00 = x0.fma(v, s00);
            s01 = x1.fma(v, s01);
            v = FloatVector.broadcast(S, w[wi + 1]);
            s10 = x0.fma(v, s10);
            s11 = x1.fma(v, s11);
            v = FloatVector.broadcast(S, w[wi + 2]);
            s20 = x0.fma(v, s20);
            s21 = x1.fma(v, s21);
            v = FloatVector.broadcast(S, w[wi + 3]);
            s30 = x0.fma(v, s30);
            s31 = x1.fma(v, s31);
            v = FloatVector.broadcast(S, w[wi + 4]);
            s40 = x0.fma(v, s40);
            s41 = x1.fma(v, s41);
            v = FloatVector.broadcast(S, w[wi + 5]);
            s50 = x0.fma(v, s50);
            s51 = x1.fma(v, s51);
            v = FloatVector.broadcast(S, w[wi + 6]);
            s60 = x0.fma(v, s60);
            s61 = x1.fma(v, s61);
            v = FloatVector.broadcast(S, w[wi + 7]);
            s70 = x0.fma(v, s70);
            s71 = x1.fma(v, s71);
        }
        s00.intoArray(out, outOff);
        s01.intoArray(out, outOff + L);
        s10.intoArray(out, outOff + ldo);
        s11.intoArray(out, outOff + ldo + L);
        s20.intoArray(out, outOff + 2 * ldo);
        s21.intoArray(out, outOff + 2 * ldo + L);
        s30.intoArray(out, outOff + 3 * ldo);
        s31.intoArray(out, outOff + 3 * ldo + L);
        s40.intoArray(out, outOff + 4 * ldo);
        s41.intoArray(out, outOff + 4 * ldo + L);
        s50.intoArray(out, outOff + 5 * ldo);
        s51.intoArray(out, outOff + 5 * ldo + L);
        s60.intoArray(out, outOff + 6 * ldo);
        s61.intoArray(out, outOff + 6 * ldo + L);
        s70.intoArray(out, outOff + 7 * ldo);
        s71.intoArray(out, outOff + 7 * ldo + L);
    }
}
