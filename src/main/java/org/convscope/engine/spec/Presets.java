package org.convscope.engine.spec;

import static org.convscope.engine.spec.ActivationSpec.Kind.RELU;

import java.util.List;
import org.convscope.engine.Dims;

/** Networks that ship with ConvScope. */
public final class Presets {
    private Presets() {}

    /**
     * LeNet-5 for 28×28 digits: conv 6@5×5 pad 2 → ReLU → max pool 2 → conv 16@5×5 → ReLU → max pool 2
     * → FC 120 → ReLU → FC 84 → ReLU → FC 10 → softmax.
     */
    public static NetworkSpec lenet5() {
        return new NetworkSpec("lenet5", new Dims(1, 28, 28), List.of(
                ConvSpec.square("conv1", 6, 5, 1, 2),
                new ActivationSpec("relu1", RELU),
                new PoolSpec("pool1", PoolSpec.Kind.MAX, 2, 2),
                ConvSpec.square("conv2", 16, 5, 1, 0),
                new ActivationSpec("relu2", RELU),
                new PoolSpec("pool2", PoolSpec.Kind.MAX, 2, 2),
                new FlattenSpec("flatten"),
                new DenseSpec("fc1", 120),
                new ActivationSpec("relu3", RELU),
                new DenseSpec("fc2", 84),
                new ActivationSpec("relu4", RELU),
                new DenseSpec("fc3", 10),
                new SoftmaxSpec("softmax")));
    }

    /** A preset by name, or null. */
    public static NetworkSpec byName(String name) {
        return switch (name) {
            case "lenet5" -> lenet5();
            default -> null;
        };
    }
}
