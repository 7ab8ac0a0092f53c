package org.convscope.ui.training.setup;

import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;

/** The kinds of layer the editor can add, each with its name prefix and a sensible new layer. */
enum LayerKind {
    CONV("Convolution", "conv"),
    ACTIVATION("Activation", "relu"),
    POOL("Pooling", "pool"),
    FLATTEN("Flatten", "flatten"),
    DENSE("Fully connected", "fc"),
    SOFTMAX("Softmax", "softmax");

    final String title;
    final String prefix;

    LayerKind(String title, String prefix) {
        this.title = title;
        this.prefix = prefix;
    }

    /** A new layer of this kind named {@code name}: conv 8@3×3 pad 1, ReLU, max pool 2, FC 64. */
    LayerSpec create(String name) {
        return switch (this) {
            case CONV -> ConvSpec.square(name, 8, 3, 1, 1);
            case ACTIVATION -> new ActivationSpec(name, ActivationSpec.Kind.RELU);
            case POOL -> new PoolSpec(name, PoolSpec.Kind.MAX, 2, 2);
            case FLATTEN -> new FlattenSpec(name);
            case DENSE -> new DenseSpec(name, 64);
            case SOFTMAX -> new SoftmaxSpec(name);
        };
    }

    /** The kind of a layer, or null for the kinds the editor cannot add (those of imported graphs). */
    static LayerKind of(LayerSpec spec) {
        return switch (spec) {
            case ConvSpec c -> CONV;
            case ActivationSpec a -> ACTIVATION;
            case PoolSpec p -> POOL;
            case FlattenSpec f -> FLATTEN;
            case DenseSpec d -> DENSE;
            case SoftmaxSpec s -> SOFTMAX;
            default -> null;
        };
    }
}
