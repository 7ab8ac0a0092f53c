package org.convscope.onnx.importer;

import org.convscope.engine.Dims;
import org.convscope.engine.spec.NetworkSpec;

/** What a tensor of the ONNX graph is during import: a layer's output (or the network's input), or a constant. */
sealed interface Value {
    /**
     * The output of layer {@code index} ({@link NetworkSpec#INPUT} for the network's input): one sample has
     * {@code dims}; in the ONNX graph the tensor has {@code rank} dimensions with the batch first (4: N×C×H×W,
     * 2: N×F).
     */
    record Layer(int index, Dims dims, int rank) implements Value {
        /** The ONNX shape with a batch of 1. */
        long[] shape() {
            return rank == 2 ? new long[] {1, dims.size()} : new long[] {1, dims.channels(), dims.height(), dims.width()};
        }
    }

    /** A constant tensor: an initializer, a Constant node's value or a folded computation. */
    record Constant(Tensor tensor) implements Value {}
}
