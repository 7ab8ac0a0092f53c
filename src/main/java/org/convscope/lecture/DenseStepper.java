package org.convscope.lecture;

/**
 * One neuron of a fully connected layer, y = Σ w·x + b, stepped one product at a time: position p ≤ n means the
 * first p products are added; position n + 1 adds the bias. {@code weights} holds every neuron's row, so the neuron
 * can be changed without a new layer.
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
            throw new IllegalArgumentException("neuron " + neuron + ", expected 0.." + (bias.length - 1));
        }
        position = Stepper.clamp(position, inputs.length + 1);
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

    public float weight(int input) {
        return weights[neuron * inputs.length + input];
    }

    /** w_i·x_i for the products added so far. */
    public float product(int input) {
        return weight(input) * inputs[input];
    }

    /** The sum so far, bias included at the last step. */
    public float sum() {
        float sum = 0;
        for (int i = 0; i < Math.min(position, inputs.length); i++) sum += product(i);
        return atEnd() ? sum + bias[neuron] : sum;
    }

    @Override
    public String explain() {
        if (position == 0) return "Start: neuron " + neuron + " multiplies each input by its weight, adds them and its bias.";
        if (atEnd()) {
            return "y[" + neuron + "] = Σ w·x + bias " + Numbers.format(bias[neuron]) + " = " + Numbers.format(sum());
        }
        int i = position - 1;
        return "w[" + i + "]·x[" + i + "] = " + Numbers.format(weight(i)) + " × " + Numbers.format(inputs[i]) + " = "
                + Numbers.format(product(i)) + ";  sum so far " + Numbers.format(sum());
    }
}
