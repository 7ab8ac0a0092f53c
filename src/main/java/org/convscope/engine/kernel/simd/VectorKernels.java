package org.convscope.engine.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import org.convscope.engine.kernel.Kernels;

/**
 * The kernels on the JDK Vector API with the preferred species (run with {@code -XX:MaxVectorSize=16|32} to test
 * the 128- and 256-bit shapes). Loops run to {@code loopBound}, accumulate with {@code fma}, reduce once after the
 * loop and finish the tail in scalar code, or, in the matrix products, with one masked step. Matrix products are
 * register-blocked (see {@link #broadcastProduct} and {@link #gemmNT}).
 */
public final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    // Lane indices for two-vector selects: even and odd lanes of a pair of vectors, and their interleaving.
    private static final FloatVector EVEN = indices(2, 0);
    private static final FloatVector ODD = indices(2, 1);
    private static final FloatVector INTERLEAVE_LOW = interleave(0);
    private static final FloatVector INTERLEAVE_HIGH = interleave(L / 2);

    // Lane swaps l ↔ l ^ h for the pairwise sum of a vector's lanes (see sumLanes); the identity where h ≥ L.
    private static final VectorShuffle<Float> SWAP1 = swap(1);
    private static final VectorShuffle<Float> SWAP2 = swap(2);
    private static final VectorShuffle<Float> SWAP4 = swap(4);
    private static final VectorShuffle<Float> SWAP8 = swap(8);

    public static final VectorKernels INSTANCE = new VectorKernels();

    private VectorKernels() {}

    /** Lanes start + step·l for l < L. */
    private static FloatVector indices(int step, int start) {
        float[] v = new float[L];
        for (int l = 0; l < L; l++) v[l] = start + step * l;
        return FloatVector.fromArray(S, v, 0);
    }

    /** Lanes first, L + first, first + 1, L + first + 1, …: lanes first.. of two vectors, interleaved. */
    private static FloatVector interleave(int first) {
        float[] v = new float[L];
        for (int l = 0; l < L; l++) v[l] = first + l / 2 + (l % 2) * L;
        return FloatVector.fromArray(S, v, 0);
    }

    private static VectorShuffle<Float> swap(int h) {
        return VectorShuffle.fromOp(S, l -> h < L ? l ^ h : l);
    }

    /**
     * The sum of v's lanes as a fixed tree: lanes l and l ^ h are added for h = L/2, …, 2, 1. Lane-wise additions in
     * a fixed order give the same float whether the code runs compiled or not, unlike {@code reduceLanes}, whose
     * association may change once compiled; training stays reproducible.
     */
    private static float sumLanes(FloatVector v) {
        if (L > 8) v = v.add(v.rearrange(SWAP8));
        if (L > 4) v = v.add(v.rearrange(SWAP4));
        v = v.add(v.rearrange(SWAP2));
        v = v.add(v.rearrange(SWAP1));
        return v.lane(0);
    }

    /** Whether the vector path is worth using here: at least 4 float lanes, at most {@link Kernels#LANES}. */
    public static boolean supported() {
        return L >= 4 && L <= LANES;
    }

    /** Width of the species in use: 512 on AVX-512, less when the JVM limits it with -XX:MaxVectorSize. */
    public static int bitSize() {
        return S.vectorBitSize();
    }

    @Override
    public String name() {
        return "vector " + S.vectorBitSize() + "-bit";
    }

    @Override
    public void gemmNN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        broadcastProduct(m, n, k, a, aOff, lda, 1, b, bOff, strided(k, ldb), c, cOff, ldc);
    }

    @Override
    public void gemmTN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        broadcastProduct(m, n, k, a, aOff, 1, lda, b, bOff, strided(k, ldb), c, cOff, ldc);
    }

    @Override
    public void gemmGather(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int[] bRows, float[] c, int cOff, int ldc) {
        broadcastProduct(m, n, k, a, aOff, lda, 1, b, bOff, bRows, c, cOff, ldc);
    }

    /** Offsets of the rows of a plain matrix: p·ld for p < k. */
    private static int[] strided(int k, int ld) {
        int[] rows = new int[k];
        for (int p = 0; p < k; p++) rows[p] = p * ld;
        return rows;
    }

    /**
     * C[M×N] += A·B where A(i, p) = a[aOff + i·rowStride + p·colStride] and row p of B starts at b[bOff + bRows[p]]:
     * each A element is broadcast and multiplied into a row of B, so NN, TN and gathered products are this one loop
     * nest. Blocks of 6 rows × 2 vectors of C stay in registers while the shared dimension streams past. The block's
     * 6 rows of A are first copied into a panel, column by column, so that the loop reads them from consecutive
     * floats with one bounds check. Column blocks are read and written without a mask, but for the last one, which
     * is done one masked vector at a time. Rows
     * past M repeat the last row: every block loads C before it stores, so a repeated row stores the same sums twice
     * to one place.
     */
    private static void broadcastProduct(int m, int n, int k, float[] a, int aOff, int rowStride, int colStride,
                                         float[] b, int bOff, int[] bRows, float[] c, int cOff, int ldc) {
        float[] panel = new float[6 * k]; // [K][6]: A(i + r, p) at panel[6p + r]
        int last = m - 1;
        int full = n - n % (2 * L);
        for (int i = 0; i < m; i += 6) {
            for (int r = 0; r < 6; r++) {
                int row = aOff + Math.min(i + r, last) * rowStride;
                for (int p = 0; p < k; p++) panel[6 * p + r] = a[row + p * colStride];
            }
            int c0 = cOff + i * ldc, c1 = cOff + Math.min(i + 1, last) * ldc, c2 = cOff + Math.min(i + 2, last) * ldc;
            int c3 = cOff + Math.min(i + 3, last) * ldc, c4 = cOff + Math.min(i + 4, last) * ldc, c5 = cOff + Math.min(i + 5, last) * ldc;
            for (int j = 0; j < full; j += 2 * L) block6x2(k, panel, b, bOff + j, bRows, c, c0 + j, c1 + j, c2 + j, c3 + j, c4 + j, c5 + j);
            for (int j = full; j < n; j += L) {
                block6x1Masked(k, panel, b, bOff + j, bRows, c, c0 + j, c1 + j, c2 + j, c3 + j, c4 + j, c5 + j, S.indexInRange(j, n));
            }
        }
    }

    private static void block6x2(int k, float[] panel, float[] b, int bCol, int[] bRows, float[] c,
                                 int c0, int c1, int c2, int c3, int c4, int c5) {
        FloatVector s00 = FloatVector.fromArray(S, c, c0), s01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector s10 = FloatVector.fromArray(S, c, c1), s11 = FloatVector.fromArray(S, c, c1 + L);
        FloatVector s20 = FloatVector.fromArray(S, c, c2), s21 = FloatVector.fromArray(S, c, c2 + L);
        FloatVector s30 = FloatVector.fromArray(S, c, c3), s31 = FloatVector.fromArray(S, c, c3 + L);
        FloatVector s40 = FloatVector.fromArray(S, c, c4), s41 = FloatVector.fromArray(S, c, c4 + L);
        FloatVector s50 = FloatVector.fromArray(S, c, c5), s51 = FloatVector.fromArray(S, c, c5 + L);
        for (int p = 0, ap = 0; p < k; p++, ap += 6) {
            int bi = bCol + bRows[p];
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector v;
                    v = FloatVector.broadcast(S, panel[ap]);
                    s00 = b0.fma(v, s00);
                    s01 = b1.fma(v, s01);
                    v = FloatVector.broadcast(S, panel[ap + 1]);
                    s10 = b0.fma(v, s10);
                    s11 = b1.fma(v, s11);
                    v = FloatVector.broadcast(S, panel[ap + 2]);
                    s20 = b0.fma(v, s20);
                    s21 = b1.fma(v, s21);
                    v = FloatVector.broadcast(S, panel[ap + 3]);
                    s30 = b0.fma(v, s30);
                    s31 = b1.fma(v, s31);
                    v = FloatVector.broadcast(S, panel[ap + 4]);
                    s40 = b0.fma(v, s40);
                    s41 = b1.fma(v, s41);
                    v = FloatVector.broadcast(S, panel[ap + 5]);
                    s50 = b0.fma(v, s50);
                    s51 = b1.fma(v, s51);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + L);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + L);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + L);
        s40.intoArray(c, c4);
        s41.intoArray(c, c4 + L);
        s50.intoArray(c, c5);
        s51.intoArray(c, c5 + L);
    }

    /**
     * One vector of the last, partial column block, under a mask. Only 6 sums: a method with many vector values
     * defeats the JIT's first tier, and the method then may never reach the second.
     */
    private static void block6x1Masked(int k, float[] panel, float[] b, int bCol, int[] bRows, float[] c,
                                       int c0, int c1, int c2, int c3, int c4, int c5, VectorMask<Float> mask) {
        FloatVector s0 = FloatVector.fromArray(S, c, c0, mask);
        FloatVector s1 = FloatVector.fromArray(S, c, c1, mask);
        FloatVector s2 = FloatVector.fromArray(S, c, c2, mask);
        FloatVector s3 = FloatVector.fromArray(S, c, c3, mask);
        FloatVector s4 = FloatVector.fromArray(S, c, c4, mask);
        FloatVector s5 = FloatVector.fromArray(S, c, c5, mask);
        for (int p = 0, ap = 0; p < k; p++, ap += 6) {
            FloatVector b0 = FloatVector.fromArray(S, b, bCol + bRows[p], mask);
            s0 = FloatVector.broadcast(S, panel[ap]).fma(b0, s0);
            s1 = FloatVector.broadcast(S, panel[ap + 1]).fma(b0, s1);
            s2 = FloatVector.broadcast(S, panel[ap + 2]).fma(b0, s2);
            s3 = FloatVector.broadcast(S, panel[ap + 3]).fma(b0, s3);
            s4 = FloatVector.broadcast(S, panel[ap + 4]).fma(b0, s4);
            s5 = FloatVector.broadcast(S, panel[ap + 5]).fma(b0, s5);
        }
        s0.intoArray(c, c0, mask);
        s1.intoArray(c, c1, mask);
        s2.intoArray(c, c2, mask);
        s3.intoArray(c, c3, mask);
        s4.intoArray(c, c4, mask);
        s5.intoArray(c, c5, mask);
    }

    /**
     * Rows in blocks of 12, the rest in one block of 10 or 8 where it has that many, then blocks of 4 (the last one
     * repeating its last row where fewer are left: it loads C before it stores, so a repeated row stores the same
     * sums twice) × one vector of columns. Per tap, one row of B is loaded and each row's A value is broadcast into
     * it: the rows' values come from consecutive floats of a, so one bounds check covers a block. Full column vectors
     * are read and written without a mask.
     */
    @Override
    public void gemmShifted(int m, int n, int k, float[] a, int aOff, int[] aCols, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        for (int j = 0; j < n; j += L) {
            VectorMask<Float> mask = S.indexInRange(j, n);
            int i = 0;
            if (j + L <= n) {
                for (; i + 12 <= m; i += 12) shifted12(k, a, aOff + i, aCols, b, bOff + j, ldb, c, cOff + i * ldc + j, ldc);
                if (i + 10 <= m) {
                    shifted10(k, a, aOff + i, aCols, b, bOff + j, ldb, c, cOff + i * ldc + j, ldc);
                    i += 10;
                } else if (i + 8 <= m) {
                    shifted8(k, a, aOff + i, aCols, b, bOff + j, ldb, c, cOff + i * ldc + j, ldc);
                    i += 8;
                }
            }
            for (; i < m; i += 4) {
                int last = Math.min(3, m - 1 - i);
                shifted4(k, a, aOff + i, aCols, b, bOff + j, ldb, c, cOff + i * ldc + j, ldc, Math.min(1, last),
                        Math.min(2, last), last, mask);
            }
        }
    }

    private static void shifted12(int k, float[] a, int aRow, int[] aCols, float[] b, int bCol, int ldb, float[] c, int cAt, int ldc) {
        FloatVector s0 = FloatVector.fromArray(S, c, cAt);
        FloatVector s1 = FloatVector.fromArray(S, c, cAt + 1 * ldc);
        FloatVector s2 = FloatVector.fromArray(S, c, cAt + 2 * ldc);
        FloatVector s3 = FloatVector.fromArray(S, c, cAt + 3 * ldc);
        FloatVector s4 = FloatVector.fromArray(S, c, cAt + 4 * ldc);
        FloatVector s5 = FloatVector.fromArray(S, c, cAt + 5 * ldc);
        FloatVector s6 = FloatVector.fromArray(S, c, cAt + 6 * ldc);
        FloatVector s7 = FloatVector.fromArray(S, c, cAt + 7 * ldc);
        FloatVector s8 = FloatVector.fromArray(S, c, cAt + 8 * ldc);
        FloatVector s9 = FloatVector.fromArray(S, c, cAt + 9 * ldc);
        FloatVector s10 = FloatVector.fromArray(S, c, cAt + 10 * ldc);
        FloatVector s11 = FloatVector.fromArray(S, c, cAt + 11 * ldc);
        for (int p = 0, bi = bCol; p < k; p++, bi += ldb) {
            FloatVector w = FloatVector.fromArray(S, b, bi);
            int ai = aRow + aCols[p];
            s0 = FloatVector.broadcast(S, a[ai]).fma(w, s0);
            s1 = FloatVector.broadcast(S, a[ai + 1]).fma(w, s1);
            s2 = FloatVector.broadcast(S, a[ai + 2]).fma(w, s2);
            s3 = FloatVector.broadcast(S, a[ai + 3]).fma(w, s3);
            s4 = FloatVector.broadcast(S, a[ai + 4]).fma(w, s4);
            s5 = FloatVector.broadcast(S, a[ai + 5]).fma(w, s5);
            s6 = FloatVector.broadcast(S, a[ai + 6]).fma(w, s6);
            s7 = FloatVector.broadcast(S, a[ai + 7]).fma(w, s7);
            s8 = FloatVector.broadcast(S, a[ai + 8]).fma(w, s8);
            s9 = FloatVector.broadcast(S, a[ai + 9]).fma(w, s9);
            s10 = FloatVector.broadcast(S, a[ai + 10]).fma(w, s10);
            s11 = FloatVector.broadcast(S, a[ai + 11]).fma(w, s11);
        }
        s0.intoArray(c, cAt);
        s1.intoArray(c, cAt + 1 * ldc);
        s2.intoArray(c, cAt + 2 * ldc);
        s3.intoArray(c, cAt + 3 * ldc);
        s4.intoArray(c, cAt + 4 * ldc);
        s5.intoArray(c, cAt + 5 * ldc);
        s6.intoArray(c, cAt + 6 * ldc);
        s7.intoArray(c, cAt + 7 * ldc);
        s8.intoArray(c, cAt + 8 * ldc);
        s9.intoArray(c, cAt + 9 * ldc);
        s10.intoArray(c, cAt + 10 * ldc);
        s11.intoArray(c, cAt + 11 * ldc);
    }

    private static void shifted10(int k, float[] a, int aRow, int[] aCols, float[] b, int bCol, int ldb, float[] c, int cAt, int ldc) {
        FloatVector s0 = FloatVector.fromArray(S, c, cAt);
        FloatVector s1 = FloatVector.fromArray(S, c, cAt + 1 * ldc);
        FloatVector s2 = FloatVector.fromArray(S, c, cAt + 2 * ldc);
        FloatVector s3 = FloatVector.fromArray(S, c, cAt + 3 * ldc);
        FloatVector s4 = FloatVector.fromArray(S, c, cAt + 4 * ldc);
        FloatVector s5 = FloatVector.fromArray(S, c, cAt + 5 * ldc);
        FloatVector s6 = FloatVector.fromArray(S, c, cAt + 6 * ldc);
        FloatVector s7 = FloatVector.fromArray(S, c, cAt + 7 * ldc);
        FloatVector s8 = FloatVector.fromArray(S, c, cAt + 8 * ldc);
        FloatVector s9 = FloatVector.fromArray(S, c, cAt + 9 * ldc);
        for (int p = 0, bi = bCol; p < k; p++, bi += ldb) {
            FloatVector w = FloatVector.fromArray(S, b, bi);
            int ai = aRow + aCols[p];
            s0 = FloatVector.broadcast(S, a[ai]).fma(w, s0);
            s1 = FloatVector.broadcast(S, a[ai + 1]).fma(w, s1);
            s2 = FloatVector.broadcast(S, a[ai + 2]).fma(w, s2);
            s3 = FloatVector.broadcast(S, a[ai + 3]).fma(w, s3);
            s4 = FloatVector.broadcast(S, a[ai + 4]).fma(w, s4);
            s5 = FloatVector.broadcast(S, a[ai + 5]).fma(w, s5);
            s6 = FloatVector.broadcast(S, a[ai + 6]).fma(w, s6);
            s7 = FloatVector.broadcast(S, a[ai + 7]).fma(w, s7);
            s8 = FloatVector.broadcast(S, a[ai + 8]).fma(w, s8);
            s9 = FloatVector.broadcast(S, a[ai + 9]).fma(w, s9);
        }
        s0.intoArray(c, cAt);
        s1.intoArray(c, cAt + 1 * ldc);
        s2.intoArray(c, cAt + 2 * ldc);
        s3.intoArray(c, cAt + 3 * ldc);
        s4.intoArray(c, cAt + 4 * ldc);
        s5.intoArray(c, cAt + 5 * ldc);
        s6.intoArray(c, cAt + 6 * ldc);
        s7.intoArray(c, cAt + 7 * ldc);
        s8.intoArray(c, cAt + 8 * ldc);
        s9.intoArray(c, cAt + 9 * ldc);
    }

    private static void shifted8(int k, float[] a, int aRow, int[] aCols, float[] b, int bCol, int ldb, float[] c, int cAt, int ldc) {
        FloatVector s0 = FloatVector.fromArray(S, c, cAt);
        FloatVector s1 = FloatVector.fromArray(S, c, cAt + 1 * ldc);
        FloatVector s2 = FloatVector.fromArray(S, c, cAt + 2 * ldc);
        FloatVector s3 = FloatVector.fromArray(S, c, cAt + 3 * ldc);
        FloatVector s4 = FloatVector.fromArray(S, c, cAt + 4 * ldc);
        FloatVector s5 = FloatVector.fromArray(S, c, cAt + 5 * ldc);
        FloatVector s6 = FloatVector.fromArray(S, c, cAt + 6 * ldc);
        FloatVector s7 = FloatVector.fromArray(S, c, cAt + 7 * ldc);
        for (int p = 0, bi = bCol; p < k; p++, bi += ldb) {
            FloatVector w = FloatVector.fromArray(S, b, bi);
            int ai = aRow + aCols[p];
            s0 = FloatVector.broadcast(S, a[ai]).fma(w, s0);
            s1 = FloatVector.broadcast(S, a[ai + 1]).fma(w, s1);
            s2 = FloatVector.broadcast(S, a[ai + 2]).fma(w, s2);
            s3 = FloatVector.broadcast(S, a[ai + 3]).fma(w, s3);
            s4 = FloatVector.broadcast(S, a[ai + 4]).fma(w, s4);
            s5 = FloatVector.broadcast(S, a[ai + 5]).fma(w, s5);
            s6 = FloatVector.broadcast(S, a[ai + 6]).fma(w, s6);
            s7 = FloatVector.broadcast(S, a[ai + 7]).fma(w, s7);
        }
        s0.intoArray(c, cAt);
        s1.intoArray(c, cAt + 1 * ldc);
        s2.intoArray(c, cAt + 2 * ldc);
        s3.intoArray(c, cAt + 3 * ldc);
        s4.intoArray(c, cAt + 4 * ldc);
        s5.intoArray(c, cAt + 5 * ldc);
        s6.intoArray(c, cAt + 6 * ldc);
        s7.intoArray(c, cAt + 7 * ldc);
    }

    /** Four rows: rows 1, 2 and 3 of the block are rows r1, r2 and r3 (each at most 3), repeated where m ran out. */
    private static void shifted4(int k, float[] a, int aRow, int[] aCols, float[] b, int bCol, int ldb, float[] c, int cAt, int ldc,
                                 int r1, int r2, int r3, VectorMask<Float> mask) {
        int c1 = cAt + r1 * ldc, c2 = cAt + r2 * ldc, c3 = cAt + r3 * ldc;
        FloatVector s0 = FloatVector.fromArray(S, c, cAt, mask);
        FloatVector s1 = FloatVector.fromArray(S, c, c1, mask);
        FloatVector s2 = FloatVector.fromArray(S, c, c2, mask);
        FloatVector s3 = FloatVector.fromArray(S, c, c3, mask);
        for (int p = 0, bi = bCol; p < k; p++, bi += ldb) {
            FloatVector w = FloatVector.fromArray(S, b, bi, mask);
            int ai = aRow + aCols[p];
            s0 = FloatVector.broadcast(S, a[ai]).fma(w, s0);
            s1 = FloatVector.broadcast(S, a[ai + r1]).fma(w, s1);
            s2 = FloatVector.broadcast(S, a[ai + r2]).fma(w, s2);
            s3 = FloatVector.broadcast(S, a[ai + r3]).fma(w, s3);
        }
        s0.intoArray(c, cAt, mask);
        s1.intoArray(c, c1, mask);
        s2.intoArray(c, c2, mask);
        s3.intoArray(c, c3, mask);
    }

    /**
     * C[M×N] += A·Bᵀ as dot products of rows: blocks of 4 rows of A × 3 rows of B keep 12 vector sums in registers
     * (7 loads per 12 fma). The sums' lanes are then added by {@link #sumLanes}; the tail of the shared dimension is
     * added in scalar code. Rows past M or N repeat the last one and are computed but not stored.
     */
    @Override
    public void gemmNT(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        if (n == 1) {
            dotRows(m, k, b, bOff, a, aOff, lda, c, cOff, ldc);
            return;
        }
        if (m == 1) {
            dotRows(n, k, a, aOff, b, bOff, ldb, c, cOff, 1);
            return;
        }
        int kb = S.loopBound(k);
        for (int i = 0; i < m; i += 4) {
            int a0 = aOff + i * lda;
            int a1 = aOff + Math.min(i + 1, m - 1) * lda;
            int a2 = aOff + Math.min(i + 2, m - 1) * lda;
            int a3 = aOff + Math.min(i + 3, m - 1) * lda;
            for (int j = 0; j < n; j += 3) {
                int b0 = bOff + j * ldb;
                int b1 = bOff + Math.min(j + 1, n - 1) * ldb;
                int b2 = bOff + Math.min(j + 2, n - 1) * ldb;
                FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S), s02 = FloatVector.zero(S);
                FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S), s12 = FloatVector.zero(S);
                FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S), s22 = FloatVector.zero(S);
                FloatVector s30 = FloatVector.zero(S), s31 = FloatVector.zero(S), s32 = FloatVector.zero(S);
                for (int p = 0; p < kb; p += L) {
                    FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
                    FloatVector y1 = FloatVector.fromArray(S, b, b1 + p);
                    FloatVector y2 = FloatVector.fromArray(S, b, b2 + p);
                    FloatVector x = FloatVector.fromArray(S, a, a0 + p);
                    s00 = x.fma(y0, s00);
                    s01 = x.fma(y1, s01);
                    s02 = x.fma(y2, s02);
                    x = FloatVector.fromArray(S, a, a1 + p);
                    s10 = x.fma(y0, s10);
                    s11 = x.fma(y1, s11);
                    s12 = x.fma(y2, s12);
                    x = FloatVector.fromArray(S, a, a2 + p);
                    s20 = x.fma(y0, s20);
                    s21 = x.fma(y1, s21);
                    s22 = x.fma(y2, s22);
                    x = FloatVector.fromArray(S, a, a3 + p);
                    s30 = x.fma(y0, s30);
                    s31 = x.fma(y1, s31);
                    s32 = x.fma(y2, s32);
                }
                float[] sums = {sumLanes(s00), sumLanes(s01), sumLanes(s02), sumLanes(s10), sumLanes(s11), sumLanes(s12),
                        sumLanes(s20), sumLanes(s21), sumLanes(s22), sumLanes(s30), sumLanes(s31), sumLanes(s32)};
                int rows = Math.min(4, m - i);
                int cols = Math.min(3, n - j);
                for (int r = 0; r < rows; r++) {
                    int ar = aOff + (i + r) * lda;
                    for (int t = 0; t < cols; t++) {
                        int bt = bOff + (j + t) * ldb;
                        float sum = sums[3 * r + t];
                        for (int p = kb; p < k; p++) sum += a[ar + p] * b[bt + p];
                        c[cOff + (i + r) * ldc + j + t] += sum;
                    }
                }
            }
        }
    }

    /**
     * A matrix-vector product, the shape of a single sample through a dense layer: out[outOff + r·outStride] +=
     * Σ_p rows[rowsOff + r·ld + p] · x[xOff + p] for r < count, four rows at a time (5 loads per 4 fma), the tail of
     * the shared dimension as one masked step, each row's lanes then added by {@link #sumLanes}.
     */
    private static void dotRows(int count, int k, float[] x, int xOff, float[] rows, int rowsOff, int ld,
                                float[] out, int outOff, int outStride) {
        int kb = S.loopBound(k);
        VectorMask<Float> tail = S.indexInRange(kb, k);
        for (int r = 0; r < count; r += 4) {
            int r0 = rowsOff + r * ld;
            int r1 = rowsOff + Math.min(r + 1, count - 1) * ld;
            int r2 = rowsOff + Math.min(r + 2, count - 1) * ld;
            int r3 = rowsOff + Math.min(r + 3, count - 1) * ld;
            FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S), s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
            for (int p = 0; p < kb; p += L) {
                FloatVector v = FloatVector.fromArray(S, x, xOff + p);
                s0 = FloatVector.fromArray(S, rows, r0 + p).fma(v, s0);
                s1 = FloatVector.fromArray(S, rows, r1 + p).fma(v, s1);
                s2 = FloatVector.fromArray(S, rows, r2 + p).fma(v, s2);
                s3 = FloatVector.fromArray(S, rows, r3 + p).fma(v, s3);
            }
            if (kb < k) {
                FloatVector v = FloatVector.fromArray(S, x, xOff + kb, tail);
                s0 = FloatVector.fromArray(S, rows, r0 + kb, tail).fma(v, s0);
                s1 = FloatVector.fromArray(S, rows, r1 + kb, tail).fma(v, s1);
                s2 = FloatVector.fromArray(S, rows, r2 + kb, tail).fma(v, s2);
                s3 = FloatVector.fromArray(S, rows, r3 + kb, tail).fma(v, s3);
            }
            int live = Math.min(4, count - r);
            out[outOff + r * outStride] += sumLanes(s0);
            if (live > 1) out[outOff + (r + 1) * outStride] += sumLanes(s1);
            if (live > 2) out[outOff + (r + 2) * outStride] += sumLanes(s2);
            if (live > 3) out[outOff + (r + 3) * outStride] += sumLanes(s3);
        }
    }

    /**
     * Blocks of 4 rows of A × 3 gathered rows of B, as in {@link #gemmNT}, with the 12 partial sums kept in memory
     * between calls instead of reduced: vector lane l of pass w holds the sum for p ≡ w + l (mod LANES), so a
     * narrower species makes LANES / L passes over the same data.
     */
    @Override
    public void dotLanes(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int[] bRows, float[] partial) {
        if (k % LANES != 0) throw new IllegalArgumentException("dotLanes: k must be a multiple of " + LANES + ", got " + k);
        for (int i = 0; i < m; i += 4) {
            int i1 = Math.min(i + 1, m - 1), i2 = Math.min(i + 2, m - 1), i3 = Math.min(i + 3, m - 1);
            int a0 = aOff + i * lda, a1 = aOff + i1 * lda, a2 = aOff + i2 * lda, a3 = aOff + i3 * lda;
            for (int j = 0; j < n; j += 3) {
                int j1 = Math.min(j + 1, n - 1), j2 = Math.min(j + 2, n - 1);
                int b0 = bOff + bRows[j], b1 = bOff + bRows[j1], b2 = bOff + bRows[j2];
                // [row][column] offsets of the partial sums; repeated rows and columns store equal sums twice
                int p00 = (i * n + j) * LANES, p01 = (i * n + j1) * LANES, p02 = (i * n + j2) * LANES;
                int p10 = (i1 * n + j) * LANES, p11 = (i1 * n + j1) * LANES, p12 = (i1 * n + j2) * LANES;
                int p20 = (i2 * n + j) * LANES, p21 = (i2 * n + j1) * LANES, p22 = (i2 * n + j2) * LANES;
                int p30 = (i3 * n + j) * LANES, p31 = (i3 * n + j1) * LANES, p32 = (i3 * n + j2) * LANES;
                for (int w = 0; w < LANES; w += L) {
                    FloatVector s00 = FloatVector.fromArray(S, partial, p00 + w);
                    FloatVector s01 = FloatVector.fromArray(S, partial, p01 + w);
                    FloatVector s02 = FloatVector.fromArray(S, partial, p02 + w);
                    FloatVector s10 = FloatVector.fromArray(S, partial, p10 + w);
                    FloatVector s11 = FloatVector.fromArray(S, partial, p11 + w);
                    FloatVector s12 = FloatVector.fromArray(S, partial, p12 + w);
                    FloatVector s20 = FloatVector.fromArray(S, partial, p20 + w);
                    FloatVector s21 = FloatVector.fromArray(S, partial, p21 + w);
                    FloatVector s22 = FloatVector.fromArray(S, partial, p22 + w);
                    FloatVector s30 = FloatVector.fromArray(S, partial, p30 + w);
                    FloatVector s31 = FloatVector.fromArray(S, partial, p31 + w);
                    FloatVector s32 = FloatVector.fromArray(S, partial, p32 + w);
                    for (int p = w; p < k; p += LANES) {
                        FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
                        FloatVector y1 = FloatVector.fromArray(S, b, b1 + p);
                        FloatVector y2 = FloatVector.fromArray(S, b, b2 + p);
                        FloatVector x = FloatVector.fromArray(S, a, a0 + p);
                        s00 = x.fma(y0, s00);
                        s01 = x.fma(y1, s01);
                        s02 = x.fma(y2, s02);
                        x = FloatVector.fromArray(S, a, a1 + p);
                        s10 = x.fma(y0, s10);
                        s11 = x.fma(y1, s11);
                        s12 = x.fma(y2, s12);
                        x = FloatVector.fromArray(S, a, a2 + p);
                        s20 = x.fma(y0, s20);
                        s21 = x.fma(y1, s21);
                        s22 = x.fma(y2, s22);
                        x = FloatVector.fromArray(S, a, a3 + p);
                        s30 = x.fma(y0, s30);
                        s31 = x.fma(y1, s31);
                        s32 = x.fma(y2, s32);
                    }
                    s00.intoArray(partial, p00 + w);
                    s01.intoArray(partial, p01 + w);
                    s02.intoArray(partial, p02 + w);
                    s10.intoArray(partial, p10 + w);
                    s11.intoArray(partial, p11 + w);
                    s12.intoArray(partial, p12 + w);
                    s20.intoArray(partial, p20 + w);
                    s21.intoArray(partial, p21 + w);
                    s22.intoArray(partial, p22 + w);
                    s30.intoArray(partial, p30 + w);
                    s31.intoArray(partial, p31 + w);
                    s32.intoArray(partial, p32 + w);
                }
            }
        }
    }

    /**
     * L windows at a time: the vertical max of two input rows, 2·L lanes, then the max of their even and odd lanes.
     * The last windows of a row are masked.
     */
    @Override
    public void maxPool2x2(float[] x, float[] y, int planes, int h, int w) {
        int oh = h / 2;
        int ow = w / 2;
        int full = ow - ow % L;
        int inputs = 2 * (ow - full);
        VectorMask<Float> m0 = S.indexInRange(0, inputs);
        VectorMask<Float> m1 = S.indexInRange(L, inputs);
        VectorMask<Float> out = S.indexInRange(0, ow - full);
        for (int plane = 0; plane < planes; plane++) {
            for (int oy = 0; oy < oh; oy++) {
                int top = (plane * h + 2 * oy) * w;
                int row = (plane * oh + oy) * ow;
                for (int ox = 0; ox < full; ox += L) {
                    int a = top + 2 * ox;
                    int c = a + w;
                    FloatVector lo = FloatVector.fromArray(S, x, a).max(FloatVector.fromArray(S, x, c));
                    FloatVector hi = FloatVector.fromArray(S, x, a + L).max(FloatVector.fromArray(S, x, c + L));
                    EVEN.selectFrom(lo, hi).max(ODD.selectFrom(lo, hi)).intoArray(y, row + ox);
                }
                if (full < ow) {
                    int a = top + 2 * full;
                    int c = a + w;
                    FloatVector lo = FloatVector.fromArray(S, x, a, m0).max(FloatVector.fromArray(S, x, c, m0));
                    FloatVector hi = FloatVector.fromArray(S, x, a + L, m1).max(FloatVector.fromArray(S, x, c + L, m1));
                    EVEN.selectFrom(lo, hi).max(ODD.selectFrom(lo, hi)).intoArray(y, row + full, out);
                }
            }
        }
    }

    /**
     * L windows at a time, split into their four corners by even/odd selects: the tournament of the scalar kernel
     * as masks, dy blended into the winning corner, the corners interleaved back into the two input rows.
     */
    @Override
    public void maxPool2x2Backward(float[] x, float[] dy, float[] dx, int planes, int h, int w) {
        if (h % 2 != 0 || w % 2 != 0) java.util.Arrays.fill(dx, 0, planes * h * w, 0f);
        int oh = h / 2;
        int ow = w / 2;
        FloatVector zero = FloatVector.zero(S);
        for (int plane = 0; plane < planes; plane++) {
            for (int oy = 0; oy < oh; oy++) {
                int top = (plane * h + 2 * oy) * w;
                int out = (plane * oh + oy) * ow;
                for (int ox = 0; ox < ow; ox += L) {
                    int inputs = 2 * Math.min(L, ow - ox);
                    VectorMask<Float> m0 = S.indexInRange(0, inputs);
                    VectorMask<Float> m1 = S.indexInRange(L, inputs);
                    int a = top + 2 * ox;
                    int c = a + w;
                    FloatVector a0 = FloatVector.fromArray(S, x, a, m0), a1 = FloatVector.fromArray(S, x, a + L, m1);
                    FloatVector c0 = FloatVector.fromArray(S, x, c, m0), c1 = FloatVector.fromArray(S, x, c + L, m1);
                    FloatVector topLeft = EVEN.selectFrom(a0, a1), topRight = ODD.selectFrom(a0, a1);
                    FloatVector bottomLeft = EVEN.selectFrom(c0, c1), bottomRight = ODD.selectFrom(c0, c1);
                    VectorMask<Float> rightTop = less(topLeft, topRight);
                    VectorMask<Float> rightBottom = less(bottomLeft, bottomRight);
                    VectorMask<Float> bottomWins = less(topLeft.blend(topRight, rightTop), bottomLeft.blend(bottomRight, rightBottom));
                    FloatVector d = FloatVector.fromArray(S, dy, out + ox, S.indexInRange(0, inputs / 2));
                    FloatVector dTop = d.blend(zero, bottomWins);
                    FloatVector dBottom = zero.blend(d, bottomWins);
                    FloatVector dTopLeft = dTop.blend(zero, rightTop), dTopRight = zero.blend(dTop, rightTop);
                    FloatVector dBottomLeft = dBottom.blend(zero, rightBottom), dBottomRight = zero.blend(dBottom, rightBottom);
                    INTERLEAVE_LOW.selectFrom(dTopLeft, dTopRight).intoArray(dx, a, m0);
                    INTERLEAVE_HIGH.selectFrom(dTopLeft, dTopRight).intoArray(dx, a + L, m1);
                    INTERLEAVE_LOW.selectFrom(dBottomLeft, dBottomRight).intoArray(dx, c, m0);
                    INTERLEAVE_HIGH.selectFrom(dBottomLeft, dBottomRight).intoArray(dx, c + L, m1);
                }
            }
        }
    }

    /** Lanes where u < v, taken as the sign bit of u − v like the scalar kernel. */
    private static VectorMask<Float> less(FloatVector u, FloatVector v) {
        return u.sub(v).test(VectorOperators.IS_NEGATIVE);
    }

    @Override
    public void relu(float[] x, float[] y, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, x, i).max(0f).intoArray(y, i);
        }
        for (; i < n; i++) y[i] = Math.max(0f, x[i]);
    }

    @Override
    public void reluBackward(float[] y, float[] dy, float[] dx, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            VectorMask<Float> active = FloatVector.fromArray(S, y, i).compare(VectorOperators.GT, 0f);
            FloatVector.zero(S).blend(FloatVector.fromArray(S, dy, i), active).intoArray(dx, i);
        }
        for (; i < n; i++) dx[i] = y[i] > 0f ? dy[i] : 0f;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        int bound = S.loopBound(n);
        FloatVector va = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).fma(va, FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        int bound = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            acc = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), acc);
        }
        float sum = sumLanes(acc);
        for (; i < n; i++) sum += x[xOff + i] * y[yOff + i];
        return sum;
    }
}
