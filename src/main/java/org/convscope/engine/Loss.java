package org.convscope.engine;

import org.convscope.engine.layer.SoftmaxLayer;

/** Training losses for one sample with a one-hot target t. */
public enum Loss {
    /**
     * L = −log p_label with p = softmax(logits). Its gradient with respect to the logits is p − t, which is used
     * directly when the network ends with softmax (the softmax layer's own backward pass is skipped).
     */
    CROSS_ENTROPY,
    /** L = ½ Σ_i (t_i − y_i)², y the network's output (after softmax if the network ends with one); dL/dy = y − t. */
    SQUARED_ERROR;

    /**
     * The loss of one sample. {@code probabilities} says whether y[off, off + size) already holds softmax
     * probabilities. Writes scale·dL/d(logits) (cross-entropy) or scale·dL/dy (squared error) into grad.
     */
    public float apply(float[] y, int off, int size, int label, boolean probabilities, float[] grad, float scale) {
        return switch (this) {
            case CROSS_ENTROPY -> {
                if (!probabilities) SoftmaxLayer.softmax(y, grad, off, size);
                float[] p = probabilities ? y : grad;
                float loss = (float) -Math.log(Math.max(p[off + label], 1e-30f));
                for (int j = 0; j < size; j++) grad[off + j] = scale * (p[off + j] - (j == label ? 1f : 0f));
                yield loss;
            }
            case SQUARED_ERROR -> {
                float loss = 0f;
                for (int j = 0; j < size; j++) {
                    float diff = y[off + j] - (j == label ? 1f : 0f);
                    loss += 0.5f * diff * diff;
                    grad[off + j] = scale * diff;
                }
                yield loss;
            }
        };
    }
}
