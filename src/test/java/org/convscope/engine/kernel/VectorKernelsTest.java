package org.convscope.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.convscope.engine.kernel.simd.VectorKernels;
import org.junit.jupiter.api.Test;

/**
 * Every {@link Kernels} method of {@link VectorKernels} against the {@link ScalarKernels} oracle, on sizes that are
 * not multiples of the vector width and on sub-matrices whose leading dimension exceeds the row. Padding around the
 * operands holds NaN, so a kernel that reads outside its operands poisons the result; padding around the output
 * holds a sentinel that must survive. Surefire runs this class again at 128 and 256 bits
 * ({@code -XX:MaxVectorSize}) with {@code VECTOR_ACCESS_OOB_CHECK=2}; {@link #speciesHasTheIntendedWidth()} checks
 * that such a run really uses the width it is named after.
 */
class VectorKernelsTest {
    private static final int[] SIZES = {1, 3, 5, 7, 17, 33, 100};
    /**
     * Rows of A and C: 1 to 24 reach every row tail of every block size (the products' blocks of 12, 10, 8, 6 and 4
     * rows, each with and without a full block before it), then two larger ones.
     */
    private static final int[] ROWS = IntStream.concat(IntStream.rangeClosed(1, 24),
            IntStream.of(33, 100)).toArray();
    /**
     * Columns of B and C: a vector's width (4, 8 or 16 lanes, one run each) and twice it exactly, and one more or
     * fewer, so every column block ends both full and masked.
     */
    private static final int[] COLUMNS = {1, 3, 5, 7, 8, 15, 16, 17, 31, 32, 33, 48, 100};
    private static final float SENTINEL = 12345f;
    private static final Kernels SCALAR = ScalarKernels.INSTANCE;
    private static final Kernels VECTOR = VectorKernels.INSTANCE;

    private final SplittableRandom random = new SplittableRandom(42);

    /** A matrix of rows×cols inside a larger array: offset, leading dimension and padding filled with fill. */
    private record Matrix(float[] data, int off, int ld, int rows, int cols) {
        float get(int r, int c) {
            return data[off + r * ld + c];
        }
    }

    private Matrix matrix(int rows, int cols, float fill) {
        int off = random.nextInt(1, 9);
        int ld = cols + random.nextInt(1, 6);
        float[] data = new float[off + rows * ld + random.nextInt(1, 9)];
        java.util.Arrays.fill(data, fill);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) data[off + r * ld + c] = (float) random.nextDouble(-1, 1);
        }
        return new Matrix(data, off, ld, rows, cols);
    }

    private interface Gemm {
        void run(Kernels k, int m, int n, int kk, Matrix a, Matrix b, float[] c, Matrix cShape);
    }

    /** Runs one product with both kernels on the same inputs and compares every output and every padding value. */
    private void checkGemm(String name, Gemm gemm, boolean aTransposed, boolean bTransposed) {
        for (int m : ROWS) {
            for (int n : COLUMNS) {
                for (int k : SIZES) {
                    Matrix a = aTransposed ? matrix(k, m, Float.NaN) : matrix(m, k, Float.NaN);
                    Matrix b = bTransposed ? matrix(n, k, Float.NaN) : matrix(k, n, Float.NaN);
                    Matrix c = matrix(m, n, SENTINEL);
                    float[] expected = c.data.clone();
                    float[] actual = c.data.clone();
                    gemm.run(SCALAR, m, n, k, a, b, expected, c);
                    gemm.run(VECTOR, m, n, k, a, b, actual, c);
                    for (int i = 0; i < expected.length; i++) {
                        int r = Math.floorDiv(i - c.off, c.ld);
                        int col = i - c.off - r * c.ld;
                        boolean inside = i >= c.off && r < m && col < n;
                        String where = name + " m=" + m + " n=" + n + " k=" + k + " at " + i;
                        if (!inside) {
                            assertEquals(SENTINEL, actual[i], where + ": padding changed");
                            continue;
                        }
                        double magnitude = Math.abs(c.get(r, col));
                        for (int p = 0; p < k; p++) {
                            float av = aTransposed ? a.get(p, r) : a.get(r, p);
                            float bv = bTransposed ? b.get(col, p) : b.get(p, col);
                            magnitude += Math.abs(av * bv);
                        }
                        assertClose(expected[i], actual[i], 2e-6 * (k + 1) * magnitude, where);
                    }
                }
            }
        }
    }

    private static void assertClose(double expected, double actual, double tolerance, String where) {
        assertTrue(Math.abs(expected - actual) <= tolerance,
                where + ": expected " + expected + " but got " + actual + " (tolerance " + tolerance + ")");
    }

    @Test
    void gemmNNMatchesScalar() {
        checkGemm("gemmNN", (k, m, n, kk, a, b, c, cs) ->
                k.gemmNN(m, n, kk, a.data, a.off, a.ld, b.data, b.off, b.ld, c, cs.off, cs.ld), false, false);
    }

    @Test
    void gemmTNMatchesScalar() {
        checkGemm("gemmTN", (k, m, n, kk, a, b, c, cs) ->
                k.gemmTN(m, n, kk, a.data, a.off, a.ld, b.data, b.off, b.ld, c, cs.off, cs.ld), true, false);
    }

    @Test
    void gemmNTMatchesScalar() {
        checkGemm("gemmNT", (k, m, n, kk, a, b, c, cs) ->
                k.gemmNT(m, n, kk, a.data, a.off, a.ld, b.data, b.off, b.ld, c, cs.off, cs.ld), false, true);
    }

    /** Random offsets of k rows of length n in an array that ends right after the last row read (overlaps allowed). */
    private int[] gatherRows(int k, int range) {
        int[] rows = new int[k];
        for (int p = 0; p < k; p++) rows[p] = random.nextInt(range);
        return rows;
    }

    private float[] randomArray(int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) v[i] = (float) random.nextDouble(-1, 1);
        return v;
    }

    @Test
    void gemmGatherMatchesScalar() {
        for (int m : ROWS) {
            for (int n : COLUMNS) {
                for (int k : SIZES) {
                    Matrix a = matrix(m, k, Float.NaN);
                    int bOff = random.nextInt(0, 5);
                    int[] rows = gatherRows(k, 40);
                    float[] b = randomArray(bOff + 40 + n);
                    b[bOff + 39 + n] = Float.NaN; // past every row: must not be read
                    Matrix c = matrix(m, n, SENTINEL);
                    float[] expected = c.data.clone();
                    float[] actual = c.data.clone();
                    SCALAR.gemmGather(m, n, k, a.data, a.off, a.ld, b, bOff, rows, expected, c.off, c.ld);
                    VECTOR.gemmGather(m, n, k, a.data, a.off, a.ld, b, bOff, rows, actual, c.off, c.ld);
                    for (int i = 0; i < expected.length; i++) {
                        int r = Math.floorDiv(i - c.off, c.ld);
                        int col = i - c.off - r * c.ld;
                        String where = "gemmGather m=" + m + " n=" + n + " k=" + k + " at " + i;
                        if (i < c.off || r >= m || col >= n) {
                            assertEquals(SENTINEL, actual[i], where + ": padding changed");
                            continue;
                        }
                        double magnitude = Math.abs(c.get(r, col));
                        for (int p = 0; p < k; p++) magnitude += Math.abs(a.get(r, p) * b[bOff + rows[p] + col]);
                        assertClose(expected[i], actual[i], 2e-6 * (k + 1) * magnitude, where);
                    }
                }
            }
        }
    }

    @Test
    void gemmShiftedMatchesScalar() {
        for (int m : ROWS) {
            for (int n : COLUMNS) {
                for (int k : SIZES) {
                    int aOff = random.nextInt(0, 5);
                    int[] cols = gatherRows(k, 40);
                    float[] a = randomArray(aOff + m + 40);
                    a[aOff + m + 39] = Float.NaN; // past every window: must not be read
                    Matrix b = matrix(k, n, Float.NaN);
                    Matrix c = matrix(m, n, SENTINEL);
                    float[] expected = c.data.clone();
                    float[] actual = c.data.clone();
                    SCALAR.gemmShifted(m, n, k, a, aOff, cols, b.data, b.off, b.ld, expected, c.off, c.ld);
                    VECTOR.gemmShifted(m, n, k, a, aOff, cols, b.data, b.off, b.ld, actual, c.off, c.ld);
                    for (int i = 0; i < expected.length; i++) {
                        int r = Math.floorDiv(i - c.off, c.ld);
                        int col = i - c.off - r * c.ld;
                        String where = "gemmShifted m=" + m + " n=" + n + " k=" + k + " at " + i;
                        if (i < c.off || r >= m || col >= n) {
                            assertEquals(SENTINEL, actual[i], where + ": padding changed");
                            continue;
                        }
                        double magnitude = Math.abs(c.get(r, col));
                        for (int p = 0; p < k; p++) magnitude += Math.abs(a[aOff + r + cols[p]] * b.get(p, col));
                        assertClose(expected[i], actual[i], 2e-6 * (k + 1) * magnitude, where);
                    }
                }
            }
        }
    }

    @Test
    void dotLanesMatchesScalar() {
        int lanes = Kernels.LANES;
        for (int m : ROWS) {
            for (int n : COLUMNS) {
                for (int k : new int[] {lanes, 3 * lanes, 7 * lanes}) {
                    Matrix a = matrix(m, k, Float.NaN);
                    int bOff = random.nextInt(0, 5);
                    int[] rows = gatherRows(n, 40);
                    float[] b = randomArray(bOff + 40 + k);
                    b[bOff + 39 + k] = Float.NaN;
                    float[] expected = randomArray(m * n * lanes);
                    float[] actual = expected.clone();
                    SCALAR.dotLanes(m, n, k, a.data, a.off, a.ld, b, bOff, rows, expected);
                    VECTOR.dotLanes(m, n, k, a.data, a.off, a.ld, b, bOff, rows, actual);
                    for (int i = 0; i < expected.length; i++) {
                        int r = i / (n * lanes), col = i / lanes % n, w = i % lanes;
                        double magnitude = Math.abs(expected[i]);
                        for (int p = w; p < k; p += lanes) magnitude += Math.abs(a.get(r, p) * b[bOff + rows[col] + p]);
                        assertClose(expected[i], actual[i], 2e-6 * (k / lanes + 1) * magnitude,
                                "dotLanes m=" + m + " n=" + n + " k=" + k + " at " + i);
                    }
                }
            }
        }
    }

    /** Few distinct values, −0 and +0 among them, so that windows often hold ties. */
    private float[] tiedValues(int size) {
        float[] levels = {-1f, -0f, 0f, 0.5f, 2f};
        float[] v = new float[size];
        for (int i = 0; i < size; i++) v[i] = random.nextInt(3) == 0 ? levels[random.nextInt(levels.length)] : (float) random.nextDouble(-1, 1);
        return v;
    }

    @Test
    void maxPool2x2MatchesScalarExactly() {
        int[] sides = {2, 3, 4, 5, 10, 28, 33, 66};
        for (int h : sides) {
            for (int w : sides) {
                int planes = random.nextInt(1, 4);
                float[] x = tiedValues(planes * h * w);
                float[] dy = randomArray(planes * (h / 2) * (w / 2));
                float[] y1 = randomArray(dy.length), y2 = y1.clone();
                SCALAR.maxPool2x2(x, y1, planes, h, w);
                VECTOR.maxPool2x2(x, y2, planes, h, w);
                assertArrayEqualsExactly(y1, y2, "maxPool2x2 " + planes + "×" + h + "×" + w);
                float[] dx1 = randomArray(x.length), dx2 = randomArray(x.length);
                SCALAR.maxPool2x2Backward(x, dy, dx1, planes, h, w);
                VECTOR.maxPool2x2Backward(x, dy, dx2, planes, h, w);
                assertArrayEqualsExactly(dx1, dx2, "maxPool2x2Backward " + planes + "×" + h + "×" + w);
            }
        }
    }

    /** Arrays of n random values followed by NaN: element-wise kernels must stop at n. */
    private float[] vector(int n, int extra) {
        float[] v = new float[n + extra];
        java.util.Arrays.fill(v, Float.NaN);
        for (int i = 0; i < n; i++) v[i] = (float) random.nextDouble(-1, 1);
        return v;
    }

    @Test
    void elementWiseKernelsMatchScalarAndStopAtN() {
        for (int n : new int[] {0, 1, 3, 5, 7, 15, 16, 17, 33, 100, 1000}) {
            float[] x = vector(n, 40);
            float[] dy = vector(n, 40);

            float[] y1 = filled(n + 40), y2 = filled(n + 40);
            SCALAR.relu(x, y1, n);
            VECTOR.relu(x, y2, n);
            assertArrayEqualsExactly(y1, y2, "relu n=" + n);

            float[] dx1 = filled(n + 40), dx2 = filled(n + 40);
            SCALAR.reluBackward(y1, dy, dx1, n);
            VECTOR.reluBackward(y1, dy, dx2, n);
            assertArrayEqualsExactly(dx1, dx2, "reluBackward n=" + n);

            for (int off : new int[] {0, 3}) {
                int len = Math.max(0, n - off);
                float[] acc1 = vector(n + 5, 40), acc2 = acc1.clone();
                SCALAR.axpy(-0.75f, x, off, acc1, 2, len);
                VECTOR.axpy(-0.75f, x, off, acc2, 2, len);
                for (int i = 0; i < acc1.length; i++) {
                    if (i >= 2 && i < 2 + len) {
                        assertClose(acc1[i], acc2[i], 1e-6, "axpy n=" + len + " at " + i);
                    } else {
                        assertEquals(acc1[i], acc2[i], "axpy n=" + len + " wrote outside [2, 2 + n) at " + i);
                    }
                }
            }

            for (int off : new int[] {0, 3}) {
                int len = Math.max(0, n - off);
                double magnitude = 0;
                for (int i = 0; i < len; i++) magnitude += Math.abs(x[off + i] * dy[i]);
                assertClose(SCALAR.dot(x, off, dy, 0, len), VECTOR.dot(x, off, dy, 0, len),
                        2e-6 * (len + 1) * magnitude + 1e-30, "dot n=" + len + " off=" + off);
            }
        }
    }

    private static float[] filled(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, SENTINEL);
        return a;
    }

    private static void assertArrayEqualsExactly(float[] expected, float[] actual, String where) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], where + " at " + i);
        }
    }

    /** Set by the surefire executions that run this class at a reduced width; absent in the default run. */
    @Test
    void speciesHasTheIntendedWidth() {
        String expected = System.getProperty("convscope.test.vectorBits");
        assumeTrue(expected != null, "no width requested");
        assertEquals(Integer.parseInt(expected), VectorKernels.bitSize(),
                "the vector species width does not match the surefire execution's -XX:MaxVectorSize");
    }
}
