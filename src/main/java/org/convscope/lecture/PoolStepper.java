package org.convscope.lecture;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.InvalidNetworkException;
import org.convscope.engine.spec.PoolSpec;

/** Pooling (max, average or L2 = √Σx²) stepped one window at a time; position p means p output cells are written. */
public record PoolStepper(Volume input, PoolSpec.Kind kind, int window, int stride, int position)
        implements Stepper<PoolStepper> {
    public PoolStepper {
        if (kind == null) throw new IllegalArgumentException("pooling kind missing");
        position = Stepper.clamp(position, count(input, kind, window, stride));
    }

    public static PoolStepper start(Volume input, PoolSpec.Kind kind, int window, int stride) {
        return new PoolStepper(input, kind, window, stride, 0);
    }

    private static int count(Volume input, PoolSpec.Kind kind, int window, int stride) {
        try {
            return spec(kind, window, stride).outputDims(input.dims()).size();
        } catch (InvalidNetworkException e) {
            return 0;
        }
    }

    private static PoolSpec spec(PoolSpec.Kind kind, int window, int stride) {
        return new PoolSpec("pooling", kind, window, stride);
    }

    @Override
    public int count() {
        return count(input, kind, window, stride);
    }

    @Override
    public PoolStepper at(int p) {
        return new PoolStepper(input, kind, window, stride, p);
    }

    /** Why the window does not fit, in words; empty when it does. */
    @Override
    public Optional<String> problem() {
        try {
            spec(kind, window, stride).outputDims(input.dims());
            return Optional.empty();
        } catch (InvalidNetworkException e) {
            return Optional.of(e.getMessage());
        }
    }

    public Dims outputDims() {
        return spec(kind, window, stride).outputDims(input.dims());
    }

    public Optional<PoolStep> current() {
        return position == 0 ? Optional.empty() : Optional.of(step(position - 1));
    }

    /** The window of output cell {@code index} ([channel][row][col] order). */
    public PoolStep step(int index) {
        Dims out = outputDims();
        if (index < 0 || index >= out.size()) {
            throw new IndexOutOfBoundsException("output cell " + index + ", expected 0.." + (out.size() - 1));
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

    @Override
    public String explain() {
        if (problem().isPresent()) return problem().get();
        String name = kind.name().toLowerCase(Locale.ROOT);
        if (position == 0) return "Start: " + name + " pooling, " + window + "×" + window + " windows, stride " + stride + ".";
        PoolStep s = step(position - 1);
        StringBuilder terms = new StringBuilder();
        for (float v : s.window()) terms.append(terms.isEmpty() ? "" : ", ").append(Numbers.format(v));
        String how = switch (kind) {
            case MAX -> "max(" + terms + ")";
            case AVERAGE -> "average(" + terms + ")";
            case L2 -> "√(sum of squares of " + terms + ")";
        };
        return "out[" + s.channel() + "][" + s.row() + "][" + s.col() + "] = " + how + " = " + Numbers.format(s.result());
    }
}
