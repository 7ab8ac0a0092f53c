package org.convscope.lecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.InvalidNetworkException;

/**
 * A convolution to step through: the input, the filters (each depth × K × K, depth = input channels), one bias per
 * filter, the stride and the zero padding. Stride and padding may be any number here: a combination that does not fit
 * is not an error but a {@link #problem()} explained in words by {@link ConvSpec}.
 */
public record ConvSetup(Volume input, List<Volume> filters, float[] bias /* [filters] */, int stride, int padding) {
    public ConvSetup {
        filters = List.copyOf(filters);
        if (filters.isEmpty()) throw new IllegalArgumentException("a convolution needs at least one filter");
        Dims first = filters.getFirst().dims();
        for (int f = 0; f < filters.size(); f++) {
            Dims d = filters.get(f).dims();
            if (d.channels() != input.channels()) {
                throw new IllegalArgumentException("filter " + f + " has depth " + d.channels()
                        + ", expected the input depth " + input.channels());
            }
            if (!d.equals(first)) throw new IllegalArgumentException("filter " + f + " is " + d + ", filter 0 is " + first);
        }
        if (first.height() != first.width()) {
            throw new IllegalArgumentException("filters must be square, got " + first.height() + "×" + first.width());
        }
        if (bias.length != filters.size()) {
            throw new IllegalArgumentException("bias has " + bias.length + " values, expected one per filter: " + filters.size());
        }
    }

    /** One filter, no bias. */
    public static ConvSetup single(Volume input, Volume filter, int stride, int padding) {
        return new ConvSetup(input, List.of(filter), new float[1], stride, padding);
    }

    public int kernel() {
        return filters.getFirst().height();
    }

    public int depth() {
        return input.channels();
    }

    /** The engine's description of this convolution, whose checks say what does not fit. */
    public ConvSpec spec() {
        return ConvSpec.square("convolution", filters.size(), kernel(), stride, padding);
    }

    /** Why this combination does not fit, in words; empty when it does. */
    public Optional<String> problem() {
        try {
            spec().outputDims(input.dims());
            return Optional.empty();
        } catch (InvalidNetworkException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The output shape; throws {@link InvalidNetworkException} explaining a combination that does not fit. */
    public Dims outputDims() {
        return spec().outputDims(input.dims());
    }

    /** The same convolution with one number of filter {@code filter} changed, at {@code index} in [depth][k][k]. */
    public ConvSetup withFilterValue(int filter, int index, float value) {
        if (filter < 0 || filter >= filters.size()) {
            throw new IllegalArgumentException("filter " + filter + ", expected 0.." + (filters.size() - 1));
        }
        Volume old = filters.get(filter);
        if (index < 0 || index >= old.values().length) {
            throw new IllegalArgumentException("filter cell " + index + ", expected 0.." + (old.values().length - 1));
        }
        float[] values = old.values().clone();
        values[index] = value;
        List<Volume> changed = new ArrayList<>(filters);
        changed.set(filter, new Volume(old.dims(), values));
        return new ConvSetup(input, changed, bias, stride, padding);
    }

    /** Height of the input bordered by zeros. */
    public int paddedHeight() {
        return input.height() + 2 * Math.max(0, padding);
    }

    public int paddedWidth() {
        return input.width() + 2 * Math.max(0, padding);
    }

    /** The input at row y, column x of the padded input: 0 on the border. */
    public float paddedAt(int c, int y, int x) {
        int iy = y - padding;
        int ix = x - padding;
        boolean inside = iy >= 0 && iy < input.height() && ix >= 0 && ix < input.width();
        return inside ? input.at(c, iy, ix) : 0;
    }

    /** O = (W − K + 2P)/S + 1 with the current numbers, per axis when height and width differ. */
    public String formula() {
        String w = OutputSize.formula(input.width(), kernel(), padding, stride);
        if (input.height() == input.width()) return w;
        return "width: " + w + "   height: " + OutputSize.formula(input.height(), kernel(), padding, stride);
    }
}
