package org.convscope.lecture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * softmax(z)_i = e^z_i / Σ_j e^z_j in three stages: positions 1..n take one exponential each, position n + 1 adds them
 * up, positions n + 2..2n + 1 divide one exponential each by the sum. Computed in double, so logits up to about 700
 * stay finite; that covers any trained classifier's logits. Exponentials are irrational: they are shown to three
 * decimals with "≈".
 */
public record SoftmaxStepper(float[] logits, int position) implements Stepper<SoftmaxStepper> {
    /** Three decimals for the exponentials, their sum and the probabilities, marked as rounded. */
    public static final NumberStyle ROUNDED = new NumberStyle(1, 3, true);

    public SoftmaxStepper {
        if (logits.length == 0) throw new IllegalArgumentException("softmax needs at least one logit");
        position = Stepper.clamp(position, 2 * logits.length + 1);
        logits = logits.clone();
    }

    public static SoftmaxStepper start(float[] logits) {
        return new SoftmaxStepper(logits, 0);
    }

    @Override
    public int count() {
        return 2 * logits.length + 1;
    }

    @Override
    public SoftmaxStepper at(int p) {
        return new SoftmaxStepper(logits, p);
    }

    /** Logit {@code i} changed, at the same step. */
    public SoftmaxStepper withLogit(int i, float value) {
        float[] z = logits.clone();
        z[i] = value;
        return new SoftmaxStepper(z, position);
    }

    /** Whether e^z_i has been taken yet. */
    public boolean hasExp(int i) {
        return position > i;
    }

    public double exp(int i) {
        return Math.exp(logits[i]);
    }

    public boolean hasSum() {
        return position > logits.length;
    }

    public double sum() {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) sum += exp(i);
        return sum;
    }

    public boolean hasProbability(int i) {
        return position > logits.length + 1 + i;
    }

    public double probability(int i) {
        return exp(i) / sum();
    }

    /** How the logits are written: exactly when some style can. */
    public NumberStyle logitStyle() {
        NumberStyle.Facts facts = new NumberStyle.Facts();
        for (float z : logits) facts.value(z);
        return NumberStyle.choose(facts);
    }

    @Override
    public String explain() {
        int n = logits.length;
        if (position == 0) return "Start: softmax turns the logits z into probabilities that add up to 1: p[i] = e^z[i] / Σ e^z.";
        if (position <= n) {
            int i = position - 1;
            return "e^z" + Notation.index(i) + " = e^" + Notation.term(logitStyle().format(logits[i])) + " ≈ "
                    + ROUNDED.format(exp(i));
        }
        if (position == n + 1) {
            List<String> terms = new ArrayList<>();
            for (int i = 0; i < n; i++) terms.add(ROUNDED.format(exp(i)));
            return "Σ e^z = " + Notation.sum(terms) + " ≈ " + ROUNDED.format(sum());
        }
        int i = position - n - 2;
        return "p" + Notation.index(i) + " = " + ROUNDED.format(exp(i)) + " / " + ROUNDED.format(sum()) + " ≈ "
                + ROUNDED.format(probability(i));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SoftmaxStepper s && Arrays.equals(logits, s.logits) && position == s.position;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(logits) * 31 + position;
    }

    @Override
    public String toString() {
        return "SoftmaxStepper" + Arrays.toString(logits) + " at " + position;
    }
}
