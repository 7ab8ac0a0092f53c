package org.convscope.engine;

import org.convscope.engine.layer.SoftmaxLayer;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.SoftmaxSpec;

/** Training losses for one sample with a one-hot target t. */
public enum Loss {
    /**
     * L = −log p_label with p = softmax(logits). Its gradient with respect to the logits is p − t, which is used
     * directly when the network ends with softmax or log-softmax (that layer's own backward pass is skipped).
     */
    CROSS_ENTROPY,
    /** L = ½ Σ_i (t_i − y_i)², y the network's output (after softmax if the network ends with one); dL/dy = y − t. */
    SQUARED_ERROR;

    /** What a network's final output holds. */
    public enum Output {
        LOGITS, PROBABILITIES, LOG_PROBABILITIES;

        /** The kind of output of a network: probabilities after a softmax, log-probabilities after a log-softmax. */
        public static Output of(NetworkSpec spec) {
            if (spec.layers().get(spec.layers().size() - 1) instanceof SoftmaxSpec s) {
                return s.log() ? LOG_PROBABILITIES : PROBABILITIES;
            }
            return LOGITS;
        }

        /** The class probabilities of y[off, off + size) into p[0, size). */
        public void probabilities(float[] y, int off, int size, float[] p) {
            switch (this) {
                case PROBABILITIES -> System.arraycopy(y, off, p, 0, size);
                case LOGITS -> {
                    System.arraycopy(y, off, p, 0, size);
                    SoftmaxLayer.softmax(p, p, 0, size);
                }
                case LOG_PROBABILITIES -> {
                    for (int j = 0; j < size; j++) p[j] = (float) Math.exp(y[off + j]);
                }
            }
        }
    }

    /**
     * The loss of one sample. {@code probabilities} says whether y[off, off + size) already holds softmax
     * probabilities. Writes scale·dL/d(logits) (cross-entropy) or scale·dL/dy (squared error) into grad.
     */
    public float apply(float[] y, int off, int size, int label, boolean probabilities, float[] grad, float scale) {
        return apply(y, off, size, label, probabilities ? Output.PROBABILITIES : Output.LOGITS, grad, scale);
    }

    /**
     * The loss of one sample whose output y[off, off + size) is of the given kind. Writes scale·dL/d(logits)
     * (cross-entropy) or scale·dL/dy (squared error) into grad at the same offset.
     */
    public float apply(float[] y, int off, int size, int label, Output output, float[] grad, float scale) {
        return switch (this) {
            case CROSS_ENTROPY -> {
                switch (output) {
                    case LOGITS -> SoftmaxLayer.softmax(y, grad, off, size);
                    case PROBABILITIES -> System.arraycopy(y, off, grad, off, size);
                    case LOG_PROBABILITIES -> {
                        for (int j = 0; j < size; j++) grad[off + j] = (float) Math.exp(y[off + j]);
                    }
                }
                float loss = output == Output.LOG_PROBABILITIES ? -y[off + label]
                        : (float) -Math.log(Math.max(grad[off + label], 1e-30f));
                for (int j = 0; j < size; j++) grad[off + j] = scale * (grad[off + j] - (j == label ? 1f : 0f));
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
