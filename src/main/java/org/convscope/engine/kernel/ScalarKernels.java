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
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float av = a[aOff + i * lda + p];
                int bRow = bOff + p * ldb;
                int cRow = cOff + i * ldc;
                for (int j = 0; j < n; j++) c[cRow + j] += av * b[bRow + j];
            }
        }
    }

    @Override
    public void gemmTN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float av = a[aOff + p * lda + i];
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
