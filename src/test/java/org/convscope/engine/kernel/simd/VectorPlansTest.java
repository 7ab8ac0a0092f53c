package org.convscope.engine.kernel.simd;

import static org.convscope.engine.kernel.ConvCases.checkForward;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.convscope.engine.kernel.ConvCases;
import org.convscope.engine.kernel.ConvGeometry;
import org.convscope.engine.kernel.ConvPlan;
import org.convscope.engine.kernel.Parallel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector plan on every geometry of {@link ConvCases} it can take, whether or not {@link VectorConvPlans} would
 * pick it there, on one thread and on two (which must agree bit for bit), against ScalarConv. Surefire runs this
 * class again at 128 and 256 bits with bounds checks.
 */
class VectorPlansTest {
    private static Parallel two;

    @BeforeAll
    static void startThreads() {
        two = Parallel.create(2, "vector-plans-test");
    }

    @AfterAll
    static void stopThreads() {
        two.close();
    }

    /** The plans that take g. */
    private static List<BiFunction<ConvGeometry, Parallel, ConvPlan>> plans(ConvGeometry g) {
        List<BiFunction<ConvGeometry, Parallel, ConvPlan>> plans = new ArrayList<>(List.of(WideConv::new, FilterLaneConv::new));
        if (g.depthwise()) plans.add(DepthwiseConv::new);
        return plans;
    }

    @ParameterizedTest
    @MethodSource("org.convscope.engine.kernel.ConvCases#geometries")
    void everyPlanMatchesTheDefinition(ConvGeometry g) {
        for (var make : plans(g)) {
            ConvPlan one = make.apply(g, Parallel.SERIAL);
            String name = one.getClass().getSimpleName();
            float[] serial = checkForward(one, name + " on 1 thread");
            float[] parallel = checkForward(make.apply(g, two), name + " on 2 threads");
            assertArrayEquals(serial, parallel, name + " " + g + ": one and two threads differ");
        }
    }

    /** The geometries of ConvCases make {@link VectorConvPlans} pick each plan at least once. */
    @Test
    void everyPlanIsPickedSomewhere() {
        Set<String> picked = new TreeSet<>();
        ConvCases.geometries().forEach(g -> picked.add(VectorConvPlans.create(g, Parallel.SERIAL).getClass().getSimpleName()));
        assertEquals(Set.of("DepthwiseConv", "FilterLaneConv", "WideConv"), picked);
    }
}
