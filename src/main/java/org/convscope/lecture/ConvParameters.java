package org.convscope.lecture;

import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.Dims;

/**
 * The numbers a lecturer can change on a convolution: input size W (square), kernel size K, stride S, zero padding P,
 * number of filters and input depth. Stride and padding may be anything; {@link ConvSetup#problem()} explains
 * combinations that do not fit. Sizes, filters and depth must be at least 1: there is no grid without them.
 */
public record ConvParameters(int inputSize, int kernel, int stride, int padding, int filters, int depth) {
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
     * The setup with these parameters, keeping every number of {@code old} that still has a place: grids are cropped
     * or extended, new input cells get whole numbers 0..9 and new kernel cells −1..1 (the same ones every time).
     */
    public ConvSetup applyTo(ConvSetup old) {
        Volume input = refit(old.input(), new Dims(depth, inputSize, inputSize), RandomVolume.integers(
                new Dims(depth, inputSize, inputSize), 0, 9, 1));
        List<Volume> kernels = new ArrayList<>();
        float[] bias = new float[filters];
        Dims k = new Dims(depth, kernel, kernel);
        for (int f = 0; f < filters; f++) {
            Volume fill = RandomVolume.integers(k, -1, 1, 100 + f);
            kernels.add(f < old.filters().size() ? refit(old.filters().get(f), k, fill) : fill);
            if (f < old.bias().length) bias[f] = old.bias()[f];
        }
        return new ConvSetup(input, kernels, bias, stride, padding);
    }

    /** {@code v} cropped or extended to {@code dims}, new cells taken from {@code fill}. */
    private static Volume refit(Volume v, Dims dims, Volume fill) {
        float[] values = fill.values().clone();
        for (int c = 0; c < Math.min(v.channels(), dims.channels()); c++) {
            for (int y = 0; y < Math.min(v.height(), dims.height()); y++) {
                for (int x = 0; x < Math.min(v.width(), dims.width()); x++) {
                    values[(c * dims.height() + y) * dims.width() + x] = v.at(c, y, x);
                }
            }
        }
        return new Volume(dims, values);
    }
}
