package org.convscope.lecture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convscope.engine.Dims;

/**
 * A convolution stepped one output cell at a time, filter by filter, row by row. Position p means p cells are
 * written; the current window is the one of cell p − 1. A setup whose division is not whole is stepped as the
 * frameworks compute it (rounded down); one where nothing fits has no steps and a problem.
 */
public record ConvStepper(ConvSetup setup, int position) implements Stepper<ConvStepper> {
    /** Number styles of the last few setups: choosing one looks at every step. */
    private static final Map<ConvSetup, NumberStyle> STYLES = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ConvSetup, NumberStyle> eldest) {
            return size() > 8;
        }
    };

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

    /** The output shape, or empty when nothing fits. */
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
            throw new IndexOutOfBoundsException("output cell " + index + ", expected 0 to " + (out.size() - 1));
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

    /** The output so far: written cells hold their value, the others NaN. Empty when nothing fits. */
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

    /**
     * How this convolution writes its numbers so that the screen adds up: every product of a shown input and weight,
     * every channel's sum of products and every total (channel sums and bias) are checked, over all steps.
     */
    public NumberStyle numberStyle() {
        synchronized (STYLES) {
            NumberStyle style = STYLES.get(setup);
            if (style != null) return style;
        }
        NumberStyle.Facts facts = new NumberStyle.Facts();
        for (float v : setup.input().values()) facts.value(v);
        for (float b : setup.bias()) facts.value(b);
        for (Volume f : setup.filters()) for (float w : f.values()) facts.value(w);
        int n = count();
        int k2 = setup.kernel() * setup.kernel();
        for (int i = 0; i < n; i++) {
            ConvStep s = step(i);
            Volume filter = setup.filters().get(s.filter());
            double[] sums = new double[s.channelSums().length + 1];
            for (int c = 0; c < s.channelSums().length; c++) {
                double[] terms = new double[k2];
                for (int j = 0; j < k2; j++) {
                    facts.product(s.window()[c * k2 + j], filter.values()[c * k2 + j]);
                    terms[j] = s.products()[c * k2 + j];
                }
                facts.sum(terms, s.channelSums()[c]);
                sums[c] = s.channelSums()[c];
            }
            sums[sums.length - 1] = s.bias();
            facts.sum(sums, s.total());
        }
        NumberStyle style = NumberStyle.choose(facts);
        synchronized (STYLES) {
            STYLES.put(setup, style);
        }
        return style;
    }

    /** The terms of the total as the sum line writes them: the channel sums (or the one sum of products) and b. */
    public static List<String> termNames(int depth) {
        List<String> names = new ArrayList<>();
        if (depth == 1) names.add("Σ w·x");
        for (int c = 0; depth > 1 && c < depth; c++) names.add("Σ" + (depth == 3 ? Notation.channel(c, 3) : c + 1 + ""));
        names.add("b");
        return names;
    }

    /** "out[1, 3]", or "out[1, 3, 2]" with several filters: the output cell of a step, counted from 1. */
    public String cellName(ConvStep s) {
        return "out" + (setup.filters().size() > 1 ? Notation.index(s.row(), s.col(), s.filter())
                : Notation.index(s.row(), s.col()));
    }

    @Override
    public String explain() {
        if (problem().isPresent()) return problem().get();
        if (position == 0) {
            int k = setup.kernel();
            return "Start: the " + Notation.size(k, k) + " filter is about to slide over the "
                    + Notation.size(setup.input().height(), setup.input().width()) + " input"
                    + (setup.padding() > 0 ? " bordered by " + setup.padding() + " ring" + (setup.padding() > 1 ? "s" : "")
                    + " of zeros." : ".");
        }
        ConvStep s = step(position - 1);
        return cellName(s) + " = " + String.join(" + ", termNames(s.channelSums().length)) + " = " + arithmetic(s);
    }

    /** The channel sums and the bias added up in the frame's style: "64 + 64 + 635 + 0 = 763" ("≈" if rounded). */
    public String arithmetic(ConvStep s) {
        NumberStyle style = numberStyle();
        List<String> values = new ArrayList<>();
        for (float sum : s.channelSums()) values.add(style.format(sum));
        values.add(style.format(s.bias()));
        double[] terms = new double[s.channelSums().length + 1];
        for (int c = 0; c < s.channelSums().length; c++) terms[c] = s.channelSums()[c];
        terms[terms.length - 1] = s.bias();
        String equals = style.addsUp(terms, s.total()) ? " = " : " ≈ ";
        return Notation.sum(values) + equals + style.format(s.total());
    }
}
