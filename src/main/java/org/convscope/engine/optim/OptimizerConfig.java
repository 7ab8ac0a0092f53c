package org.convscope.engine.optim;

/**
 * How parameters are updated from their gradient g:
 * SGD: w ← w − η·g; momentum: v ← μ·v + g, w ← w − η·v; Adam: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
 * w ← w − η·m̂/(√v̂ + ε) with bias-corrected m̂, v̂. Weight decay λ adds λ·w to the gradient of weights (not biases).
 */
public record OptimizerConfig(Kind kind, float learningRate, float momentum, float beta1, float beta2, float epsilon,
                              float weightDecay) {
    public enum Kind { SGD, MOMENTUM, ADAM }

    public OptimizerConfig {
        if (kind == null) throw new IllegalArgumentException("optimizer kind missing");
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        if (!(weightDecay >= 0) || !Float.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be ≥ 0, got " + weightDecay);
        }
    }

    public static OptimizerConfig sgd(float lr) {
        return new OptimizerConfig(Kind.SGD, lr, 0f, 0.9f, 0.999f, 1e-8f, 0f);
    }

    public static OptimizerConfig momentum(float lr, float momentum) {
        return new OptimizerConfig(Kind.MOMENTUM, lr, momentum, 0.9f, 0.999f, 1e-8f, 0f);
    }

    public static OptimizerConfig adam(float lr) {
        return new OptimizerConfig(Kind.ADAM, lr, 0f, 0.9f, 0.999f, 1e-8f, 0f);
    }

    public OptimizerConfig withLearningRate(float lr) {
        return new OptimizerConfig(kind, lr, momentum, beta1, beta2, epsilon, weightDecay);
    }

    public OptimizerConfig withWeightDecay(float decay) {
        return new OptimizerConfig(kind, learningRate, momentum, beta1, beta2, epsilon, decay);
    }
}
