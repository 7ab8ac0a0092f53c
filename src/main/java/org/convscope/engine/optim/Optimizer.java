package org.convscope.engine.optim;

import java.util.List;
import org.convscope.engine.Param;

/**
 * Applies {@link OptimizerConfig}'s update rule to a network's parameters; keeps the per-parameter state. Frozen
 * parameters ({@link #setFrozen}) are left as they are. A step may also measure its size relative to the weights,
 * ‖Δw‖/‖w‖ over every trained weight (not the biases), the update-to-weight ratio that tells a healthy step (around
 * 1e-3) from one that overwrites what was learnt.
 */
public final class Optimizer {
    private final OptimizerConfig config;
    private final float[][] first;   // momentum velocity, or Adam's m; per parameter
    private final float[][] second;  // Adam's v; per parameter
    private boolean[] frozen;        // per parameter; null: all train
    private float[] before = new float[0]; // a weight tensor before its update, when measuring
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

    /** Which parameters stay fixed (in params order; null: all train). Their state is kept but not used. */
    public void setFrozen(boolean[] frozenParams) {
        if (frozenParams != null && frozenParams.length != first.length) {
            throw new IllegalArgumentException("frozen: " + frozenParams.length + " flags for " + first.length
                    + " parameters");
        }
        frozen = frozenParams == null ? null : frozenParams.clone();
    }

    /** Whether parameter i stays fixed. */
    public boolean isFrozen(int param) {
        return frozen != null && frozen[param];
    }

    /** One update of every parameter from its gradient (in params order), with learning rate lr. */
    public void step(List<Param> params, float[][] grads, float lr) {
        step(params, grads, lr, false);
    }

    /**
     * {@link #step(List, float[][], float)}, and with {@code measure} its update-to-weight ratio
     * ‖w_after − w_before‖ / ‖w_before‖ over every trained weight tensor (NaN when not measured or the weights are all
     * zero). Measuring copies each weight tensor once, so a caller measures every few steps, not every one.
     */
    public double step(List<Param> params, float[][] grads, float lr, boolean measure) {
        steps++;
        double change = 0;
        double size = 0;
        double correction1 = 1 - Math.pow(config.beta1(), steps);
        double correction2 = 1 - Math.pow(config.beta2(), steps);
        for (int i = 0; i < params.size(); i++) {
            if (isFrozen(i)) continue;
            Param param = params.get(i);
            float[] w = param.value();
            float[] g = grads[i];
            boolean measured = measure && param.isWeight();
            if (measured) {
                if (before.length < w.length) before = new float[w.length];
                System.arraycopy(w, 0, before, 0, w.length);
            }
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
            if (measured) {
                for (int j = 0; j < w.length; j++) {
                    double d = (double) w[j] - before[j];
                    change += d * d;
                    size += (double) before[j] * before[j];
                }
            }
        }
        return size == 0 ? Double.NaN : Math.sqrt(change / size);
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
