package org.convscope.lecture;

import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.Dims;

/**
 * The numbers a lecturer can change on a convolution: input size W (square), kernel size K, stride S, zero padding P,
 * number of filters and input depth. Stride and padding may be anything; {@link ConvSetup#problem()} and
 * {@link ConvSetup#rounding()} explain combinations that do not fit. Sizes, filters and depth must be at least 1:
 * there is no grid without them.
 */
public record ConvParameters(int inputSize, int kernel, int stride, int padding, int filters, int depth) {
    /** What a filter added by a larger filter count holds: whole numbers −1 to 1, seed 100 + its index from 0. */
    public static final String NEW_FILTERS = "new filters are random whole numbers −1 to 1";

    public ConvParameters {
        requirePositive("input size", inputSize);
        requirePositive("kernel size", kernel);
        requirePositive("number of filters", filters);
        requirePositive("input depth", depth);
    }

    private static void requirePositive(String what, int value) {
        if (value < 1) throw new IllegalArgumentException(what + " must be at least 1, got " + value);
    }

    /** The parameters of a setup (its input's width as the size). */
    public static ConvParameters of(ConvSetup s) {
        return new ConvParameters(s.input().width(), s.kernel(), s.stride(), s.padding(), s.filters().size(), s.depth());
    }

    /**
     * The setup with these parameters, keeping every number of {@code old} that still has a place; the cells a larger
     * size adds follow the rule of where the grid's numbers come from ({@link Origin#grow}): zeros, the preset at
     * the new size, or seeded random numbers. A new filter holds random whole numbers −1 to 1 ({@link #NEW_FILTERS}).
     */
    public ConvSetup applyTo(ConvSetup old) {
        Dims in = new Dims(depth, inputSize, inputSize);
        Volume input = old.input().dims().equals(in) ? old.input() : old.inputOrigin().grow(old.input(), in, false);
        List<Volume> kernels = new ArrayList<>();
        float[] bias = new float[filters];
        Dims k = new Dims(depth, kernel, kernel);
        for (int f = 0; f < filters; f++) {
            if (f < old.filters().size()) {
                Volume v = old.filters().get(f);
                kernels.add(v.dims().equals(k) ? v : old.filterOrigin().grow(v, k, true));
                bias[f] = old.bias()[f];
            } else {
                kernels.add(RandomVolume.integers(k, -1, 1, 100 + f));
            }
        }
        return new ConvSetup(input, kernels, bias, stride, padding, old.inputOrigin(), old.filterOrigin());
    }
}
