package org.convscope.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.PoolSpec;
import org.junit.jupiter.api.Test;

/**
 * Item 4 of the lecture issue: the numbers a frame shows add up on screen. Each check parses what the screen shows
 * back into exact decimals or fractions and redoes the arithmetic with those, not with the floats behind them.
 */
class ArithmeticOnScreenTest {
    /** The exact value of a shown number: "−1/9", "0.25", "3". */
    private static BigDecimal shown(String text) {
        String t = text.replace('−', '-');
        int slash = t.indexOf('/');
        if (slash < 0) return new BigDecimal(t);
        return new BigDecimal(t.substring(0, slash)).divide(new BigDecimal(t.substring(slash + 1)), java.math.MathContext.DECIMAL128);
    }

    private static void assertAddsUp(List<String> terms, String sum) {
        BigDecimal total = BigDecimal.ZERO;
        for (String t : terms) total = total.add(shown(t));
        assertEquals(0, total.subtract(shown(sum)).abs().compareTo(new BigDecimal("1e-20")) <= 0 ? 0 : 1,
                terms + " shown as adding to " + sum);
    }

    @Test
    void aBoxBlurShowsNinthsAsFractionsAndTheirProductsAddUp() {
        Volume image = RandomVolume.integers(new Dims(1, 5, 5), 0, 9, 3);
        ConvStepper s = ConvStepper.start(ConvSetup.single(image, KernelPreset.BOX_BLUR.kernel(), 1, 0));
        NumberStyle style = s.numberStyle();
        assertEquals("1/9", style.format(KernelPreset.BOX_BLUR.kernel().values()[0]), "not 0.11");
        for (int i = 0; i < s.count(); i++) {
            ConvStep step = s.step(i);
            java.util.ArrayList<String> products = new java.util.ArrayList<>();
            for (int j = 0; j < 9; j++) {
                String product = style.format(step.products()[j]);
                products.add(product);
                BigDecimal expected = shown(style.format(step.window()[j])).multiply(shown("1/9"));
                assertTrue(expected.subtract(shown(product)).abs().compareTo(new BigDecimal("1e-20")) <= 0,
                        step.window()[j] + " × 1/9 shown as " + product);
            }
            assertAddsUp(products, style.format(step.total()));
        }
    }

    @Test
    void decimalProductsAreShownWithEnoughDigitsToAddToTheShownSum() {
        // weights such as 0.36 and −1.08: two decimals make the shown products add up exactly (−4.32, not −4.3)
        Volume input = Volume.of(new float[][] {{1, 2}, {3, 1}});
        Volume kernel = Volume.of(new float[][] {{0.36f, -1.08f}, {-0.9f, -0.36f}});
        ConvStepper s = ConvStepper.start(ConvSetup.single(input, kernel, 1, 0)).next();
        NumberStyle style = s.numberStyle();
        ConvStep step = s.current().orElseThrow();
        java.util.ArrayList<String> products = new java.util.ArrayList<>();
        for (float p : step.products()) products.add(style.format(p));
        assertEquals(List.of("0.36", "−2.16", "−2.7", "−0.36"), products);
        assertEquals("−4.86", style.format(step.total()));
        assertAddsUp(products, style.format(step.total()));
        assertTrue(s.explain().endsWith(" = −4.86"), s.explain());
    }

    @Test
    void whenNothingShownIsExactTheSumSaysApproximatelyAndTheExactValueIsOffered() {
        // each product 0.06315 shows as 0.06, their sum 0.18945 as 0.19: the shown products add to 0.18
        Volume input = Volume.of(new float[][] {{0.1263f, 0.1263f}, {0.1263f, 0}});
        Volume kernel = Volume.of(new float[][] {{0.5f, 0.5f}, {0.5f, 0.5f}});
        ConvStepper s = ConvStepper.start(ConvSetup.single(input, kernel, 1, 0)).next();
        NumberStyle style = s.numberStyle();
        assertTrue(style.approximate());
        ConvStep step = s.current().orElseThrow();
        double[] products = new double[4];
        for (int i = 0; i < 4; i++) products[i] = step.products()[i];
        assertFalse(style.addsUp(products, step.channelSums()[0]), "so the diagram writes Σ ≈ …");
        float total = step.total();
        assertFalse(style.exact(total));
        assertEquals(Float.toString(total), NumberStyle.exactText(total));
    }

    @Test
    void averageAndL2PoolingShowTheirIntermediateValues() {
        Volume map = Volume.of(new float[][] {{1, 1, 2, 4}, {5, 6, 7, 8}, {3, 2, 1, 0}, {1, 2, 3, 4}});
        PoolStepper avg = PoolStepper.start(map, PoolSpec.Kind.AVERAGE, 2, 2).next();
        assertEquals("out[1, 1] = (1 + 1 + 5 + 6)/4 = 13/4 = 3.25", avg.explain());
        PoolStepper l2 = PoolStepper.start(map, PoolSpec.Kind.L2, 2, 2).next();
        assertEquals("out[1, 1] = √(1² + 1² + 5² + 6²) = √63 ≈ 7.94", l2.explain());
        assertEquals("out[1, 1] = √(1² + 1² + 5² + 6²) = ?", l2.question());
        PoolStepper third = PoolStepper.start(Volume.of(new float[][] {{1, 0, 0}, {0, 0, 0}, {0, 0, 0}}),
                PoolSpec.Kind.AVERAGE, 3, 3).next();
        assertEquals("out[1, 1] = (1 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0)/9 = 1/9 ≈ 0.11", third.explain());
    }

    @Test
    void theNeuronShowsItsSumBeforeTheBias() {
        DenseStepper d = DenseStepper.start(new float[] {5, 7}, new float[] {0.5f, -1}, new float[] {0.25f}, 0);
        assertEquals("w[2]·x[2] = (−1) × 7 = −7;   Σ w·x so far = −4.5", d.at(2).explain());
        assertEquals("y = Σ w·x + b = −4.5 + 0.25 = −4.25", d.at(3).explain());
        assertEquals("y = Σ w·x + b = ?", d.at(3).question());
    }

    @Test
    void shownNumbersUseTheTrueMinusAndBracketNegativeTerms() {
        assertEquals("4 + (−1) + 2", Notation.sum(List.of("4", "−1", "2")));
        assertEquals("−0.5", new NumberStyle(1, 1, false).format(-0.5));
        assertEquals("0", new NumberStyle(1, 2, false).format(-0.0001));
        assertEquals("−1/16", new NumberStyle(16, 0, false).format(-1 / 16f));
    }
}
