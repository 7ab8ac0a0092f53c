package org.convscope.engine.kernel;

/**
 * The engine's primitive operations. Matrices are row-major float arrays given as (array, offset, leading
 * dimension). Every operation accumulates into its output: callers zero it first when they want a plain product.
 * {@link ScalarKernels} is the reference and the fallback; {@code simd.VectorKernels} is the fast path.
 */
public interface Kernels {
    /**
     * Number of interleaved partial sums {@link #dotLanes} keeps per dot product: a multiple of every vector width
     * in use (16 floats, 512 bits), so the sums do not depend on the width.
     */
    int LANES = 16;

    /** Name for logs and benchmark output, e.g. "vector 512-bit". */
    String name();

    /** C[M×N] += A[M×K] · B[K×N]. */
    void gemmNN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc);

    /** C[M×N] += A[K×M]ᵀ · B[K×N]. */
    void gemmTN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc);

    /** C[M×N] += A[M×K] · B[N×K]ᵀ: each C[i][j] is the dot product of row i of A and row j of B. */
    void gemmNT(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc);

    /**
     * C[M×N] += A[M×K] · B where row p of B starts at b[bOff + bRows[p]]: C[i][j] += Σ_p A[i][p] · b[bOff + bRows[p] + j].
     * With bRows the offsets of a convolution's taps in a padded image, B is the image's patch matrix (im2col)
     * without the copy. Arrays whose last row is read should have a few spare floats after it: vector reads that
     * cross the end of an array are slow.
     */
    void gemmGather(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int[] bRows, float[] c, int cOff, int ldc);

    /**
     * C[M×N] += A · B[K×N] where A(i, p) = a[aOff + i + aCols[p]]: row i of A is the window that starts i floats
     * further on. With aCols the offsets of a convolution's taps in a padded image, row i of A is the patch of output
     * position i, and with B the weights as [tap][filter], row i of C holds position i's value for every filter: the
     * filters, not the positions, fill the vector lanes. Arrays whose last row is read should have a few spare
     * floats after it, as for {@link #gemmGather}.
     */
    void gemmShifted(int m, int n, int k, float[] a, int aOff, int[] aCols, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc);

    /**
     * Dot products of rows of A with gathered rows of B kept as {@link #LANES} interleaved partial sums, so that a
     * caller can add many products before it reduces them once: for p in [0, K), in order,
     * P[i][j][p mod LANES] += A[i][p] · b[bOff + bRows[j] + p], where P[i][j][w] is partial[(i·N + j)·LANES + w]
     * (A is M×K at a[aOff], leading dimension lda). K must be a multiple of LANES.
     */
    void dotLanes(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int[] bRows, float[] partial);

    /**
     * 2×2 max pooling with stride 2 of x[planes][h][w] into y[planes][h/2][w/2]: y[oy][ox] is the max of
     * x[2oy..2oy+1][2ox..2ox+1] (Math.max); an odd last row or column is left out.
     */
    void maxPool2x2(float[] x, float[] y, int planes, int h, int w);

    /**
     * The adjoint of {@link #maxPool2x2}: dx[planes][h][w] is dy at each window's winner and 0 elsewhere. The winner
     * is the first maximum in the order top-left, top-right, bottom-left, bottom-right: a later input wins only when
     * larger, where u < v is taken as the sign bit of u − v (exact for distinct floats; −0 loses to +0).
     */
    void maxPool2x2Backward(float[] x, float[] dy, float[] dx, int planes, int h, int w);

    /** y[i] = max(0, x[i]) for i in [0, n). */
    void relu(float[] x, float[] y, int n);

    /** dx[i] = y[i] > 0 ? dy[i] : 0 for i in [0, n), where y = relu(x). */
    void reluBackward(float[] y, float[] dy, float[] dx, int n);

    /** y[yOff + i] += alpha · x[xOff + i] for i in [0, n). */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /** Σ x[i]·y[i] for i in [0, n). */
    float dot(float[] x, int xOff, float[] y, int yOff, int n);
}
