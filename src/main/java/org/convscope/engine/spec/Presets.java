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

    /**
     * The classic LeNet-5 for 32×32 inputs (LeCun et al. 1998, with ReLU and max pooling): conv 6@5×5 → ReLU → max
     * pool 2 → conv 16@5×5 → ReLU → max pool 2 → FC 120 → ReLU → FC 100 → ReLU → FC 10 → softmax. MNIST's 28×28
     * digits are padded to 32×32 for it, as in the paper.
     */
    public static NetworkSpec lenet5x32() {
        return new NetworkSpec("lenet5-32", new Dims(1, 32, 32), List.of(
                ConvSpec.square("conv1", 6, 5, 1, 0),
                new ActivationSpec("relu1", RELU),
                new PoolSpec("pool1", PoolSpec.Kind.MAX, 2, 2),
                ConvSpec.square("conv2", 16, 5, 1, 0),
                new ActivationSpec("relu2", RELU),
                new PoolSpec("pool2", PoolSpec.Kind.MAX, 2, 2),
                new FlattenSpec("flatten"),
                new DenseSpec("fc1", 120),
                new ActivationSpec("relu3", RELU),
                new DenseSpec("fc2", 100),
                new ActivationSpec("relu4", RELU),
                new DenseSpec("fc3", 10),
                new SoftmaxSpec("softmax")));
    }

    /** One convolution: conv 8@5×5 → ReLU → max pool 2 → FC 10 → softmax; its eight filters are easy to watch. */
    public static NetworkSpec tiny() {
        return new NetworkSpec("tiny", new Dims(1, 28, 28), List.of(
                ConvSpec.square("conv1", 8, 5, 1, 0),
                new ActivationSpec("relu1", RELU),
                new PoolSpec("pool1", PoolSpec.Kind.MAX, 2, 2),
                new FlattenSpec("flatten"),
                new DenseSpec("fc1", 10),
                new SoftmaxSpec("softmax")));
    }

    /**
     * A wider net: conv 32@3×3 pad 1 → ReLU → max pool 2 → conv 64@3×3 pad 1 → ReLU → max pool 2 → FC 128 → ReLU
     * → FC 10 → softmax; about ten times LeNet-5's multiply-adds.
     */
    public static NetworkSpec wide() {
        return new NetworkSpec("wide", new Dims(1, 28, 28), List.of(
                ConvSpec.square("conv1", 32, 3, 1, 1),
                new ActivationSpec("relu1", RELU),
                new PoolSpec("pool1", PoolSpec.Kind.MAX, 2, 2),
                ConvSpec.square("conv2", 64, 3, 1, 1),
                new ActivationSpec("relu2", RELU),
                new PoolSpec("pool2", PoolSpec.Kind.MAX, 2, 2),
                new FlattenSpec("flatten"),
                new DenseSpec("fc1", 128),
                new ActivationSpec("relu3", RELU),
                new DenseSpec("fc2", 10),
                new SoftmaxSpec("softmax")));
    }

    /** Every preset, LeNet-5 first, each with a title and a one-line description. */
    public static List<Preset> all() {
        return List.of(
                new Preset("lenet5", "LeNet-5 (28×28)", "Two convolutions (6 and 16 filters of 5×5) and fully"
                        + " connected layers of 120, 84 and 10; the bundled model", lenet5()),
                new Preset("tiny", "Tiny (one convolution)", "One convolution of 8 filters of 5×5, max pooling and"
                        + " one fully connected layer: trains in seconds", tiny()),
                new Preset("lenet5-32", "LeNet-5 (32×32, 120-100-10)", "The paper's 32×32 input (MNIST digits padded"
                        + " to 32×32), no padding in the convolutions, fully connected 120, 100 and 10", lenet5x32()),
                new Preset("wide", "Wide (32 and 64 filters)", "Two convolutions of 32 and 64 filters of 3×3 and a"
                        + " fully connected layer of 128: about ten times LeNet-5's work", wide()));
    }

    /** A preset's network by key ("lenet5", "tiny", "lenet5-32", "wide"), or null. */
    public static NetworkSpec byName(String name) {
        return all().stream().filter(p -> p.key().equals(name)).map(Preset::spec).findFirst().orElse(null);
    }
}
