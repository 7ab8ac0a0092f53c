package org.convscope.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.convscope.engine.kernel.simd.VectorKernels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link ConvPlans} plan, on the vector and on the scalar kernels, on one thread and on two, against
 * {@link ScalarConv} on many small geometries: odd sizes that are not multiples of any vector width, groups, depthwise
 * with a multiplier, strides (2, 1), asymmetric padding, dilation, 1×1 with and without stride, 7×7 with stride 2.
 * Inputs and outputs sit inside larger arrays at an offset; the floats around the output must survive. Surefire runs
 * this class again at 128 and 256 bits with bounds checks (see VectorKernelsTest).
 */
class ConvPlansTest {
    private static final float SENTINEL = 12345f;
    private static Parallel two;

    @BeforeAll
    static void startThreads() {
        two = Parallel.create(2, "conv-test");
    }

    @AfterAll
    static void stopThreads() {
        two.close();
    }

    /** C, H, W, F, G, kH, kW, sH, sW, padTop, padLeft, padBottom, padRight, dH, dW. */
    private static ConvGeometry geometry(int... v) {
        return new ConvGeometry(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14]);
    }

    static Stream<ConvGeometry> geometries() {
        return Stream.of(
                geometry(5, 7, 9, 13, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1),        // 1×1: a matrix product, last run partial
                geometry(3, 10, 11, 17, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),      // 3×3 same padding
                geometry(4, 9, 6, 9, 1, 3, 2, 1, 1, 0, 0, 0, 0, 1, 1),         // 3×2, no padding
                geometry(3, 23, 21, 10, 1, 7, 7, 2, 2, 3, 3, 3, 3, 1, 1),      // 7×7 stride 2, as ResNet's stem
                geometry(6, 9, 8, 12, 1, 1, 1, 2, 2, 0, 0, 0, 0, 1, 1),        // 1×1 stride 2, as a downsample
                geometry(6, 11, 13, 20, 1, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1),      // 3×3 stride 2
                geometry(5, 12, 10, 7, 1, 3, 3, 2, 1, 1, 1, 1, 1, 1, 1),       // stride (2, 1)
                geometry(3, 8, 9, 5, 1, 3, 3, 1, 1, 0, 1, 2, 1, 1, 1),         // asymmetric padding
                geometry(3, 13, 14, 6, 1, 3, 3, 1, 1, 2, 3, 2, 3, 2, 3),       // dilation (2, 3)
                geometry(4, 17, 15, 6, 2, 5, 3, 1, 2, 2, 0, 1, 1, 2, 1),       // groups, stride, dilation, odd padding
                geometry(8, 10, 9, 12, 4, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),       // 4 groups
                geometry(7, 10, 11, 7, 7, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),       // depthwise
                geometry(6, 13, 12, 6, 6, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1),       // depthwise stride 2
                geometry(5, 9, 37, 10, 5, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),       // depthwise multiplier 2, wide rows
                geometry(3, 11, 9, 9, 3, 5, 5, 2, 1, 2, 1, 0, 3, 1, 2),        // depthwise ×3, 5×5, odd everything
                geometry(4, 6, 6, 4, 4, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1),         // depthwise 1×1
                geometry(16, 20, 19, 24, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),     // many runs and panels to split
                geometry(40, 5, 5, 70, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),       // small image, many filters
                geometry(2, 3, 4, 3, 1, 3, 4, 1, 1, 0, 0, 0, 0, 1, 1));        // kernel as large as the image
    }

    /** The plans under test for g: vector and scalar kernels, each on one thread and then on two. */
    private static List<ConvPlan> plans(ConvGeometry g) {
        List<ConvPlan> plans = new ArrayList<>();
        for (Kernels k : List.<Kernels>of(VectorKernels.INSTANCE, ScalarKernels.INSTANCE)) {
            plans.add(ConvPlans.create(g, Parallel.SERIAL, k));
            plans.add(ConvPlans.create(g, two, k));
        }
        return plans;
    }

    private static float[] random(SplittableRandom random, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) random.nextDouble(-1, 1);
        return a;
    }

    /** values at [off, off + n) of an array with `before` and `after` floats of fill around them. */
    private static float[] embed(float[] values, int off, int after, float fill) {
        float[] a = new float[off + values.length + after];
        java.util.Arrays.fill(a, fill);
        System.arraycopy(values, 0, a, off, values.length);
        return a;
    }

    private static float[] abs(float[] a) {
        float[] b = a.clone();
        for (int i = 0; i < b.length; i++) b[i] = Math.abs(b[i]);
        return b;
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void forwardMatchesTheDefinition(ConvGeometry g) {
        SplittableRandom random = new SplittableRandom(g.hashCode());
        float[] w = random(random, g.weightSize());
        float[] bias = random(random, g.filters());
        float[] image = random(random, g.inputSize());
        int xOff = 3;
        int yOff = 5;
        float[] x = embed(image, xOff, 0, Float.NaN); // nothing before or after the image may be read into y
        float[] expected = new float[g.outputSize()];
        ScalarConv.forward(g, w, bias, image, 0, expected, 0);
        float[] magnitude = new float[g.outputSize()];
        ScalarConv.forward(g, abs(w), abs(bias), abs(image), 0, magnitude, 0);
        List<ConvPlan> plans = plans(g);
        float[][] results = new float[plans.size()][];
        for (int p = 0; p < plans.size(); p++) {
            ConvPlan plan = plans.get(p);
            for (int pass = 0; pass < 2; pass++) {
                float[] y = embed(new float[g.outputSize()], yOff, 7, SENTINEL);
                plan.forward(w, 1, bias, x, xOff, y, yOff);
                String where = plan.getClass().getSimpleName() + " " + g + " pass " + pass;
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], y[yOff + i], 2e-6 * (g.groupChannels() * g.taps() + 1) * magnitude[i], where + " at " + i);
                }
                for (int i = 0; i < yOff; i++) assertEquals(SENTINEL, y[i], where + ": float before y changed");
                for (int i = yOff + expected.length; i < y.length; i++) assertEquals(SENTINEL, y[i], where + ": float after y changed");
                results[p] = y;
            }
        }
        for (int p = 0; p < plans.size(); p += 2) {
            assertArrayEquals(results[p], results[p + 1], plans.get(p).getClass().getSimpleName() + " " + g + ": one and two threads differ");
        }
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void newWeightsVersionIsUsed(ConvGeometry g) {
        SplittableRandom random = new SplittableRandom(7);
        float[] w = random(random, g.weightSize());
        float[] bias = random(random, g.filters());
        float[] x = random(random, g.inputSize());
        ConvPlan plan = ConvPlans.create(g, two, VectorKernels.INSTANCE);
        float[] y = new float[g.outputSize()];
        plan.forward(w, 1, bias, x, 0, y, 0);
        for (int i = 0; i < w.length; i++) w[i] = -2 * w[i];
        for (int i = 0; i < bias.length; i++) bias[i] = 0.5f;
        plan.forward(w, 2, bias, x, 0, y, 0);
        float[] expected = new float[g.outputSize()];
        ScalarConv.forward(g, w, bias, x, 0, expected, 0);
        float[] magnitude = new float[g.outputSize()];
        ScalarConv.forward(g, abs(w), bias, abs(x), 0, magnitude, 0);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], y[i], 2e-6 * (g.groupChannels() * g.taps() + 1) * magnitude[i], g + " at " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void backwardMatchesTheDefinition(ConvGeometry g) {
        SplittableRandom random = new SplittableRandom(g.hashCode() + 1);
        float[] w = random(random, g.weightSize());
        float[] image = random(random, g.inputSize());
        float[] gradient = random(random, g.outputSize());
        float[] dw0 = random(random, g.weightSize());
        float[] db0 = random(random, g.filters());
        int off = 4;
        float[] x = embed(image, off, 3, Float.NaN);
        float[] dy = embed(gradient, off + 1, 3, Float.NaN);
        float[] dw = dw0.clone();
        float[] db = db0.clone();
        float[] dx = new float[g.inputSize()];
        ScalarConv.backward(g, w, image, 0, gradient, 0, dw, db, dx, 0);
        // Error bounds: the same sums over absolute values.
        float[] dwMag = new float[g.weightSize()];
        float[] dbMag = new float[g.filters()];
        float[] dxMag = new float[g.inputSize()];
        ScalarConv.backward(g, abs(w), abs(image), 0, abs(gradient), 0, dwMag, dbMag, dxMag, 0);
        int terms = g.outH() * g.outW() + g.groupFilters() * g.taps();
        for (ConvPlan plan : plans(g)) {
            String where = plan.getClass().getSimpleName() + " " + g;
            float[] pdw = dw0.clone();
            float[] pdb = db0.clone();
            float[] pdx = embed(random(random, g.inputSize()), 2, 5, SENTINEL); // written over, not added to
            plan.backward(w, x, off, dy, off + 1, pdw, pdb, pdx, 2);
            for (int i = 0; i < dw.length; i++) assertEquals(dw[i], pdw[i], 2e-6 * terms * (dwMag[i] + Math.abs(dw0[i])), where + " dw at " + i);
            for (int i = 0; i < db.length; i++) assertEquals(db[i], pdb[i], 2e-6 * terms * (dbMag[i] + Math.abs(db0[i])), where + " db at " + i);
            for (int i = 0; i < dx.length; i++) assertEquals(dx[i], pdx[2 + i], 2e-6 * terms * dxMag[i] + 1e-30, where + " dx at " + i);
            assertEquals(SENTINEL, pdx[0], where + ": float before dx changed");
            assertEquals(SENTINEL, pdx[pdx.length - 1], where + ": float after dx changed");
            float[] onlyDw = dw0.clone();
            plan.backward(w, x, off, dy, off + 1, onlyDw, pdb, null, 0);
            for (int i = 0; i < dw.length; i++) assertEquals(dw[i], onlyDw[i], 2e-6 * terms * (dwMag[i] + Math.abs(dw0[i])), where + " dw without dx at " + i);
        }
    }

    /**
     * ScalarConv's backward against central differences of L = Σ r·y for a random r. L is linear in w, b and x, so
     * the difference quotient is exact up to rounding whatever the step.
     */
    @Test
    void scalarBackwardMatchesFiniteDifferences() {
        List<ConvGeometry> small = List.of(
                geometry(2, 5, 6, 3, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),
                geometry(4, 7, 6, 4, 2, 3, 2, 2, 1, 1, 0, 2, 1, 2, 1),
                geometry(3, 6, 7, 6, 3, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1));
        for (ConvGeometry g : small) {
            SplittableRandom random = new SplittableRandom(3);
            float[] w = random(random, g.weightSize());
            float[] b = random(random, g.filters());
            float[] x = random(random, g.inputSize());
            float[] r = random(random, g.outputSize());
            float[] dw = new float[w.length];
            float[] db = new float[b.length];
            float[] dx = new float[x.length];
            ScalarConv.backward(g, w, x, 0, r, 0, dw, db, dx, 0);
            checkDifferences(g, "w", w, dw, () -> loss(g, w, b, x, r));
            checkDifferences(g, "b", b, db, () -> loss(g, w, b, x, r));
            checkDifferences(g, "x", x, dx, () -> loss(g, w, b, x, r));
        }
    }

    private static double loss(ConvGeometry g, float[] w, float[] b, float[] x, float[] r) {
        float[] y = new float[g.outputSize()];
        ScalarConv.forward(g, w, b, x, 0, y, 0);
        double sum = 0;
        for (int i = 0; i < y.length; i++) sum += (double) r[i] * y[i];
        return sum;
    }

    private static void checkDifferences(ConvGeometry g, String name, float[] v, float[] gradient, java.util.function.DoubleSupplier loss) {
        float h = 0.25f;
        for (int i = 0; i < v.length; i++) {
            float saved = v[i];
            v[i] = saved + h;
            double up = loss.getAsDouble();
            v[i] = saved - h;
            double down = loss.getAsDouble();
            v[i] = saved;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, gradient[i], 1e-4 * (1 + Math.abs(numeric)), g + ": d" + name + "[" + i + "]");
        }
    }

    @Test
    void refusesAKernelLargerThanThePaddedInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> geometry(1, 4, 4, 1, 1, 5, 3, 1, 1, 0, 0, 0, 0, 1, 1));
        assertTrue(e.getMessage().contains("does not fit the input height 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> geometry(1, 4, 4, 1, 1, 3, 3, 1, 1, 0, 0, 0, 0, 1, 2));
        assertTrue(e.getMessage().contains("dilated by 2 it spans 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> geometry(6, 4, 4, 4, 4, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1));
        assertTrue(e.getMessage().contains("4 groups must divide both the 6 input channels and the 4 filters"), e.getMessage());
    }

    @Test
    void outputSizeFollowsTheFloorFormula() {
        ConvGeometry g = geometry(1, 224, 224, 64, 1, 7, 7, 2, 2, 3, 3, 3, 3, 1, 1);
        assertEquals(112, g.outH());
        // (10 + 1 + 0 − 2·2 − 1) / 3 + 1 = 3 rows; (9 + 0 + 2 − 1·2 − 1) / 2 + 1 = 5 columns
        ConvGeometry odd = geometry(1, 10, 9, 1, 1, 3, 3, 3, 2, 1, 0, 0, 2, 2, 1);
        assertEquals(3, odd.outH());
        assertEquals(5, odd.outW());
    }
}
