package org.convscope.engine.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
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
     * nest. Blocks of 6 rows × 2 vectors of C stay in
     * registers while the shared dimension streams past; the last column block is masked. Rows past M repeat the
     * last row: every block loads C before it stores, so a repeated row stores the same sums twice to one place.
     */
    private static void broadcastProduct(int m, int n, int k, float[] a, int aOff, int rowStride, int colStride,
                                         float[] b, int bOff, int[] bRows, float[] c, int cOff, int ldc) {
        int last = m - 1;
        for (int i = 0; i < m; i += 6) {
            int r0 = i, r1 = Math.min(i + 1, last), r2 = Math.min(i + 2, last);
            int r3 = Math.min(i + 3, last), r4 = Math.min(i + 4, last), r5 = Math.min(i + 5, last);
            for (int j = 0; j < n; j += 2 * L) {
                VectorMask<Float> m0 = S.indexInRange(j, n);
                VectorMask<Float> m1 = S.indexInRange(j + L, n);
                // A second vector with no live lane is read and written at the first one's place, inside the array:
                // masked accesses that reach past the end of an array leave the Vector API's fast path.
                int h = j + L < n ? L : 0;
                int c0 = cOff + r0 * ldc + j, c1 = cOff + r1 * ldc + j, c2 = cOff + r2 * ldc + j;
                int c3 = cOff + r3 * ldc + j, c4 = cOff + r4 * ldc + j, c5 = cOff + r5 * ldc + j;
                FloatVector s00 = FloatVector.fromArray(S, c, c0, m0), s01 = FloatVector.fromArray(S, c, c0 + h, m1);
                FloatVector s10 = FloatVector.fromArray(S, c, c1, m0), s11 = FloatVector.fromArray(S, c, c1 + h, m1);
                FloatVector s20 = FloatVector.fromArray(S, c, c2, m0), s21 = FloatVector.fromArray(S, c, c2 + h, m1);
                FloatVector s30 = FloatVector.fromArray(S, c, c3, m0), s31 = FloatVector.fromArray(S, c, c3 + h, m1);
                FloatVector s40 = FloatVector.fromArray(S, c, c4, m0), s41 = FloatVector.fromArray(S, c, c4 + h, m1);
                FloatVector s50 = FloatVector.fromArray(S, c, c5, m0), s51 = FloatVector.fromArray(S, c, c5 + h, m1);
                int a0 = aOff + r0 * rowStride, a1 = aOff + r1 * rowStride, a2 = aOff + r2 * rowStride;
                int a3 = aOff + r3 * rowStride, a4 = aOff + r4 * rowStride, a5 = aOff + r5 * rowStride;
                for (int p = 0, ap = 0; p < k; p++, ap += colStride) {
                    int bi = bOff + bRows[p] + j;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi, m0);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + h, m1);
                    FloatVector v = FloatVector.broadcast(S, a[a0 + ap]);
                    s00 = b0.fma(v, s00);
                    s01 = b1.fma(v, s01);
                    v = FloatVector.broadcast(S, a[a1 + ap]);
                    s10 = b0.fma(v, s10);
                    s11 = b1.fma(v, s11);
                    v = FloatVector.broadcast(S, a[a2 + ap]);
                    s20 = b0.fma(v, s20);
                    s21 = b1.fma(v, s21);
                    v = FloatVector.broadcast(S, a[a3 + ap]);
                    s30 = b0.fma(v, s30);
                    s31 = b1.fma(v, s31);
                    v = FloatVector.broadcast(S, a[a4 + ap]);
                    s40 = b0.fma(v, s40);
                    s41 = b1.fma(v, s41);
                    v = FloatVector.broadcast(S, a[a5 + ap]);
                    s50 = b0.fma(v, s50);
                    s51 = b1.fma(v, s51);
                }
                s00.intoArray(c, c0, m0);
                s01.intoArray(c, c0 + h, m1);
                s10.intoArray(c, c1, m0);
                s11.intoArray(c, c1 + h, m1);
                s20.intoArray(c, c2, m0);
                s21.intoArray(c, c2 + h, m1);
                s30.intoArray(c, c3, m0);
                s31.intoArray(c, c3 + h, m1);
                s40.intoArray(c, c4, m0);
                s41.intoArray(c, c4 + h, m1);
                s50.intoArray(c, c5, m0);
                s51.intoArray(c, c5 + h, m1);
            }
        }
    }

    /**
     * C[M×N] += A·Bᵀ as dot products of rows: blocks of 4 rows of A × 3 rows of B keep 12 vector sums in registers
     * (7 loads per 12 fma). The sums' lanes are then added in lane order, not with reduceLanes, which may associate
     * differently once compiled and would make training depend on JIT timing; the tail of the shared dimension is
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
        float[] sums = new float[12 * L]; // [4 rows][3 columns][L lanes]
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
                s00.intoArray(sums, 0);
                s01.intoArray(sums, L);
                s02.intoArray(sums, 2 * L);
                s10.intoArray(sums, 3 * L);
                s11.intoArray(sums, 4 * L);
                s12.intoArray(sums, 5 * L);
                s20.intoArray(sums, 6 * L);
                s21.intoArray(sums, 7 * L);
                s22.intoArray(sums, 8 * L);
                s30.intoArray(sums, 9 * L);
                s31.intoArray(sums, 10 * L);
                s32.intoArray(sums, 11 * L);
                int rows = Math.min(4, m - i);
                int cols = Math.min(3, n - j);
                for (int r = 0; r < rows; r++) {
                    int ar = aOff + (i + r) * lda;
                    for (int t = 0; t < cols; t++) {
                        int bt = bOff + (j + t) * ldb;
                        float sum = 0f;
                        for (int lane = (3 * r + t) * L, end = lane + L; lane < end; lane++) sum += sums[lane];
                        for (int p = kb; p < k; p++) sum += a[ar + p] * b[bt + p];
                        c[cOff + (i + r) * ldc + j + t] += sum;
                    }
                }
            }
        }
    }

    /**
     * A matrix-vector product, the shape of a single sample through a dense layer: out[outOff + r·outStride] +=
     * Σ_p rows[rowsOff + r·ld + p] · x[xOff + p] for r < count, four rows at a time (5 loads per 4 fma), with the
     * lanes added in order as in {@link #gemmNT}.
     */
    private static void dotRows(int count, int k, float[] x, int xOff, float[] rows, int rowsOff, int ld,
                                float[] out, int outOff, int outStride) {
        int kb = S.loopBound(k);
        float[] sums = new float[4 * L]; // [4 rows][L lanes]
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
            s0.intoArray(sums, 0);
            s1.intoArray(sums, L);
            s2.intoArray(sums, 2 * L);
            s3.intoArray(sums, 3 * L);
            for (int t = 0, live = Math.min(4, count - r); t < live; t++) {
                int row = rowsOff + (r + t) * ld;
                float sum = 0f;
                for (int lane = t * L, end = lane + L; lane < end; lane++) sum += sums[lane];
                for (int p = kb; p < k; p++) sum += rows[row + p] * x[xOff + p];
                out[outOff + (r + t) * outStride] += sum;
            }
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
                    FloatVector lo = FloatVector.fromArray(S, x, a, m0).max(FloatVector.fromArray(S, x, c, m0));
                    FloatVector hi = FloatVector.fromArray(S, x, a + L, m1).max(FloatVector.fromArray(S, x, c + L, m1));
                    EVEN.selectFrom(lo, hi).max(ODD.selectFrom(lo, hi)).intoArray(y, out + ox, S.indexInRange(0, inputs / 2));
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
        float[] lanes = acc.toArray();
        float sum = 0f;
        for (float lane : lanes) sum += lane; // in lane order: see addSums
        for (; i < n; i++) sum += x[xOff + i] * y[yOff + i];
        return sum;
    }
}
