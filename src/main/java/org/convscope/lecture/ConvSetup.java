package org.convscope.lecture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.ConvSpec;

/**
 * A convolution to step through: the input, the filters (each depth × K × K, depth = input channels), one bias per
 * filter, the stride and the zero padding, and where the input's and the filters' numbers come from. Stride and
 * padding may be any number here: when (W − K + 2P)/S is not whole, the output is rounded down as the frameworks do
 * ({@link #roundsDown()}) and the last rows and columns are ignored; when nothing fits at all, {@link #problem()} says
 * why in words and there is no output.
 */
public record ConvSetup(Volume input, List<Volume> filters, float[] bias /* [filters] */, int stride, int padding,
                        Origin inputOrigin, Origin filterOrigin) {
    public ConvSetup {
        filters = List.copyOf(filters);
        if (filters.isEmpty()) throw new IllegalArgumentException("a convolution needs at least one filter");
        Dims first = filters.getFirst().dims();
        for (int f = 0; f < filters.size(); f++) {
            Dims d = filters.get(f).dims();
            if (d.channels() != input.channels()) {
                throw new IllegalArgumentException("filter " + (f + 1) + " has depth " + d.channels()
                        + ", expected the input depth " + input.channels());
            }
            if (!d.equals(first)) {
                throw new IllegalArgumentException("filter " + (f + 1) + " is " + Notation.size(d) + ", filter 1 is "
                        + Notation.size(first));
            }
        }
        if (first.height() != first.width()) {
            throw new IllegalArgumentException("filters must be square, got " + Notation.size(first.height(), first.width()));
        }
        if (bias.length != filters.size()) {
            throw new IllegalArgumentException("bias has " + bias.length + " values, expected one per filter: " + filters.size());
        }
        bias = bias.clone();
        if (inputOrigin == null) inputOrigin = Origin.written("the lesson's input");
        if (filterOrigin == null) filterOrigin = defaultFilterOrigin(filters);
    }

    /** Numbers without a stated origin: the lesson's input, and its filters (or the preset they are). */
    public ConvSetup(Volume input, List<Volume> filters, float[] bias, int stride, int padding) {
        this(input, filters, bias, stride, padding, null, null);
    }

    private static Origin defaultFilterOrigin(List<Volume> filters) {
        KernelPreset preset = filters.size() == 1 ? KernelPreset.matching(filters.getFirst()) : null;
        if (preset != null) return new Origin("the " + preset.label() + " preset", new Origin.Preset(preset));
        return Origin.written(filters.size() == 1 ? "the lesson's kernel" : "the lesson's filters");
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

    /** The engine's description of this convolution. */
    public ConvSpec spec() {
        return ConvSpec.square("convolution", filters.size(), kernel(), stride, padding);
    }

    /** Output rows, ⌊(H − K + 2P)/S⌋ + 1; 0 when nothing fits. */
    public int outputHeight() {
        return OutputSize.of(input.height(), kernel(), padding, stride);
    }

    /** Output columns, ⌊(W − K + 2P)/S⌋ + 1; 0 when nothing fits. */
    public int outputWidth() {
        return OutputSize.of(input.width(), kernel(), padding, stride);
    }

    /** Why there is no output at all, in words; empty when the filter fits at least once. */
    public Optional<String> problem() {
        if (stride < 1) {
            return Optional.of("A stride of " + Numbers.format(stride) + " never moves the filter: the stride must be at least 1.");
        }
        if (padding < 0) return Optional.of("The padding cannot be negative, got " + Numbers.format(padding) + ".");
        int k = kernel();
        if (k > paddedHeight() || k > paddedWidth()) {
            String in = Notation.size(input.height(), input.width());
            String padded = padding > 0 ? " padded to " + Notation.size(paddedHeight(), paddedWidth()) : "";
            int need = (k - Math.min(input.height(), input.width()) + 1) / 2;
            return Optional.of("A " + Notation.size(k, k) + " kernel does not fit the " + in + " input" + padded
                    + ": add padding of at least " + need + " or use a kernel of at most "
                    + Math.min(paddedHeight(), paddedWidth()) + "×" + Math.min(paddedHeight(), paddedWidth()) + ".");
        }
        return Optional.empty();
    }

    /** Whether (W − K + 2P)/S is not whole on some axis, so the output is rounded down and the last cells ignored. */
    public boolean roundsDown() {
        return problem().isEmpty() && (ignoredRows() > 0 || ignoredColumns() > 0);
    }

    /** Rows at the bottom of the padded input that no window covers once the output is rounded down. */
    public int ignoredRows() {
        return problem().isPresent() ? 0 : paddedHeight() - ((outputHeight() - 1) * stride + kernel());
    }

    /** Columns at the right of the padded input that no window covers once the output is rounded down. */
    public int ignoredColumns() {
        return problem().isPresent() ? 0 : paddedWidth() - ((outputWidth() - 1) * stride + kernel());
    }

    /**
     * What happens when the division is not whole, in words: the filter would hang over the edge, frameworks round
     * down and ignore the last rows and columns. Empty when it divides evenly.
     */
    public Optional<String> rounding() {
        if (!roundsDown()) return Optional.empty();
        int hang = stride - Math.max(ignoredRows(), ignoredColumns());
        int rows = ignoredRows();
        int cols = ignoredColumns();
        String ignored = rows == cols ? "the last " + count(rows, "row") + " and " + count(cols, "column")
                : (rows > 0 ? "the last " + count(rows, "row") : "") + (rows > 0 && cols > 0 ? " and " : "")
                + (cols > 0 ? "the last " + count(cols, "column") : "");
        return Optional.of("The next step would leave the filter hanging " + hang + (hang == 1 ? " cell" : " cells")
                + " over the edge."
                + " Frameworks round down and ignore " + ignored + ".");
    }

    private static String count(int n, String what) {
        return n == 1 ? what : n + " " + what + "s";
    }

    /** The output shape; throws IllegalStateException when nothing fits. */
    public Dims outputDims() {
        if (problem().isPresent()) throw new IllegalStateException(problem().get());
        return new Dims(filters.size(), outputHeight(), outputWidth());
    }

    /** The same convolution with one number of filter {@code filter} changed, at {@code index} in [depth][k][k]. */
    public ConvSetup withFilterValue(int filter, int index, float value) {
        if (filter < 0 || filter >= filters.size()) {
            throw new IllegalArgumentException("filter " + (filter + 1) + ", expected 1 to " + filters.size());
        }
        Volume old = filters.get(filter);
        if (index < 0 || index >= old.values().length) {
            throw new IllegalArgumentException("filter cell " + index + ", expected 0 to " + (old.values().length - 1));
        }
        float[] values = old.values().clone();
        values[index] = value;
        List<Volume> changed = new ArrayList<>(filters);
        changed.set(filter, new Volume(old.dims(), values));
        return new ConvSetup(input, changed, bias, stride, padding, inputOrigin, edited(filterOrigin));
    }

    /** The same convolution with one bias changed. */
    public ConvSetup withBias(int filter, float value) {
        float[] b = bias.clone();
        b[filter] = value;
        return new ConvSetup(input, filters, b, stride, padding, inputOrigin, filterOrigin);
    }

    /** "the sharpen preset" becomes "the sharpen preset, edited", which a larger size extends with zeros. */
    private static Origin edited(Origin o) {
        return o.words().endsWith(", edited") ? o : Origin.written(o.words() + ", edited");
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

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvSetup s && input.equals(s.input) && filters.equals(s.filters) && Arrays.equals(bias, s.bias)
                && stride == s.stride && padding == s.padding && inputOrigin.equals(s.inputOrigin)
                && filterOrigin.equals(s.filterOrigin);
    }

    @Override
    public int hashCode() {
        return ((input.hashCode() * 31 + filters.hashCode()) * 31 + Arrays.hashCode(bias)) * 31 + stride * 7 + padding;
    }

    @Override
    public String toString() {
        return "ConvSetup[input " + Notation.size(input.dims()) + ", " + filters.size() + " filters "
                + Notation.size(filters.getFirst().dims()) + ", stride " + stride + ", padding " + padding + "]";
    }
}
