package org.convscope.lecture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.PoolSpec;

/**
 * Pooling stepped one window at a time; position p means p output cells are written. Max keeps the largest number,
 * average divides the sum by F², L2 takes √Σx². A window that does not divide the input evenly is rounded down, as the
 * frameworks do: O = ⌊(W − F)/S⌋ + 1.
 */
public record PoolStepper(Volume input, PoolSpec.Kind kind, int window, int stride, int position)
        implements Stepper<PoolStepper> {
    public PoolStepper {
        if (kind == null) throw new IllegalArgumentException("pooling kind missing");
        position = Stepper.clamp(position, count(input, window, stride));
    }

    public static PoolStepper start(Volume input, PoolSpec.Kind kind, int window, int stride) {
        return new PoolStepper(input, kind, window, stride, 0);
    }

    private static int count(Volume input, int window, int stride) {
        int h = OutputSize.of(input.height(), window, 0, stride);
        int w = OutputSize.of(input.width(), window, 0, stride);
        return window < 1 ? 0 : input.channels() * h * w;
    }

    @Override
    public int count() {
        return count(input, window, stride);
    }

    @Override
    public PoolStepper at(int p) {
        return new PoolStepper(input, kind, window, stride, p);
    }

    /** The same pooling of an input with one cell changed, at the same step. */
    public PoolStepper withInputValue(int index, float value) {
        float[] values = input.values().clone();
        values[index] = value;
        return new PoolStepper(new Volume(input.dims(), values), kind, window, stride, position);
    }

    /** Another kind, window or stride, from the start. */
    public PoolStepper with(PoolSpec.Kind k, int f, int s) {
        return new PoolStepper(input, k, f, s, 0);
    }

    /** "max", "average" or "L2". */
    public String kindName() {
        return kind == PoolSpec.Kind.L2 ? "L2" : kind.name().toLowerCase(Locale.ROOT);
    }

    /** What a window becomes, in words: "keeps its largest number", "is averaged", "becomes √(sum of squares)". */
    public String rule() {
        return switch (kind) {
            case MAX -> "keeps its largest number";
            case AVERAGE -> "becomes the average of its numbers";
            case L2 -> "becomes the square root of the sum of its squares";
        };
    }

    /** Why the window does not fit, in words; empty when it does. */
    @Override
    public Optional<String> problem() {
        if (window < 1) return Optional.of("A pooling window must be at least 1×1, got " + Numbers.format(window) + ".");
        if (stride < 1) return Optional.of("A stride of " + Numbers.format(stride) + " never moves the window: the stride must be at least 1.");
        if (window > input.height() || window > input.width()) {
            return Optional.of("A " + Notation.size(window, window) + " window does not fit the "
                    + Notation.size(input.height(), input.width()) + " input: use a window of at most "
                    + Notation.size(Math.min(input.height(), input.width()), Math.min(input.height(), input.width())) + ".");
        }
        return Optional.empty();
    }

    /** O = (W − F)/S + 1 with the current numbers, per axis when height and width differ. */
    public String formula() {
        String w = OutputSize.poolFormula(input.width(), window, stride);
        if (input.height() == input.width()) return w;
        return "width: " + w + "   height: " + OutputSize.poolFormula(input.height(), window, stride);
    }

    public Dims outputDims() {
        if (problem().isPresent()) throw new IllegalStateException(problem().get());
        return new Dims(input.channels(), OutputSize.of(input.height(), window, 0, stride),
                OutputSize.of(input.width(), window, 0, stride));
    }

    public Optional<PoolStep> current() {
        return position == 0 ? Optional.empty() : Optional.of(step(position - 1));
    }

    /** The window of output cell {@code index} ([channel][row][col] order). */
    public PoolStep step(int index) {
        Dims out = outputDims();
        if (index < 0 || index >= out.size()) {
            throw new IndexOutOfBoundsException("output cell " + index + ", expected 0 to " + (out.size() - 1));
        }
        int plane = out.height() * out.width();
        int c = index / plane;
        int row = index % plane / out.width();
        int col = index % out.width();
        int top = row * stride;
        int left = col * stride;
        float[] values = new float[window * window];
        int winner = 0;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = input.at(c, top + i / window, left + i % window);
            if (values[i] > values[winner]) winner = i;
            sum += values[i];
            squares += (double) values[i] * values[i];
        }
        float result = switch (kind) {
            case MAX -> values[winner];
            case AVERAGE -> (float) (sum / values.length);
            case L2 -> (float) Math.sqrt(squares);
        };
        return new PoolStep(c, row, col, top, left, values, kind == PoolSpec.Kind.MAX ? winner : -1, result);
    }

    /** Written cells hold their value, the others NaN. */
    public float[] output() {
        float[] out = new float[count()];
        Arrays.fill(out, Float.NaN);
        for (int i = 0; i < position; i++) out[i] = step(i).result();
        return out;
    }

    /**
     * How the frame writes its numbers: the inputs and every output exactly if some style can; outputs that only a
     * fraction would show exactly (an average of 1/9) are rounded instead, since the arithmetic shows the fraction.
     */
    public NumberStyle numberStyle() {
        NumberStyle.Facts inputs = new NumberStyle.Facts();
        NumberStyle.Facts all = new NumberStyle.Facts();
        for (float v : input.values()) {
            inputs.value(v);
            all.value(v);
        }
        for (float v : at(count()).output()) all.value(v);
        NumberStyle style = NumberStyle.choose(all);
        NumberStyle in = NumberStyle.choose(inputs);
        if (!style.approximate() && style.denominator() == in.denominator()) return style;
        return in.denominator() > 1 || in.approximate() ? style : new NumberStyle(1, Math.max(2, in.decimals()), true);
    }

    /** "out[1, 2]", or "out[1, 2, 3]" with several channels. */
    public String cellName(PoolStep s) {
        return "out" + (input.channels() > 1 ? Notation.index(s.row(), s.col(), s.channel()) : Notation.index(s.row(), s.col()));
    }

    /**
     * The arithmetic of one window with its intermediate values: "max(1, 1, 5, 6) = 6", "(1 + 1 + 5 + 6)/4 = 13/4 =
     * 3.25", "√(1² + 1² + 5² + 6²) = √63 ≈ 7.94".
     */
    public String arithmetic(PoolStep s, NumberStyle style) {
        List<String> terms = new ArrayList<>();
        double sum = 0;
        double squares = 0;
        for (float v : s.window()) {
            terms.add(style.format(v));
            sum += v;
            squares += (double) v * v;
        }
        String result = (style.exact(s.result()) && closeTo(s.result(), kind == PoolSpec.Kind.L2 ? Math.sqrt(squares)
                : kind == PoolSpec.Kind.AVERAGE ? sum / s.window().length : s.result()) ? " = " : " ≈ ")
                + style.format(s.result());
        return switch (kind) {
            case MAX -> "max(" + String.join(", ", terms) + ")" + result;
            case AVERAGE -> "(" + Notation.sum(terms) + ")/" + s.window().length + " = " + style.format(sum) + "/"
                    + s.window().length + result;
            case L2 -> {
                List<String> squared = new ArrayList<>();
                for (String t : terms) squared.add(Notation.term(t) + "²");
                yield "√(" + String.join(" + ", squared) + ") = √" + style.format(squares) + result;
            }
        };
    }

    private static boolean closeTo(float shown, double exact) {
        return Math.abs(shown - exact) <= 1e-6 * Math.max(1, Math.abs(exact));
    }

    @Override
    public String explain() {
        if (problem().isPresent()) return problem().get();
        if (position == 0) {
            return "Start: " + kindName() + " pooling, " + Notation.size(window, window) + " windows, stride " + stride
                    + ": each window " + rule() + ".";
        }
        PoolStep s = step(position - 1);
        return cellName(s) + " = " + arithmetic(s, numberStyle());
    }
}
