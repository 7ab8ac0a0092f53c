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

    /** max(0, x) for the cells done, NaN for the others. */
    public float[] output() {
        float[] out = new float[count()];
        Arrays.fill(out, Float.NaN);
        for (int i = 0; i < position; i++) out[i] = Math.max(0, input.values()[i]);
        return out;
    }

    @Override
    public String explain() {
        if (position == 0) return "Start: ReLU keeps positive numbers and turns negative ones into 0.";
        float x = input.values()[position - 1];
        return "relu(" + Numbers.format(x) + ") = max(0, " + Numbers.format(x) + ") = " + Numbers.format(Math.max(0, x))
                + (x < 0 ? "   (negative → 0)" : "");
    }
}
