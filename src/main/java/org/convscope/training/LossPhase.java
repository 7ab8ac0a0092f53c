package org.convscope.training;

import org.convscope.engine.Loss;

/**
 * Phase 2 of a training step: the loss of one sample, class by class. For cross-entropy the output is the softmax
 * probability p and the term of class i is −tᵢ·log pᵢ (only the true class counts); for squared error the output is
 * the network's output y and the term is ½(tᵢ − yᵢ)². The arrays must not be modified.
 *
 * @param target   the one-hot target t, [classes]
 * @param output   p or y, [classes]
 * @param terms    each class's share of the loss, [classes]
 * @param total    the loss the engine computed for the step (the sum of the terms)
 * @param gradient where the backward pass starts: dL/d logits = p − t (cross-entropy, through the softmax) or
 *                 dL/dy = y − t (squared error), [classes]
 */
public record LossPhase(Loss kind, int label, float[] target, float[] output, float[] terms, double total,
                        float[] gradient) {
    /** The loss of an output against its label, as {@link Loss#apply} computes it. */
    static LossPhase of(Loss kind, float[] y, boolean probabilities, int label, double engineTotal) {
        int classes = y.length;
        float[] target = new float[classes];
        target[label] = 1f;
        float[] gradient = new float[classes];
        kind.apply(y, 0, classes, label, probabilities, gradient, 1f);
        float[] output = y.clone();
        if (kind == Loss.CROSS_ENTROPY && !probabilities) {
            for (int i = 0; i < classes; i++) output[i] = gradient[i] + target[i];
        }
        float[] terms = new float[classes];
        for (int i = 0; i < classes; i++) {
            terms[i] = switch (kind) {
                case CROSS_ENTROPY -> i == label ? (float) -Math.log(Math.max(output[i], 1e-30f)) : 0f;
                case SQUARED_ERROR -> 0.5f * (target[i] - output[i]) * (target[i] - output[i]);
            };
        }
        return new LossPhase(kind, label, target, output, terms, engineTotal, gradient);
    }
}
