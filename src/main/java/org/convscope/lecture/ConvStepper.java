package org.convscope.lecture;

import java.util.Arrays;
import java.util.Optional;
import org.convscope.engine.Dims;

/**
 * A convolution stepped one output cell at a time, filter by filter, row by row. Position p means p cells are
 * written; the current window is the one of cell p − 1. A setup that does not fit has no steps and a problem.
 */
public record ConvStepper(ConvSetup setup, int position) implements Stepper<ConvStepper> {
    public ConvStepper {
        position = Stepper.clamp(position, count(setup));
    }

    public static ConvStepper start(ConvSetup setup) {
        return new ConvStepper(setup, 0);
    }

    private static int count(ConvSetup setup) {
        return setup.problem().isPresent() ? 0 : setup.outputDims().size();
    }

    @Override
    public int count() {
        return count(setup);
    }

    @Override
    public ConvStepper at(int p) {
        return new ConvStepper(setup, p);
    }

    @Override
    public Optional<String> problem() {
        return setup.problem();
    }

    /** The output shape, or empty when the setup does not fit. */
    public Optional<Dims> outputDims() {
        return problem().isPresent() ? Optional.empty() : Optional.of(setup.outputDims());
    }

    /** The step written last, or empty at the start. */
    public Optional<ConvStep> current() {
        return position == 0 ? Optional.empty() : Optional.of(step(position - 1));
    }

    /** Output index of cell (filter, row, col). */
    public int indexOf(int filter, int row, int col) {
        Dims out = setup.outputDims();
        return (filter * out.height() + row) * out.width() + col;
    }

    /** The computation of output cell {@code index} (in [filter][row][col] order). */
    public ConvStep step(int index) {
        Dims out = setup.outputDims();
        if (index < 0 || index >= out.size()) {
            throw new IndexOutOfBoundsException("output cell " + index + ", expected 0.." + (out.size() - 1));
        }
        int plane = out.height() * out.width();
        int f = index / plane;
        int row = index % plane / out.width();
        int col = index % out.width();
        int k = setup.kernel();
        int depth = setup.depth();
        int top = row * setup.stride();
        int left = col * setup.stride();
        Volume filter = setup.filters().get(f);
        float[] window = new float[depth * k * k];
        float[] products = new float[depth * k * k];
        float[] sums = new float[depth];
        float total = 0;
        for (int c = 0; c < depth; c++) {
            float sum = 0;
            for (int y = 0; y < k; y++) {
                for (int x = 0; x < k; x++) {
                    int i = (c * k + y) * k + x;
                    window[i] = setup.paddedAt(c, top + y, left + x);
                    products[i] = window[i] * filter.at(c, y, x);
                    sum += products[i];
                }
            }
            sums[c] = sum;
            total += sum;
        }
        float bias = setup.bias()[f];
        return new ConvStep(f, row, col, top, left, window, products, sums, bias, total + bias);
    }

    /** The output so far: written cells hold their value, the others NaN. Empty when the setup does not fit. */
    public float[] output() {
        if (problem().isPresent()) return new float[0];
        float[] out = new float[setup.outputDims().size()];
        Arrays.fill(out, Float.NaN);
        for (int i = 0; i < position; i++) out[i] = step(i).total();
        return out;
    }

    /** The whole output, as after the last step. */
    public Volume result() {
        return new Volume(setup.outputDims(), at(count()).output());
    }

    @Override
    public String explain() {
        if (problem().isPresent()) return problem().get();
        if (position == 0) return "Start: the kernel is about to slide over the input.";
        ConvStep s = step(position - 1);
        StringBuilder text = new StringBuilder("out[" + s.filter() + "][" + s.row() + "][" + s.col() + "] = ");
        if (s.channelSums().length > 1) {
            for (int c = 0; c < s.channelSums().length; c++) {
                text.append(c == 0 ? "" : " + ").append(Numbers.format(s.channelSums()[c]));
            }
            text.append(" (one sum per channel)");
        } else {
            text.append("sum of products ").append(Numbers.format(s.channelSums()[0]));
        }
        return text.append(" + bias ").append(Numbers.format(s.bias())).append(" = ")
                .append(Numbers.format(s.total())).toString();
    }
}
