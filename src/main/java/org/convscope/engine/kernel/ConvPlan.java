package org.convscope.engine.kernel;

/**
 * One convolution layer's computation for one workspace: it knows its {@link ConvGeometry}, runs on its
 * {@link Parallel} and holds the buffers it needs (padded images, packed weights, unrolled patches), so a pass
 * allocates nothing once they exist. Not for concurrent use: one plan per layer and workspace. Made by
 * {@link ConvPlans#create}.
 */
public interface ConvPlan {
    ConvGeometry geometry();

    /**
     * y[F][outH][outW] at yOff ← conv(x[C][H][W] at xOff) + bias (see {@link ConvGeometry} for the formula), with w
     * [F][C/G][kH][kW] and bias [F]. {@code weightsVersion} is the caller's promise: the same number as in an
     * earlier call means w holds the same values, so a plan may keep a rearranged copy of w and redo it only when
     * the number changes. x and y must not overlap.
     */
    void forward(float[] w, long weightsVersion, float[] bias, float[] x, int xOff, float[] y, int yOff);

    /**
     * The gradients of a loss L given dy = dL/dy [F][outH][outW] at dyOff, for the input x at xOff:
     * dw[f][c][ky][kx] += Σ_{oy,ox} dy[f][oy][ox] · x[g·C/G + c][oy·sH − padTop + ky·dH][ox·sW − padLeft + kx·dW],
     * db[f] += Σ_{oy,ox} dy[f][oy][ox], and, unless dx is null, dx[C][H][W] at dxOff ← dL/dx, the adjoint of the
     * forward pass (written, not added).
     */
    void backward(float[] w, float[] x, int xOff, float[] dy, int dyOff, float[] dw, float[] db, float[] dx, int dxOff);
}
