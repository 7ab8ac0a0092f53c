package org.convscope.engine.explain;

import org.convscope.engine.Loss;
import org.convscope.engine.Workspace;

/**
 * Saliency by gradient × input: s_i = x_i · ∂log p_c/∂x_i for class c. Positive where a pixel's ink raises the class's
 * log-probability, negative where it lowers it; zero on blank pixels, which is what makes it readable on digits.
 */
public final class GradientTimesInput {
    private GradientTimesInput() {}

    /**
     * The saliency of sample 0 of the workspace's last forward pass for class c, one value per input value
     * ([C][H][W]). Runs a backward pass in the workspace (its parameter gradients are overwritten).
     */
    public static float[] map(Workspace ws, int classIndex) {
        int classes = ws.network().numClasses();
        if (classIndex < 0 || classIndex >= classes) {
            throw new IllegalArgumentException("class " + classIndex + " outside 0.." + (classes - 1));
        }
        if (ws.batch() < 1) throw new IllegalStateException("saliency needs a forward pass first");
        ws.setInputGradient(true);
        ws.zeroGrads();
        ws.backward(new int[] {classIndex}, 0, Loss.CROSS_ENTROPY, 1f);
        float[] dx = ws.inputGrad(); // dL/dx with L = −log p_c
        float[] x = ws.input();
        float[] saliency = new float[ws.network().input().size()];
        for (int i = 0; i < saliency.length; i++) saliency[i] = -dx[i] * x[i];
        return saliency;
    }
}
