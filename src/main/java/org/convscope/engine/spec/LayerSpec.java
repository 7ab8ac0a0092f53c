package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/** One layer of a network, as data. {@link #outputDims} infers the output shape or explains why the layer cannot apply. */
public sealed interface LayerSpec permits ConvSpec, ActivationSpec, PoolSpec, FlattenSpec, DenseSpec, SoftmaxSpec {
    String name();

    /** The output shape for the given input, or {@link InvalidNetworkException} with the reason in words. */
    Dims outputDims(Dims input);

    /** Number of trainable parameters for the given input. */
    default long parameterCount(Dims input) {
        return 0;
    }

    /** Multiply-adds of one forward pass of one sample. */
    default long multiplyAdds(Dims input) {
        return 0;
    }

    /** Short description such as "conv 6@5×5 s1 p2". */
    String describe();

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("layer name must not be blank");
        }
    }
}
