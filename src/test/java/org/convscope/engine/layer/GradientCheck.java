package org.convscope.engine.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.convscope.engine.kernel.Kernels;

/**
 * Central finite differences against a layer's backward pass, for the scalar function L = Σ r·y with a fixed random
 * r (so dL/dy = r). Each analytic derivative g must match its estimate e = (L(θ+ε) − L(θ−ε)) / 2ε within
 * rtol·|g| + atol·max|g|; the maximum must not be zero, so a layer whose gradient is missing cannot pass. Layers
 * with several inputs are checked against each of them.
 */
final class GradientCheck {
    private final Layer layer;
    private final Kernels kernels;
    private final int n;
    private final float[][] xs;     // per input: [n × input]
    private final float[] r;        // [n × output]
    private final Layer.Scratch scratch;
    private final float[] y;        // [n × output]

    GradientCheck(Layer layer, Kernels kernels, int n, float[] x, long seed) {
        this(layer, kernels, n, new float[][] {x}, seed);
    }

    GradientCheck(Layer layer, Kernels kernels, int n, float[][] xs, long seed) {
        this.layer = layer;
        this.kernels = kernels;
        this.n = n;
        this.xs = xs;
        this.scratch = layer.newScratch(n);
        this.y = new float[n * layer.output().size()];
        SplittableRandom random = new SplittableRandom(seed);
        r = new float[y.length];
        for (int i = 0; i < r.length; i++) r[i] = (float) random.nextDouble(-1, 1);
    }

    /** Fills every parameter with values in [−1, 1). */
    static void randomizeParams(Layer layer, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (var p : layer.params()) {
            float[] v = p.value();
            for (int i = 0; i < v.length; i++) v[i] = (float) random.nextDouble(-1, 1);
        }
    }

    private double loss() {
        for (var p : layer.params()) p.changed();
        layer.forward(kernels, xs, y, n, scratch);
        double sum = 0;
        for (int i = 0; i < y.length; i++) sum += (double) r[i] * y[i];
        return sum;
    }

    private double numeric(float[] values, int i, float eps) {
        float saved = values[i];
        values[i] = saved + eps;
        double plus = loss();
        values[i] = saved - eps;
        double minus = loss();
        values[i] = saved;
        return (plus - minus) / (2.0 * eps);
    }

    /** Checks dL/dx of every input and dL/dparam for every element. */
    void run(float eps, double rtol, double atol) {
        loss();
        float[][] dxs = new float[xs.length][];
        for (int j = 0; j < xs.length; j++) dxs[j] = new float[xs[j].length];
        float[][] grads = new float[layer.params().size()][];
        for (int p = 0; p < grads.length; p++) grads[p] = new float[layer.params().get(p).size()];
        layer.backward(kernels, xs, y, r.clone(), dxs, n, scratch, grads);
        for (int j = 0; j < xs.length; j++) compare(xs.length == 1 ? "dL/dx" : "dL/dx" + j, xs[j], dxs[j], eps, rtol, atol);
        for (int p = 0; p < grads.length; p++) {
            compare("dL/d" + layer.params().get(p).name(), layer.params().get(p).value(), grads[p], eps, rtol, atol);
        }
    }

    private void compare(String what, float[] values, float[] analytic, float eps, double rtol, double atol) {
        double max = 0;
        for (float g : analytic) max = Math.max(max, Math.abs(g));
        String where = layer.spec().describe() + " with " + kernels.name() + ", " + what;
        assertTrue(max > 0, where + ": the gradient is all zero");
        for (int i = 0; i < values.length; i++) {
            double estimate = numeric(values, i, eps);
            double tolerance = rtol * Math.abs(analytic[i]) + atol * max;
            assertTrue(Math.abs(estimate - analytic[i]) <= tolerance, where + "[" + i + "]: backward gives "
                    + analytic[i] + ", finite differences " + estimate + " (tolerance " + tolerance + ")");
        }
    }
}
