package org.convscope.engine.layer;

import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.Param;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.LayerSpec;

/**
 * A layer at run time: its parameters and the forward and backward pass over a batch of n samples stored
 * contiguously (NCHW). Layers hold no per-call state; what a backward pass needs from the forward pass lives in the
 * {@link Scratch} that the caller's workspace owns, so several threads can run one network at once.
 */
public sealed interface Layer permits ConvLayer, DenseLayer, PoolLayer, ActivationLayer, FlattenLayer, SoftmaxLayer {
    LayerSpec spec();

    Dims input();

    Dims output();

    default List<Param> params() {
        return List.of();
    }

    /** Per-workspace buffers for batches of up to maxBatch samples. */
    default Scratch newScratch(int maxBatch) {
        return Scratch.NONE;
    }

    /** y[n × output] = layer(x[n × input]). */
    void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch);

    /**
     * Given dy = dL/dy, adds dL/dparam to {@code grads} (one array per {@link #params()} entry, same order) and, when
     * dx is not null, writes dx = dL/dx. x and y are the forward pass's input and output.
     */
    void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads);

    /** Marker for a layer's own buffers. */
    interface Scratch {
        Scratch NONE = new Scratch() {};
    }
}
