package org.convscope.engine.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.convscope.engine.Dims;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer kind's backward pass against central finite differences (see {@link GradientCheck}), with the scalar
 * and the vector kernels. Conv and dense layers are linear in x and in their parameters, so their estimates are
 * exact up to rounding; inputs of ReLU and max pooling are kept away from kinks and ties.
 */
class LayerGradientTest {
    private static final int N = 2;
    private static final float EPS = 1e-2f;
    private static final double RTOL = 1e-2;
    private static final double ATOL = 1e-3;

    static java.util.stream.Stream<Kernels> kernels() {
        return org.convscope.engine.TestKernels.all();
    }

    private static void checkConv(Kernels k, Dims in, ConvSpec spec) {
        ConvLayer layer = ConvLayer.create(spec, in);
        GradientCheck.randomizeParams(layer, 7);
        new GradientCheck(layer, k, N, TestValues.uniform(N * in.size(), 3), 11).run(EPS, RTOL, ATOL);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void convStride1NoPadding(Kernels k) {
        checkConv(k, new Dims(2, 6, 7), ConvSpec.square("c", 3, 3, 1, 0));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void convStride1Padding2(Kernels k) {
        checkConv(k, new Dims(1, 5, 6), ConvSpec.square("c", 2, 5, 1, 2));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void convStride1RectangularKernelPadding1(Kernels k) {
        checkConv(k, new Dims(3, 5, 7), new ConvSpec("c", 4, 2, 3, 1, 1));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void convStride1TallKernelPadding2(Kernels k) {
        checkConv(k, new Dims(2, 4, 9), new ConvSpec("c", 3, 4, 1, 1, 2));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void convStride2Padding1(Kernels k) {
        checkConv(k, new Dims(2, 7, 7), ConvSpec.square("c", 4, 3, 2, 1));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void convRectangularKernelStride2Padding1(Kernels k) {
        checkConv(k, new Dims(3, 7, 6), new ConvSpec("c", 4, 3, 2, 2, 1));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void convRectangularKernelStride2NoPadding(Kernels k) {
        checkConv(k, new Dims(2, 6, 8), new ConvSpec("c", 5, 2, 4, 2, 0));
    }

    /**
     * Seven images of a strided convolution in chunks of four and three (the chunk size follows from the 13×13 output
     * of a stride-2 convolution on a 25-wide input; stride 1 would run in {@link DirectConv}, without chunks).
     */
    @ParameterizedTest
    @MethodSource("kernels")
    void stridedConvOverSeveralChunks(Kernels k) {
        Dims in = new Dims(2, 25, 25);
        ConvLayer layer = ConvLayer.create(ConvSpec.square("c", 3, 3, 2, 1), in);
        assertTrue(layer.newScratch(7) instanceof ConvLayer.Buffers b && b.chunk < 7, "seven images span two chunks");
        GradientCheck.randomizeParams(layer, 7);
        new GradientCheck(layer, k, 7, TestValues.uniform(7 * in.size(), 3), 11).run(EPS, RTOL, ATOL);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void dense(Kernels k) {
        Dims in = new Dims(3, 2, 3);
        DenseLayer layer = DenseLayer.create(new DenseSpec("d", 7), in);
        GradientCheck.randomizeParams(layer, 5);
        new GradientCheck(layer, k, 3, TestValues.uniform(3 * in.size(), 1), 2).run(EPS, RTOL, ATOL);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void relu(Kernels k) {
        Dims in = new Dims(3, 5, 7);
        Layer layer = ActivationLayer.create(new ActivationSpec("a", ActivationSpec.Kind.RELU), in);
        new GradientCheck(layer, k, N, TestValues.awayFromZero(N * in.size(), 4), 5).run(EPS, RTOL, ATOL);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void tanh(Kernels k) {
        Dims in = new Dims(3, 5, 7);
        Layer layer = ActivationLayer.create(new ActivationSpec("a", ActivationSpec.Kind.TANH), in);
        float[] x = TestValues.uniform(N * in.size(), 4);
        for (int i = 0; i < x.length; i++) x[i] *= 2.5f;
        new GradientCheck(layer, k, N, x, 5).run(EPS, RTOL, ATOL);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void sigmoid(Kernels k) {
        Dims in = new Dims(3, 5, 7);
        Layer layer = ActivationLayer.create(new ActivationSpec("a", ActivationSpec.Kind.SIGMOID), in);
        float[] x = TestValues.uniform(N * in.size(), 4);
        for (int i = 0; i < x.length; i++) x[i] *= 4f;
        new GradientCheck(layer, k, N, x, 5).run(EPS, RTOL, ATOL);
    }

    private static void checkPool(Kernels k, PoolSpec.Kind kind, int window, int stride, Dims in) {
        Layer layer = PoolLayer.create(new PoolSpec("p", kind, window, stride), in);
        float[] x = kind == PoolSpec.Kind.MAX ? TestValues.distinct(N * in.size(), 8) : TestValues.uniform(N * in.size(), 8);
        new GradientCheck(layer, k, N, x, 9).run(EPS, RTOL, ATOL);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void maxPool(Kernels k) {
        checkPool(k, PoolSpec.Kind.MAX, 2, 2, new Dims(3, 6, 8));
        checkPool(k, PoolSpec.Kind.MAX, 2, 2, new Dims(2, 7, 5));
        checkPool(k, PoolSpec.Kind.MAX, 3, 2, new Dims(2, 7, 8));
        checkPool(k, PoolSpec.Kind.MAX, 2, 3, new Dims(2, 8, 7));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void averagePool(Kernels k) {
        checkPool(k, PoolSpec.Kind.AVERAGE, 2, 2, new Dims(3, 6, 8));
        checkPool(k, PoolSpec.Kind.AVERAGE, 3, 2, new Dims(2, 7, 8));
        checkPool(k, PoolSpec.Kind.AVERAGE, 2, 3, new Dims(2, 8, 7));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void l2Pool(Kernels k) {
        checkPool(k, PoolSpec.Kind.L2, 2, 2, new Dims(3, 6, 8));
        checkPool(k, PoolSpec.Kind.L2, 3, 2, new Dims(2, 7, 8));
        checkPool(k, PoolSpec.Kind.L2, 2, 3, new Dims(2, 8, 7));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void flatten(Kernels k) {
        Dims in = new Dims(3, 4, 5);
        Layer layer = FlattenLayer.create(new FlattenSpec("f"), in);
        new GradientCheck(layer, k, N, TestValues.uniform(N * in.size(), 2), 3).run(EPS, RTOL, ATOL);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void softmax(Kernels k) {
        Dims in = Dims.vector(7);
        Layer layer = SoftmaxLayer.create(new SoftmaxSpec("s"), in);
        float[] x = TestValues.uniform(3 * in.size(), 2);
        for (int i = 0; i < x.length; i++) x[i] *= 3f;
        new GradientCheck(layer, k, 3, x, 3).run(EPS, RTOL, ATOL);
    }
}
