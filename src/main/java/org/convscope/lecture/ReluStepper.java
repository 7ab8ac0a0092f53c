package org.convscope.lecture;

import java.util.Arrays;

/** ReLU, max(0, x), applied one cell at a time: negative cells turn to zero. Position p means p cells are done. */
public record ReluStepper(Volume input, int position) implements Stepper<ReluStepper> {
    public ReluStepper {
        position = Stepper.clamp(position, input.values().length);
    }

    public static ReluStepper start(Volume input) {
        return new ReluStepper(input, 0);
    }

    @Override
    public int count() {
        return input.values().length;
    }

    @Override
    public ReluStepper at(int p) {
        return new ReluStepper(input, p);
    }

    /** The same map with one cell changed, at the same step. */
    public ReluStepper withInputValue(int index, float value) {
        float[] values = input.values().clone();
        values[index] = value;
        return new ReluStepper(new Volume(input.dims(), values), position);
    }

    /** max(0, x) for the cells done, NaN for the others. */
    public float[] output() {
        float[] out = new float[count()];
        Arrays.fill(out, Float.NaN);
        for (int i = 0; i < position; i++) out[i] = Math.max(0, input.values()[i]);
        return out;
    }

    /** The input's own style: ReLU writes no new numbers. */
    public NumberStyle numberStyle() {
        NumberStyle.Facts facts = new NumberStyle.Facts();
        for (float v : input.values()) facts.value(v);
        return NumberStyle.choose(facts);
    }

    /** "out[1, 2]" (or "out[1, 2, 3]" with several channels) of 0-based cell {@code index}. */
    public String cellName(int index) {
        int plane = input.height() * input.width();
        int c = index / plane;
        int row = index % plane / input.width();
        int col = index % input.width();
        return "out" + (input.channels() > 1 ? Notation.index(row, col, c) : Notation.index(row, col));
    }

    @Override
    public String explain() {
        if (position == 0) return "Start: ReLU keeps positive numbers and turns negative ones into 0.";
        NumberStyle style = numberStyle();
        float x = input.values()[position - 1];
        return cellName(position - 1) + " = max(0, " + style.format(x) + ") = " + style.format(Math.max(0, x))
                + (x < 0 ? "   (negative → 0)" : "");
    }

    @Override
    public String question() {
        String text = explain();
        int end = text.indexOf("   (");
        return Stepper.hideAfterSecondEquals(end < 0 ? text : text.substring(0, end));
    }
}
