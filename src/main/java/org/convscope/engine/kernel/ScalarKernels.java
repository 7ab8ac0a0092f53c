package org.convscope.engine.kernel;

/** Plain Java loops: the reference every other implementation is tested against, and the fallback. */
public final class ScalarKernels implements Kernels {
    public static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {}

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void gemmNN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        broadcastProduct(m, n, k, a, aOff, lda, 1, b, bOff, ldb, c, cOff, ldc);
    }

    @Override
    public void gemmTN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        broadcastProduct(m, n, k, a, aOff, 1, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /** C[M×N] += A·B with A(i, p) = a[aOff + i·rowStride + p·colStride]: NN and TN are this one loop nest. */
    private static void broadcastProduct(int m, int n, int k, float[] a, int aOff, int rowStride, int colStride,
                                         float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float av = a[aOff + i * rowStride + p * colStride];
                int bRow = bOff + p * ldb;
                int cRow = cOff + i * ldc;
                for (int j = 0; j < n; j++) c[cRow + j] += av * b[bRow + j];
            }
        }
    }

    @Override
    public void gemmNT(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[cOff + i * ldc + j] += dot(a, aOff + i * lda, b, bOff + j * ldb, k);
            }
        }
    }

    @Override
    public void gemmGather(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int[] bRows, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float av = a[aOff + i * lda + p];
                int bRow = bOff + bRows[p];
                int cRow = cOff + i * ldc;
                for (int j = 0; j < n; j++) c[cRow + j] += av * b[bRow + j];
            }
        }
    }

    @Override
    public void gemmShifted(int m, int n, int k, float[] a, int aOff, int[] aCols, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float av = a[aOff + i + aCols[p]];
                int bRow = bOff + p * ldb;
                int cRow = cOff + i * ldc;
                for (int j = 0; j < n; j++) c[cRow + j] += av * b[bRow + j];
            }
        }
    }

    @Override
    public void dotLanes(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int[] bRows, float[] partial) {
        if (k % LANES != 0) throw new IllegalArgumentException("dotLanes: k must be a multiple of " + LANES + ", got " + k);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int aRow = aOff + i * lda;
                int bRow = bOff + bRows[j];
                int sums = (i * n + j) * LANES;
                for (int p = 0; p < k; p += LANES) {
                    for (int w = 0; w < LANES; w++) partial[sums + w] += a[aRow + p + w] * b[bRow + p + w];
                }
            }
        }
    }

    /** Without branches: random data would mispredict them. */
    @Override
    public void maxPool2x2(float[] x, float[] y, int planes, int h, int w) {
        int oh = h / 2;
        int ow = w / 2;
        int out = 0;
        for (int plane = 0; plane < planes; plane++) {
            for (int oy = 0; oy < oh; oy++) {
                int a = (plane * h + 2 * oy) * w;
                int c = a + w;
                for (int ox = 0; ox < ow; ox++, out++, a += 2, c += 2) {
                    y[out] = Math.max(Math.max(x[a], x[a + 1]), Math.max(x[c], x[c + 1]));
                }
            }
        }
    }

    /** A tournament of branch-free comparisons (see {@link #less}). */
    @Override
    public void maxPool2x2Backward(float[] x, float[] dy, float[] dx, int planes, int h, int w) {
        java.util.Arrays.fill(dx, 0, planes * h * w, 0f);
        int oh = h / 2;
        int ow = w / 2;
        int out = 0;
        for (int plane = 0; plane < planes; plane++) {
            for (int oy = 0; oy < oh; oy++) {
                int a = (plane * h + 2 * oy) * w;
                int c = a + w;
                for (int ox = 0; ox < ow; ox++, out++, a += 2, c += 2) {
                    int topWinner = a + less(x[a], x[a + 1]);
                    int bottomWinner = c + less(x[c], x[c + 1]);
                    int bottomWins = less(x[topWinner], x[bottomWinner]);
                    dx[topWinner + bottomWins * (bottomWinner - topWinner)] = dy[out];
                }
            }
        }
    }

    /** 1 if u < v, else 0, without a branch: the sign bit of u − v, which is never zero for distinct floats. */
    private static int less(float u, float v) {
        return Float.floatToRawIntBits(u - v) >>> 31;
    }

    @Override
    public void relu(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = Math.max(0f, x[i]);
    }

    @Override
    public void reluBackward(float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) dx[i] = y[i] > 0f ? dy[i] : 0f;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        float sum = 0f;
        for (int i = 0; i < n; i++) sum += x[xOff + i] * y[yOff + i];
        return sum;
    }
}
