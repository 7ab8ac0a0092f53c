package org.convscope.engine.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.convscope.engine.kernel.Kernels;

/**
 * The kernels on the JDK Vector API with the preferred species (run with {@code -XX:MaxVectorSize=16|32} to test
 * the 128- and 256-bit shapes). Loops run to {@code loopBound}, accumulate with {@code fma}, reduce once after the
 * loop and finish the tail in scalar code. Matrix products are register-blocked: four rows of C times two vectors
 * of columns stay in registers while the shared dimension streams past.
 */
public final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    public static final VectorKernels INSTANCE = new VectorKernels();

    private VectorKernels() {}

    /** Whether the vector path is worth using here: at least 4 float lanes with hardware support. */
    public static boolean supported() {
        return L >= 4;
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
        broadcastProduct(m, n, k, a, aOff, lda, 1, b, bOff, ldb, c, cOff, ldc);
    }

    @Override
    public void gemmTN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        broadcastProduct(m, n, k, a, aOff, 1, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /**
     * C[M×N] += A·B where A(i, p) = a[aOff + i·rowStride + p·colStride]: each A element is broadcast and multiplied
     * into a row of B, so both NN and TN products are this one loop nest.
     */
    private static void broadcastProduct(int m, int n, int k, float[] a, int aOff, int rowStride, int colStride,
                                         float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int n2 = n - n % (2 * L);
        int n1 = S.loopBound(n);
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int a0 = aOff + i * rowStride;
            int a1 = a0 + rowStride;
            int a2 = a1 + rowStride;
            int a3 = a2 + rowStride;
            int c0 = cOff + i * ldc;
            int c1 = c0 + ldc;
            int c2 = c1 + ldc;
            int c3 = c2 + ldc;
            int j = 0;
            for (; j < n2; j += 2 * L) {
                FloatVector s00 = FloatVector.fromArray(S, c, c0 + j), s01 = FloatVector.fromArray(S, c, c0 + j + L);
                FloatVector s10 = FloatVector.fromArray(S, c, c1 + j), s11 = FloatVector.fromArray(S, c, c1 + j + L);
                FloatVector s20 = FloatVector.fromArray(S, c, c2 + j), s21 = FloatVector.fromArray(S, c, c2 + j + L);
                FloatVector s30 = FloatVector.fromArray(S, c, c3 + j), s31 = FloatVector.fromArray(S, c, c3 + j + L);
                for (int p = 0; p < k; p++) {
                    int bi = bOff + p * ldb + j;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                    int ap = p * colStride;
                    FloatVector v0 = FloatVector.broadcast(S, a[a0 + ap]);
                    FloatVector v1 = FloatVector.broadcast(S, a[a1 + ap]);
                    FloatVector v2 = FloatVector.broadcast(S, a[a2 + ap]);
                    FloatVector v3 = FloatVector.broadcast(S, a[a3 + ap]);
                    s00 = b0.fma(v0, s00);
                    s01 = b1.fma(v0, s01);
                    s10 = b0.fma(v1, s10);
                    s11 = b1.fma(v1, s11);
                    s20 = b0.fma(v2, s20);
                    s21 = b1.fma(v2, s21);
                    s30 = b0.fma(v3, s30);
                    s31 = b1.fma(v3, s31);
                }
                s00.intoArray(c, c0 + j);
                s01.intoArray(c, c0 + j + L);
                s10.intoArray(c, c1 + j);
                s11.intoArray(c, c1 + j + L);
                s20.intoArray(c, c2 + j);
                s21.intoArray(c, c2 + j + L);
                s30.intoArray(c, c3 + j);
                s31.intoArray(c, c3 + j + L);
            }
            for (; j < n1; j += L) {
                FloatVector s0 = FloatVector.fromArray(S, c, c0 + j);
                FloatVector s1 = FloatVector.fromArray(S, c, c1 + j);
                FloatVector s2 = FloatVector.fromArray(S, c, c2 + j);
                FloatVector s3 = FloatVector.fromArray(S, c, c3 + j);
                for (int p = 0; p < k; p++) {
                    FloatVector bv = FloatVector.fromArray(S, b, bOff + p * ldb + j);
                    int ap = p * colStride;
                    s0 = bv.fma(FloatVector.broadcast(S, a[a0 + ap]), s0);
                    s1 = bv.fma(FloatVector.broadcast(S, a[a1 + ap]), s1);
                    s2 = bv.fma(FloatVector.broadcast(S, a[a2 + ap]), s2);
                    s3 = bv.fma(FloatVector.broadcast(S, a[a3 + ap]), s3);
                }
                s0.intoArray(c, c0 + j);
                s1.intoArray(c, c1 + j);
                s2.intoArray(c, c2 + j);
                s3.intoArray(c, c3 + j);
            }
            for (; j < n; j++) {
                float t0 = 0f, t1 = 0f, t2 = 0f, t3 = 0f;
                for (int p = 0; p < k; p++) {
                    float bv = b[bOff + p * ldb + j];
                    int ap = p * colStride;
                    t0 += a[a0 + ap] * bv;
                    t1 += a[a1 + ap] * bv;
                    t2 += a[a2 + ap] * bv;
                    t3 += a[a3 + ap] * bv;
                }
                c[c0 + j] += t0;
                c[c1 + j] += t1;
                c[c2 + j] += t2;
                c[c3 + j] += t3;
            }
        }
        for (; i < m; i++) {
            int a0 = aOff + i * rowStride;
            int c0 = cOff + i * ldc;
            int j = 0;
            for (; j < n2; j += 2 * L) {
                FloatVector s0 = FloatVector.fromArray(S, c, c0 + j);
                FloatVector s1 = FloatVector.fromArray(S, c, c0 + j + L);
                for (int p = 0; p < k; p++) {
                    int bi = bOff + p * ldb + j;
                    FloatVector v = FloatVector.broadcast(S, a[a0 + p * colStride]);
                    s0 = FloatVector.fromArray(S, b, bi).fma(v, s0);
                    s1 = FloatVector.fromArray(S, b, bi + L).fma(v, s1);
                }
                s0.intoArray(c, c0 + j);
                s1.intoArray(c, c0 + j + L);
            }
            for (; j < n1; j += L) {
                FloatVector s0 = FloatVector.fromArray(S, c, c0 + j);
                for (int p = 0; p < k; p++) {
                    s0 = FloatVector.fromArray(S, b, bOff + p * ldb + j).fma(FloatVector.broadcast(S, a[a0 + p * colStride]), s0);
                }
                s0.intoArray(c, c0 + j);
            }
            for (; j < n; j++) {
                float t = 0f;
                for (int p = 0; p < k; p++) t += a[a0 + p * colStride] * b[bOff + p * ldb + j];
                c[c0 + j] += t;
            }
        }
    }

    @Override
    public void gemmNT(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int kb = S.loopBound(k);
        int i = 0;
        for (; i + 2 <= m; i += 2) {
            int a0 = aOff + i * lda;
            int a1 = a0 + lda;
            int j = 0;
            for (; j + 2 <= n; j += 2) {
                int b0 = bOff + j * ldb;
                int b1 = b0 + ldb;
                FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S);
                FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S);
                for (int p = 0; p < kb; p += L) {
                    FloatVector x0 = FloatVector.fromArray(S, a, a0 + p);
                    FloatVector x1 = FloatVector.fromArray(S, a, a1 + p);
                    FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
                    FloatVector y1 = FloatVector.fromArray(S, b, b1 + p);
                    s00 = x0.fma(y0, s00);
                    s01 = x0.fma(y1, s01);
                    s10 = x1.fma(y0, s10);
                    s11 = x1.fma(y1, s11);
                }
                float t00 = s00.reduceLanes(VectorOperators.ADD), t01 = s01.reduceLanes(VectorOperators.ADD);
                float t10 = s10.reduceLanes(VectorOperators.ADD), t11 = s11.reduceLanes(VectorOperators.ADD);
                for (int p = kb; p < k; p++) {
                    t00 += a[a0 + p] * b[b0 + p];
                    t01 += a[a0 + p] * b[b1 + p];
                    t10 += a[a1 + p] * b[b0 + p];
                    t11 += a[a1 + p] * b[b1 + p];
                }
                int ci = cOff + i * ldc + j;
                c[ci] += t00;
                c[ci + 1] += t01;
                c[ci + ldc] += t10;
                c[ci + ldc + 1] += t11;
            }
            for (; j < n; j++) {
                int ci = cOff + i * ldc + j;
                c[ci] += dot(a, a0, b, bOff + j * ldb, k);
                c[ci + ldc] += dot(a, a1, b, bOff + j * ldb, k);
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[cOff + i * ldc + j] += dot(a, aOff + i * lda, b, bOff + j * ldb, k);
            }
        }
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
    public void axpy(float alpha, float[] x, float[] y, int n) {
        int bound = S.loopBound(n);
        FloatVector va = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, x, i).fma(va, FloatVector.fromArray(S, y, i)).intoArray(y, i);
        }
        for (; i < n; i++) y[i] += alpha * x[i];
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        int bound = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            acc = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) sum += x[xOff + i] * y[yOff + i];
        return sum;
    }
}
