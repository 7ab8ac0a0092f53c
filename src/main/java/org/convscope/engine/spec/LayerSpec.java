package org.convscope.engine.spec;

import java.util.List;
import org.convscope.engine.Dims;

/**
 * One layer of a network, as data. {@link #outputDims} infers the output shape or explains why the layer cannot apply.
 * Most layers take one input; those that merge several (addition, concatenation) take the list form.
 */
public sealed interface LayerSpec permits ConvSpec, ActivationSpec, PoolSpec, FlattenSpec, DenseSpec, SoftmaxSpec,
        BatchNormSpec, GlobalPoolSpec, PadSpec, ReshapeSpec, ConstantOpSpec, MergeSpec {
    String name();

    /** The output shape for the given input, or {@link InvalidNetworkException} with the reason in words. */
    Dims outputDims(Dims input);

    /** The output shape for the given inputs; a one-input layer checks that it has one. */
    default Dims outputDims(List<Dims> inputs) {
        if (inputs.size() != 1) {
            throw new InvalidNetworkException(name() + ": " + describe() + " takes one input, got " + inputs.size());
        }
        return outputDims(inputs.get(0));
    }

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
