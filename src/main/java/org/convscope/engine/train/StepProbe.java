package org.convscope.engine.train;

import org.convscope.engine.Workspace;

/**
 * Looks at one training step between its backward pass and its update, e.g. to show the step's four phases. It sees
 * the engine's own buffers, so what it copies is exactly what the update uses; it must not modify them.
 */
@FunctionalInterface
public interface StepProbe {
    /**
     * @param ws    the workspace that ran the batch's first sample, as sample 0 of its last pass: the input, every
     *              layer's output ({@link Workspace#output}) and the gradient of the loss with respect to it
     *              ({@link Workspace#outputGrad}, for the layers the backward pass reaches)
     * @param grads the batch's gradient dL/dθ, summed over the threads, in {@code network.params()} order
     * @param lr    the learning rate the update is about to use
     */
    void beforeUpdate(Workspace ws, float[][] grads, float lr);
}
