package org.convscope.lecture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.layer.ConvLayer;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Forward n then back n gives the starting state; every combination that does not fit is explained, never thrown. */
class StepperInvariantsTest {
    private static ConvSetup setup(int size, int kernel, int stride, int padding, int filters, int depth) {
        Volume input = RandomVolume.integers(new Dims(depth, size, size), -3, 9, 1);
        List<Volume> kernels = new ArrayList<>();
        for (int f = 0; f < filters; f++) kernels.add(RandomVolume.integers(new Dims(depth, kernel, kernel), -1, 1, 10 + f));
        float[] bias = new float[filters];
        for (int f = 0; f < filters; f++) bias[f] = f - 1;
        return new ConvSetup(input, kernels, bias, stride, padding);
    }

    private static List<Stepper<?>> steppers() {
        Volume map = RandomVolume.integers(new Dims(2, 6, 6), -5, 5, 3);
        return List.of(
                ConvStepper.start(setup(7, 3, 2, 1, 2, 3)),
                ReluStepper.start(map),
                PoolStepper.start(map, PoolSpec.Kind.MAX, 2, 2),
                PoolStepper.start(map, PoolSpec.Kind.L2, 3, 1),
                DenseStepper.start(new float[] {1, -2, 3}, new float[] {1, 2, 3, -1, 0, 1}, new float[] {0.5f, -1}, 1),
                SoftmaxStepper.start(new float[] {2, 1, 0.1f}),
                NetworkStepper.start(Presets.lenet5()));
    }

    @Test
    void forwardThenBackReturnsTheStartingState() {
        for (Stepper<?> start : steppers()) {
            for (int from : new int[] {0, 1, start.count() / 2}) {
                Stepper<?> s0 = start.at(from);
                for (int n = 1; n <= start.count() + 2; n += Math.max(1, start.count() / 7)) {
                    Stepper<?> s = s0;
                    for (int i = 0; i < n; i++) s = s.next();
                    for (int i = 0; i < n; i++) s = s.previous();
                    // stepping stops at the end, so from there the way back is shorter than n
                    int expected = Math.max(0, Math.min(from + n, start.count()) - n);
                    assertEquals(start.at(expected), s, start.getClass().getSimpleName() + " from " + from + " n " + n);
                    assertEquals(start.at(expected).explain(), s.explain());
                }
            }
        }
    }

    @Test
    void outputGrowsOneCellPerStepAndEndsWithEveryCell() {
        ConvStepper s = ConvStepper.start(setup(5, 3, 1, 1, 2, 2));
        for (int p = 0; p <= s.count(); p++) {
            float[] out = s.at(p).output();
            for (int i = 0; i < out.length; i++) assertEquals(i < p, !Float.isNaN(out[i]), "cell " + i + " at " + p);
        }
        assertEquals(s.at(s.count()), s.at(s.count() + 5));
        assertEquals(s, s.at(-3));
        assertTrue(s.at(3).reset().atStart());
    }

    @Test
    void backFromTheStartAndForwardFromTheEndStayPut() {
        for (Stepper<?> s : steppers()) {
            assertEquals(s, s.previous());
            Stepper<?> end = s.at(s.count());
            assertEquals(end, end.next());
            assertTrue(end.atEnd());
        }
    }

    @ParameterizedTest
    @CsvSource({
        // size, kernel, stride, padding, expected words
        "5, 7, 1, 0, kernel does not fit",
        "3, 7, 1, 1, padded to 5",
        "7, 3, 0, 0, stride must be at least 1",
        "7, 3, -2, 0, stride must be at least 1",
        "7, 3, 1, -1, padding cannot be negative",
    })
    void everyCombinationThatDoesNotFitIsExplained(int size, int kernel, int stride, int padding, String words) {
        ConvStepper s = ConvStepper.start(setup(size, kernel, stride, padding, 1, 1));
        String problem = s.problem().orElseThrow();
        assertTrue(problem.contains(words), problem);
        assertEquals(problem, s.explain());
        assertEquals(0, s.count());
        assertEquals(0, s.output().length);
        assertEquals(s, s.next());
        assertTrue(s.setup().formula().startsWith("O = (W − K + 2P)/S + 1 = (" + size + " − " + kernel), s.setup().formula());
    }

    @Test
    void aStrideThatDoesNotDivideIsRoundedDownAsFrameworksDo() {
        // 7 wide, kernel 3, stride 3: windows at 0 and 3; the next one, at 6, would reach column 8 of 7
        ConvStepper s = ConvStepper.start(setup(7, 3, 3, 0, 1, 1));
        assertTrue(s.problem().isEmpty());
        assertEquals(4, s.count());
        ConvStep last = s.step(3);
        assertEquals(3, last.top());
        assertEquals(3, last.left());
        assertEquals(1, s.setup().ignoredColumns());
        // 8 wide: windows at 0 and 3 cover columns 0..5; columns 6 and 7 are ignored, the next window hangs 1 over
        ConvSetup eight = setup(8, 3, 3, 0, 1, 1);
        assertEquals(2, eight.outputWidth());
        assertEquals(2, eight.ignoredColumns());
        assertTrue(eight.rounding().orElseThrow().contains("hanging 1 cell over the edge"), eight.rounding().orElseThrow());
        assertTrue(eight.rounding().orElseThrow().contains("the last 2 rows and 2 columns"), eight.rounding().orElseThrow());
        assertTrue(setup(7, 3, 2, 0, 1, 1).rounding().isEmpty(), "(7 − 3)/2 is whole");
    }

    @Test
    void poolWindowLargerThanTheInputIsExplained() {
        PoolStepper s = PoolStepper.start(Volume.of(new float[][] {{1, 2}, {3, 4}}), PoolSpec.Kind.MAX, 3, 1);
        assertTrue(s.problem().orElseThrow().contains("does not fit"));
        assertEquals(0, s.count());
        assertEquals(s.problem().orElseThrow(), s.explain());
    }

    @Test
    void reluTurnsNegativesToZero() {
        ReluStepper s = ReluStepper.start(Volume.of(new float[][] {{-2, 3}, {0, -0.5f}}));
        assertArrayEquals(new float[] {0, 3, 0, 0}, s.at(4).output());
        assertTrue(s.at(1).explain().contains("negative → 0"));
    }

    @Test
    void denseAddsProductsThenBias() {
        DenseStepper s = DenseStepper.start(new float[] {1, -2, 3}, new float[] {1, 2, 3, -1, 0, 1}, new float[] {0.5f, -1}, 0);
        assertEquals(1, s.at(1).sum());
        assertEquals(-3, s.at(2).sum());
        assertEquals(6, s.at(3).sum());
        assertEquals(6.5f, s.at(4).sum());
        assertEquals(1, s.withNeuron(1).at(4).sum());
    }

    @Test
    void softmaxExponentialsSumDivision() {
        SoftmaxStepper s = SoftmaxStepper.start(new float[] {2, 1, 0.1f});
        double sum = Math.exp(2) + Math.exp(1) + Math.exp(0.1f);
        assertTrue(s.at(1).hasExp(0) && !s.at(1).hasExp(1));
        assertTrue(s.at(4).hasSum() && !s.at(3).hasSum());
        assertEquals(sum, s.sum(), 1e-9);
        assertEquals(Math.exp(2) / sum, s.probability(0), 1e-9);
        assertTrue(s.at(5).hasProbability(0) && !s.at(5).hasProbability(1));
        assertEquals(0.659, s.probability(0), 1e-3);
    }

    @Test
    void convolutionMatchesTheEngine() {
        ConvSetup setup = setup(9, 3, 2, 1, 4, 3);
        ConvLayer layer = ConvLayer.create(setup.spec(), setup.input().dims());
        float[] w = layer.weight().value();
        for (int f = 0; f < 4; f++) {
            float[] filter = setup.filters().get(f).values();
            System.arraycopy(filter, 0, w, f * filter.length, filter.length);
        }
        System.arraycopy(setup.bias(), 0, layer.bias().value(), 0, 4);
        float[] y = new float[layer.output().size()];
        layer.forward(KernelSelection.preferred(), setup.input().values(), y, 1, layer.newScratch(1));
        assertArrayEquals(y, ConvStepper.start(setup).result().values(), 1e-4f);
    }
}
