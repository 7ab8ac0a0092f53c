package org.convscope.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.convscope.engine.kernel.ConvCases.SENTINEL;
import static org.convscope.engine.kernel.ConvCases.abs;
import static org.convscope.engine.kernel.ConvCases.checkForward;
import static org.convscope.engine.kernel.ConvCases.embed;
import static org.convscope.engine.kernel.ConvCases.geometry;
import static org.convscope.engine.kernel.ConvCases.random;

import java.util.List;
import java.util.SplittableRandom;
import org.convscope.engine.kernel.simd.VectorKernels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan {@link ConvPlans} picks, on the vector and on the scalar kernels, on one thread and on two, against
 * {@link ScalarConv} on the geometries of {@link ConvCases}, forward and backward; ScalarConv's backward against
 * finite differences; the geometry's checks. Surefire runs this class again at 128 and 256 bits with bounds checks
 * (see VectorKernelsTest); simd.VectorPlansTest runs every vector plan on every geometry it takes.
 */
class ConvPlansTest {
    private static Parallel two;

    @BeforeAll
    static void startThreads() {
        two = Parallel.create(2, "conv-test");
    }

    @AfterAll
    static void stopThreads() {
        two.close();
    }

    /** The plans ConvPlans picks for g on the vector and the scalar kernels, on one thread and on two. */
    private static List<ConvPlan> plans(ConvGeometry g) {
        List<ConvPlan> plans = new java.util.ArrayList<>();
        for (Kernels k : List.<Kernels>of(VectorKernels.INSTANCE, ScalarKernels.INSTANCE)) {
            plans.add(ConvPlans.create(g, Parallel.SERIAL, k));
            plans.add(ConvPlans.create(g, two, k));
        }
        return plans;
    }

    @ParameterizedTest
    @MethodSource("org.convscope.engine.kernel.ConvCases#geometries")
    void forwardMatchesTheDefinition(ConvGeometry g) {
        for (Kernels k : List.<Kernels>of(VectorKernels.INSTANCE, ScalarKernels.INSTANCE)) {
            ConvPlan one = ConvPlans.create(g, Parallel.SERIAL, k);
            float[] serial = checkForward(one, k.name() + " " + one.getClass().getSimpleName() + " on 1 thread");
            float[] parallel = checkForward(ConvPlans.create(g, two, k), k.name() + " on 2 threads");
            assertArrayEquals(serial, parallel, k.name() + " " + g + ": one and two threads differ");
        }
    }

    @ParameterizedTest
    @MethodSource("org.convscope.engine.kernel.ConvCases#geometries")
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
    @MethodSource("org.convscope.engine.kernel.ConvCases#geometries")
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
