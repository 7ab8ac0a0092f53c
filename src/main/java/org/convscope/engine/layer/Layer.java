package org.convscope.engine.layer;

import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.Param;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.Parallel;
import org.convscope.engine.spec.LayerSpec;

/**
 * A layer at run time: its parameters and the forward and backward pass over a batch of n samples stored
 * contiguously (NCHW). Layers hold no per-call state; what a backward pass needs from the forward pass lives in the
 * {@link Scratch} that the caller's workspace owns, so several threads can run one network at once. Most layers read
 * one input ({@link UnaryLayer}); {@link MergeLayer} reads several.
 */
public sealed interface Layer permits UnaryLayer, MergeLayer {
    LayerSpec spec();

    /** The shape of the (first) input of one sample. */
    Dims input();

    /** The shapes of every input, in order. */
    default List<Dims> inputs() {
        return List.of(input());
    }

    Dims output();

    /** The trained tensors, e.g. conv1.weight and conv1.bias. */
    default List<Param> params() {
        return List.of();
    }

    /** Tensors saved with the model but not trained: a batch norm's running statistics, an operation's constant. */
    default List<Param> buffers() {
        return List.of();
    }

    /** Per-workspace buffers for batches of up to maxBatch samples. */
    default Scratch newScratch(int maxBatch) {
        return Scratch.NONE;
    }

    /**
     * Per-workspace buffers for batches of up to maxBatch samples, for a workspace that runs these kernels on these
     * threads.
     */
    default Scratch newScratch(int maxBatch, Kernels kernels, Parallel parallel) {
        return newScratch(maxBatch);
    }

    /** y[n × output] = layer(xs[0][n × inputs[0]], …). */
    void forward(Kernels k, float[][] xs, float[] y, int n, Scratch scratch);

    /**
     * Given dy = dL/dy, adds dL/dparam to {@code grads} (one array per {@link #params()} entry, same order) and writes
     * dxs[j] = dL/dxs[j] for every j where dxs[j] is not null. xs and y are the forward pass's inputs and output.
     */
    void backward(Kernels k, float[][] xs, float[] y, float[] dy, float[][] dxs, int n, Scratch scratch, float[][] grads);

    /** Marker for a layer's own buffers. */
    interface Scratch {
        Scratch NONE = new Scratch() {};
    }
}
