package org.convscope.engine.layer;

import org.convscope.engine.kernel.Kernels;

/** A layer that reads one input. */
public sealed interface UnaryLayer extends Layer permits ConvLayer, DenseLayer, PoolLayer, ActivationLayer,
        FlattenLayer, SoftmaxLayer, BatchNormLayer, GlobalPoolLayer, PadLayer, ReshapeLayer, ConstantOpLayer {
    /** y[n × output] = layer(x[n × input]). */
    void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch);

    /**
     * Given dy = dL/dy, adds dL/dparam to {@code grads} (one array per {@link #params()} entry, same order) and, when
     * dx is not null, writes dx = dL/dx. x and y are the forward pass's input and output.
     */
    void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads);

    @Override
    default void forward(Kernels k, float[][] xs, float[] y, int n, Scratch scratch) {
        forward(k, xs[0], y, n, scratch);
    }

    @Override
    default void backward(Kernels k, float[][] xs, float[] y, float[] dy, float[][] dxs, int n, Scratch scratch,
                          float[][] grads) {
        backward(k, xs[0], y, dy, dxs[0], n, scratch, grads);
    }
}
