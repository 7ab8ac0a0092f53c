package org.convscope.engine.kernel;

/**
 * The engine's primitive operations. Matrices are row-major float arrays given as (array, offset, leading
 * dimension). Every operation accumulates into its output: callers zero it first when they want a plain product.
 * {@link ScalarKernels} is the reference and the fallback; {@code simd.VectorKernels} is the fast path.
 */
public interface Kernels {
    /** Name for logs and benchmark output, e.g. "vector 512-bit". */
    String name();

    /** C[M×N] += A[M×K] · B[K×N]. */
    void gemmNN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc);

    /** C[M×N] += A[K×M]ᵀ · B[K×N]. */
    void gemmTN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc);

    /** C[M×N] += A[M×K] · B[N×K]ᵀ: each C[i][j] is the dot product of row i of A and row j of B. */
    void gemmNT(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc);

    /** y[i] = max(0, x[i]) for i in [0, n). */
    void relu(float[] x, float[] y, int n);

    /** dx[i] = y[i] > 0 ? dy[i] : 0 for i in [0, n), where y = relu(x). */
    void reluBackward(float[] y, float[] dy, float[] dx, int n);

    /** y[yOff + i] += alpha · x[xOff + i] for i in [0, n). */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /** Σ x[i]·y[i] for i in [0, n). */
    float dot(float[] x, int xOff, float[] y, int yOff, int n);
}
