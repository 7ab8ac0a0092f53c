package org.convscope.engine.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loop of {@link FilterLaneConv}, the filters in the vector lanes: a tile of {@value #POSITIONS}
 * consecutive positions × {@value #VECTORS} vectors of filters, its sums in registers while every tap and channel
 * streams past. Per step one input value per position is broadcast into the same filter vectors. Seven positions:
 * a row of a 7×7 output, half a row of 14×14 (7·2ᵏ is every output width of ResNet and MobileNet); 7 × 2 measured
 * faster here than 7 × 3, 6 × 4 or 4 × 4.
 */
final class FilterTiles {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Positions per tile. */
    static final int POSITIONS = 7;
    /** Vectors of filters per tile. */
    static final int VECTORS = 2;
    /** Filters per tile. */
    static final int WIDTH = VECTORS * L;

    private FilterTiles() {}

    /**
     * out[i·WIDTH + f] = Σ_{t < taps} Σ_{c < channels} w[wOff + (t·channels + c)·WIDTH + f] · x[xBase + tapBase[t] +
     * c·chStride + i], for positions i < POSITIONS and filters f < WIDTH.
     */
    static void tile(int taps, int[] tapBase, int channels, int chStride, float[] x, int xBase, float[] w, int wOff, float[] out) {
        FloatVector s00 = FloatVector.zero(S), s01 = s00, s10 = s00, s11 = s00, s20 = s00, s21 = s00, s30 = s00;
        FloatVector s31 = s00, s40 = s00, s41 = s00, s50 = s00, s51 = s00, s60 = s00, s61 = s00;
        int wi = wOff;
        for (int t = 0; t < taps; t++) {
            int xi = xBase + tapBase[t];
            for (int c = 0; c < channels; c++, xi += chStride, wi += WIDTH) {
                FloatVector w0 = FloatVector.fromArray(S, w, wi);
                FloatVector w1 = FloatVector.fromArray(S, w, wi + L);
                FloatVector v = FloatVector.broadcast(S, x[xi]);
                s00 = w0.fma(v, s00);
                s01 = w1.fma(v, s01);
                v = FloatVector.broadcast(S, x[xi + 1]);
                s10 = w0.fma(v, s10);
                s11 = w1.fma(v, s11);
                v = FloatVector.broadcast(S, x[xi + 2]);
                s20 = w0.fma(v, s20);
                s21 = w1.fma(v, s21);
                v = FloatVector.broadcast(S, x[xi + 3]);
                s30 = w0.fma(v, s30);
                s31 = w1.fma(v, s31);
                v = FloatVector.broadcast(S, x[xi + 4]);
                s40 = w0.fma(v, s40);
                s41 = w1.fma(v, s41);
                v = FloatVector.broadcast(S, x[xi + 5]);
                s50 = w0.fma(v, s50);
                s51 = w1.fma(v, s51);
                v = FloatVector.broadcast(S, x[xi + 6]);
                s60 = w0.fma(v, s60);
                s61 = w1.fma(v, s61);
            }
        }
        s00.intoArray(out, 0);
        s01.intoArray(out, L);
        s10.intoArray(out, WIDTH);
        s11.intoArray(out, WIDTH + L);
        s20.intoArray(out, 2 * WIDTH);
        s21.intoArray(out, 2 * WIDTH + L);
        s30.intoArray(out, 3 * WIDTH);
        s31.intoArray(out, 3 * WIDTH + L);
        s40.intoArray(out, 4 * WIDTH);
        s41.intoArray(out, 4 * WIDTH + L);
        s50.intoArray(out, 5 * WIDTH);
        s51.intoArray(out, 5 * WIDTH + L);
        s60.intoArray(out, 6 * WIDTH);
        s61.intoArray(out, 6 * WIDTH + L);
    }
}
