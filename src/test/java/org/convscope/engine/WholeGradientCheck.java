package org.convscope.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * A whole network's gradients from {@link Workspace#backward} against central finite differences of its loss,
 * computed here in double from the network's output (probabilities, log-probabilities or logits, whatever it ends
 * with). Each derivative must match within 3e-2 of itself plus 2e-2 of its tensor's largest, and the whole gradient
 * within 5e-3 relative; a tensor whose gradient is all zero fails.
 */
final class WholeGradientCheck {
    private static final float EPS = 1e-3f;

    private final Workspace ws;
    private final int[] labels;
    private final Loss loss;
    private final String where;
    private double errorSquares;
    private double gradSquares;

    WholeGradientCheck(Workspace ws, int[] labels, Loss loss) {
        this.ws = ws;
        this.labels = labels;
        this.loss = loss;
        this.where = ws.kernels().name() + ", " + loss;
    }

    /** Summed loss of the batch, from the network's output, in double. */
    double loss() {
        for (Param p : ws.network().params()) p.changed();
        int batch = labels.length;
        ws.forward(batch);
        float[] y = ws.result();
        int classes = ws.network().numClasses();
        Loss.Output output = Loss.Output.of(ws.network().spec());
        float[] p = new float[classes];
        double sum = 0;
        for (int i = 0; i < batch; i++) {
            output.probabilities(y, i * classes, classes, p);
            for (int j = 0; j < classes; j++) {
                double v = y[i * classes + j];
                double target = j == labels[i] ? 1 : 0;
                sum += switch (loss) {
                    case CROSS_ENTROPY -> j != labels[i] ? 0 : output == Loss.Output.LOG_PROBABILITIES ? -v
                            : output == Loss.Output.PROBABILITIES ? -Math.log(v) : -Math.log(p[j]);
                    case SQUARED_ERROR -> 0.5 * (v - target) * (v - target);
                };
            }
        }
        return sum;
    }

    /** Runs forward and backward, returning the parameter gradients (copies) and, when asked, dL/d input. */
    float[][] analytic(boolean input) {
        ws.setInputGradient(input);
        ws.forward(labels.length);
        ws.zeroGrads();
        ws.backward(labels, 0, loss, 1f);
        List<Param> params = ws.network().params();
        float[][] grads = new float[params.size() + (input ? 1 : 0)][];
        for (int i = 0; i < params.size(); i++) grads[i] = ws.paramGrads()[i].clone();
        if (input) grads[params.size()] = java.util.Arrays.copyOf(ws.inputGrad(), labels.length * ws.network().input().size());
        return grads;
    }

    /** Checks the gradient of one tensor (values changed in place and restored) against finite differences. */
    void compare(String name, float[] values, float[] gradient) {
        double max = 0;
        for (float g : gradient) max = Math.max(max, Math.abs(g));
        assertTrue(max > 0, name + ": gradient all zero with " + where);
        for (int i = 0; i < gradient.length; i++) {
            float saved = values[i];
            values[i] = saved + EPS;
            double plus = loss();
            values[i] = saved - EPS;
            double minus = loss();
            values[i] = saved;
            double estimate = (plus - minus) / (2.0 * EPS);
            double tolerance = 3e-2 * Math.abs(gradient[i]) + 2e-2 * max + 2e-4;
            assertTrue(Math.abs(estimate - gradient[i]) <= tolerance, name + "[" + i + "] with " + where
                    + ": backward gives " + gradient[i] + ", finite differences " + estimate);
            errorSquares += (estimate - gradient[i]) * (estimate - gradient[i]);
            gradSquares += (double) gradient[i] * gradient[i];
        }
    }

    /** After every tensor: the relative error of the whole gradient. */
    void assertWholeAgrees() {
        double relative = Math.sqrt(errorSquares / gradSquares);
        assertTrue(relative < 5e-3, "relative error of the whole gradient with " + where + ": " + relative);
    }
}
