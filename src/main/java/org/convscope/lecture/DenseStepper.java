package org.convscope.lecture;

import java.util.Arrays;

/**
 * One neuron of a fully connected layer, y = Σ w·x + b, stepped one product at a time: position p ≤ n means the
 * first p products are added (at n the sum Σ w·x before the bias); position n + 1 adds the bias. {@code weights}
 * holds every neuron's row, so the neuron can be changed without a new layer. {@code neuron} counts from 0.
 */
public record DenseStepper(float[] inputs /* [n] */, float[] weights /* [units][n] */, float[] bias /* [units] */,
                           int neuron, int position) implements Stepper<DenseStepper> {
    public DenseStepper {
        if (inputs.length == 0) throw new IllegalArgumentException("a fully connected neuron needs at least one input");
        if (bias.length == 0 || weights.length != bias.length * inputs.length) {
            throw new IllegalArgumentException("weights has " + weights.length + " values, expected "
                    + bias.length + " units × " + inputs.length + " inputs");
        }
        if (neuron < 0 || neuron >= bias.length) {
            throw new IllegalArgumentException("neuron " + (neuron + 1) + ", expected 1 to " + bias.length);
        }
        position = Stepper.clamp(position, inputs.length + 1);
        inputs = inputs.clone();
        weights = weights.clone();
        bias = bias.clone();
    }

    public static DenseStepper start(float[] inputs, float[] weights, float[] bias, int neuron) {
        return new DenseStepper(inputs, weights, bias, neuron, 0);
    }

    public int units() {
        return bias.length;
    }

    @Override
    public int count() {
        return inputs.length + 1;
    }

    @Override
    public DenseStepper at(int p) {
        return new DenseStepper(inputs, weights, bias, neuron, p);
    }

    /** The same layer, another neuron, from the start. */
    public DenseStepper withNeuron(int n) {
        return new DenseStepper(inputs, weights, bias, n, 0);
    }

    /** Input {@code i} changed, at the same step. */
    public DenseStepper withInput(int i, float value) {
        float[] x = inputs.clone();
        x[i] = value;
        return new DenseStepper(x, weights, bias, neuron, position);
    }

    /** This neuron's weight {@code i} changed, at the same step. */
    public DenseStepper withWeight(int i, float value) {
        float[] w = weights.clone();
        w[neuron * inputs.length + i] = value;
        return new DenseStepper(inputs, w, bias, neuron, position);
    }

    /** This neuron's bias changed, at the same step. */
    public DenseStepper withBias(float value) {
        float[] b = bias.clone();
        b[neuron] = value;
        return new DenseStepper(inputs, weights, b, neuron, position);
    }

    public float weight(int input) {
        return weights[neuron * inputs.length + input];
    }

    /** w_i·x_i. */
    public float product(int input) {
        return weight(input) * inputs[input];
    }

    /** Σ w·x over the products added so far, without the bias. */
    public float weightedSum() {
        float sum = 0;
        for (int i = 0; i < Math.min(position, inputs.length); i++) sum += product(i);
        return sum;
    }

    /** The sum so far, bias included at the last step. */
    public float sum() {
        return atEnd() ? weightedSum() + bias[neuron] : weightedSum();
    }

    /** Exact products, sum and bias when some style can show them so; every neuron's numbers are checked. */
    public NumberStyle numberStyle() {
        NumberStyle.Facts facts = new NumberStyle.Facts();
        for (float x : inputs) facts.value(x);
        for (float b : bias) facts.value(b);
        for (int u = 0; u < units(); u++) {
            DenseStepper end = withNeuron(u).at(count());
            double[] terms = new double[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                facts.product(inputs[i], end.weight(i));
                terms[i] = end.product(i);
            }
            facts.sum(terms, end.weightedSum());
            facts.sum(new double[] {end.weightedSum(), bias[u]}, end.sum());
        }
        return NumberStyle.choose(facts);
    }

    @Override
    public String explain() {
        if (position == 0) {
            return "Start: neuron " + Notation.of(neuron, units())
                    + " multiplies each input by its weight, adds the products, then its bias b.";
        }
        NumberStyle style = numberStyle();
        if (atEnd()) {
            String eq = style.addsUp(new double[] {weightedSum(), bias[neuron]}, sum()) ? " = " : " ≈ ";
            return "y = Σ w·x + b = " + style.format(weightedSum()) + " + " + Notation.term(style.format(bias[neuron]))
                    + eq + style.format(sum());
        }
        int i = position - 1;
        return "w" + Notation.index(i) + "·x" + Notation.index(i) + " = " + Notation.term(style.format(weight(i))) + " × "
                + Notation.term(style.format(inputs[i])) + " = " + style.format(product(i)) + ";   Σ w·x so far = "
                + style.format(weightedSum());
    }

    @Override
    public String question() {
        String text = explain();
        int end = text.indexOf(";   ");
        return Stepper.hideAfterSecondEquals(end < 0 ? text : text.substring(0, end));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseStepper d && Arrays.equals(inputs, d.inputs) && Arrays.equals(weights, d.weights)
                && Arrays.equals(bias, d.bias) && neuron == d.neuron && position == d.position;
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(inputs) * 31 + Arrays.hashCode(weights)) * 31 + neuron * 7 + position;
    }

    @Override
    public String toString() {
        return "DenseStepper[neuron " + (neuron + 1) + " of " + units() + ", " + inputs.length + " inputs, at " + position + "]";
    }
}
