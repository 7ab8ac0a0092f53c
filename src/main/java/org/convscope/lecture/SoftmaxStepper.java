package org.convscope.lecture;

/**
 * softmax(z)_i = e^z_i / Σ_j e^z_j in three stages: positions 1..n take one exponential each, position n + 1 adds them
 * up, positions n + 2..2n + 1 divide one exponential each by the sum. Computed in double, so logits up to about 700
 * stay finite; that covers any trained classifier's logits.
 */
public record SoftmaxStepper(float[] logits, int position) implements Stepper<SoftmaxStepper> {
    public SoftmaxStepper {
        if (logits.length == 0) throw new IllegalArgumentException("softmax needs at least one logit");
        position = Stepper.clamp(position, 2 * logits.length + 1);
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

    @Override
    public String explain() {
        int n = logits.length;
        if (position == 0) return "Start: softmax turns the logits into probabilities that add up to 1.";
        if (position <= n) {
            int i = position - 1;
            return "e^z[" + i + "] = e^" + Numbers.format(logits[i]) + " = " + Numbers.format(exp(i));
        }
        if (position == n + 1) return "sum of the exponentials = " + Numbers.format(sum());
        int i = position - n - 2;
        return "p[" + i + "] = " + Numbers.format(exp(i)) + " / " + Numbers.format(sum()) + " = "
                + Numbers.format(probability(i));
    }
}
