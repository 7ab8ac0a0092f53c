package org.convscope.engine.optim;

import java.util.List;
import org.convscope.engine.Param;

/** Applies {@link OptimizerConfig}'s update rule to a network's parameters; keeps the per-parameter state. */
public final class Optimizer {
    private final OptimizerConfig config;
    private final float[][] first;   // momentum velocity, or Adam's m; per parameter
    private final float[][] second;  // Adam's v; per parameter
    private long steps;

    public Optimizer(OptimizerConfig config, List<Param> params) {
        this.config = config;
        this.first = new float[params.size()][];
        this.second = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            if (config.kind() != OptimizerConfig.Kind.SGD) first[i] = new float[params.get(i).size()];
            if (config.kind() == OptimizerConfig.Kind.ADAM) second[i] = new float[params.get(i).size()];
        }
    }

    public OptimizerConfig config() {
        return config;
    }

    public long steps() {
        return steps;
    }

    /** One update of every parameter from its gradient (in params order), with learning rate lr. */
    public void step(List<Param> params, float[][] grads, float lr) {
        steps++;
        double correction1 = 1 - Math.pow(config.beta1(), steps);
        double correction2 = 1 - Math.pow(config.beta2(), steps);
        for (int i = 0; i < params.size(); i++) {
            Param param = params.get(i);
            float[] w = param.value();
            float[] g = grads[i];
            float decay = param.isWeight() ? config.weightDecay() : 0f;
            switch (config.kind()) {
                case SGD -> {
                    for (int j = 0; j < w.length; j++) w[j] -= lr * (g[j] + decay * w[j]);
                }
                case MOMENTUM -> {
                    float[] v = first[i];
                    float mu = config.momentum();
                    for (int j = 0; j < w.length; j++) {
                        v[j] = mu * v[j] + g[j] + decay * w[j];
                        w[j] -= lr * v[j];
                    }
                }
                case ADAM -> {
                    float[] m = first[i];
                    float[] v = second[i];
                    float b1 = config.beta1();
                    float b2 = config.beta2();
                    float stepSize = (float) (lr * Math.sqrt(correction2) / correction1);
                    float eps = (float) (config.epsilon() * Math.sqrt(correction2));
                    for (int j = 0; j < w.length; j++) {
                        float gj = g[j] + decay * w[j];
                        m[j] = b1 * m[j] + (1 - b1) * gj;
                        v[j] = b2 * v[j] + (1 - b2) * gj * gj;
                        w[j] -= stepSize * m[j] / ((float) Math.sqrt(v[j]) + eps);
                    }
                }
            }
            param.changed();
        }
    }

    /** The optimizer's state arrays (for saving a session): first moments then second moments; null where unused. */
    public float[][][] state() {
        return new float[][][] {first, second};
    }

    /**
     * Sets the state from a copy of {@link #state()} and the step count (which Adam's bias correction uses), to
     * resume a saved session or roll back to earlier weights. Arrays are copied; their shapes must match.
     */
    public void restore(float[][][] state, long steps) {
        if (steps < 0) throw new IllegalArgumentException("optimizer steps must be ≥ 0, got " + steps);
        copyInto(state[0], first, "first moment");
        copyInto(state[1], second, "second moment");
        this.steps = steps;
    }

    private static void copyInto(float[][] from, float[][] to, String what) {
        if (from.length != to.length) {
            throw new IllegalArgumentException(what + ": " + from.length + " parameters, expected " + to.length);
        }
        for (int i = 0; i < to.length; i++) {
            if ((from[i] == null) != (to[i] == null) || from[i] != null && from[i].length != to[i].length) {
                throw new IllegalArgumentException(what + " of parameter " + i + ": "
                        + (from[i] == null ? "none" : from[i].length + " values") + ", expected "
                        + (to[i] == null ? "none" : to[i].length + " values"));
            }
            if (to[i] != null) System.arraycopy(from[i], 0, to[i], 0, to[i].length);
        }
    }
}
