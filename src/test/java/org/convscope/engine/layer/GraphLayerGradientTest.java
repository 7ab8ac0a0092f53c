package org.convscope.engine.layer;

import java.util.List;
import java.util.SplittableRandom;
import org.convscope.engine.Dims;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.Arithmetic;
import org.convscope.engine.spec.BatchNormSpec;
import org.convscope.engine.spec.ConstantOpSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.GlobalPoolSpec;
import org.convscope.engine.spec.MergeSpec;
import org.convscope.engine.spec.PadSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.engine.spec.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backward passes of the layers real networks add (ResNet, MobileNet, SqueezeNet) against central finite
 * differences ({@link GradientCheck}): grouped, depthwise, strided, dilated and asymmetrically padded convolutions,
 * batch norm, residual addition and the other element-wise merges with broadcasting, concatenation, global average
 * pooling, padded and ceil-mode pooling, clip (ReLU6), hard swish and the other new activations, constants,
 * padding and log-softmax. Inputs are kept away from kinks where a layer has them.
 */
class GraphLayerGradientTest {
    private static final int N = 2;
    private static final float EPS = 1e-2f;
    private static final double RTOL = 1e-2;
    private static final double ATOL = 1e-3;

    static java.util.stream.Stream<Kernels> kernels() {
        return org.convscope.engine.TestKernels.all();
    }

    private static void conv(Kernels k, Dims in, ConvSpec spec) {
        ConvLayer layer = ConvLayer.create(spec, in);
        GradientCheck.randomizeParams(layer, 7);
        new GradientCheck(layer, k, N, TestValues.uniform(N * in.size(), 3, -1, 1), 11).run(EPS, RTOL, ATOL);
    }

    private static Window window(int kh, int kw, int sh, int sw, int t, int l, int b, int r, int dh, int dw) {
        return new Window(kh, kw, sh, sw, t, l, b, r, dh, dw, Window.Rounding.FLOOR);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void groupedConvolution(Kernels k) {
        conv(k, new Dims(4, 6, 5), new ConvSpec("g", 6, window(3, 3, 1, 1, 1, 1, 1, 1, 1, 1), 2));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void depthwiseConvolutionWithStride2(Kernels k) {
        conv(k, new Dims(3, 7, 7), new ConvSpec("dw", 3, window(3, 3, 2, 2, 1, 1, 1, 1, 1, 1), 3));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void depthwiseConvolutionWithMultiplier(Kernels k) {
        conv(k, new Dims(2, 5, 6), new ConvSpec("dw2", 4, window(3, 3, 1, 1, 1, 1, 1, 1, 1, 1), 2));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void dilatedAsymmetricStridedConvolution(Kernels k) {
        conv(k, new Dims(2, 9, 8), new ConvSpec("d", 3, window(3, 2, 2, 1, 2, 0, 1, 1, 2, 3), 1));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void batchNorm(Kernels k) {
        Dims in = new Dims(3, 4, 5);
        BatchNormLayer layer = BatchNormLayer.create(new BatchNormSpec("bn", 1e-3f), in);
        GradientCheck.randomizeParams(layer, 5);
        float[] mean = layer.mean().value();
        float[] var = layer.variance().value();
        for (int c = 0; c < 3; c++) {
            mean[c] = 0.3f * c - 0.2f;
            var[c] = 0.5f + c;
        }
        new GradientCheck(layer, k, N, TestValues.uniform(N * in.size(), 4, -1, 1), 12).run(EPS, RTOL, ATOL);
    }

    private static void merge(Kernels k, MergeSpec.Kind kind, Dims a, Dims b, float[] xa, float[] xb) {
        MergeLayer layer = MergeLayer.create(new MergeSpec("m", kind), List.of(a, b));
        new GradientCheck(layer, k, N, new float[][] {xa, xb}, 13).run(EPS, RTOL, ATOL);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void residualAddition(Kernels k) {
        Dims d = new Dims(3, 4, 4);
        merge(k, MergeSpec.Kind.ADD, d, d, TestValues.uniform(N * d.size(), 1, -1, 1), TestValues.uniform(N * d.size(), 2, -1, 1));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void subtractionWithBroadcastRow(Kernels k) {
        Dims a = new Dims(2, 3, 4);
        Dims b = new Dims(1, 1, 4);
        merge(k, MergeSpec.Kind.SUB, a, b, TestValues.uniform(N * a.size(), 1, -1, 1), TestValues.uniform(N * b.size(), 2, -1, 1));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void squeezeExcitationMultiplication(Kernels k) {
        Dims a = new Dims(3, 1, 1);
        Dims b = new Dims(3, 4, 5);
        merge(k, MergeSpec.Kind.MUL, a, b, TestValues.uniform(N * a.size(), 1, -1, 1), TestValues.uniform(N * b.size(), 2, -1, 1));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void divisionWithBroadcastChannels(Kernels k) {
        Dims a = new Dims(2, 3, 3);
        Dims b = new Dims(2, 1, 1);
        merge(k, MergeSpec.Kind.DIV, a, b, TestValues.uniform(N * a.size(), 1, -1, 1), TestValues.uniform(N * b.size(), 2, 0.5, 2));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void concatenation(Kernels k) {
        Dims a = new Dims(2, 3, 3);
        Dims b = new Dims(3, 3, 3);
        Dims c = new Dims(1, 3, 3);
        MergeLayer layer = MergeLayer.create(new MergeSpec("cat", MergeSpec.Kind.CONCAT), List.of(a, b, c));
        new GradientCheck(layer, k, N, new float[][] {TestValues.uniform(N * a.size(), 1, -1, 1), TestValues.uniform(N * b.size(), 2, -1, 1),
                TestValues.uniform(N * c.size(), 3, -1, 1)}, 14).run(EPS, RTOL, ATOL);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void globalAveragePool(Kernels k) {
        Dims in = new Dims(3, 4, 5);
        GlobalPoolLayer layer = GlobalPoolLayer.create(new GlobalPoolSpec("gap", PoolSpec.Kind.AVERAGE), in);
        new GradientCheck(layer, k, N, TestValues.uniform(N * in.size(), 5, -1, 1), 15).run(EPS, RTOL, ATOL);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void globalMaxPool(Kernels k) {
        Dims in = new Dims(2, 3, 4);
        GlobalPoolLayer layer = GlobalPoolLayer.create(new GlobalPoolSpec("gmp", PoolSpec.Kind.MAX), in);
        new GradientCheck(layer, k, N, TestValues.distinct(N * in.size(), 5), 15).run(EPS, RTOL, ATOL);
    }

    private static void pool(Kernels k, PoolSpec.Kind kind, Window w, boolean countPad, float[] x, Dims in) {
        PoolLayer layer = PoolLayer.create(new PoolSpec("p", kind, w, countPad), in);
        new GradientCheck(layer, k, N, x, 16).run(EPS, RTOL, ATOL);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void paddedCeilModeMaxPoolWithDilation(Kernels k) {
        Dims in = new Dims(2, 7, 8);
        Window w = new Window(3, 3, 2, 2, 1, 1, 1, 1, 2, 1, Window.Rounding.CEIL);
        pool(k, PoolSpec.Kind.MAX, w, false, TestValues.distinct(N * in.size(), 6), in);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void averagePoolCountingPaddingOrNot(Kernels k) {
        Dims in = new Dims(2, 5, 6);
        Window w = new Window(3, 3, 2, 2, 1, 1, 1, 1, 1, 1, Window.Rounding.CEIL);
        pool(k, PoolSpec.Kind.AVERAGE, w, true, TestValues.uniform(N * in.size(), 7, -1, 1), in);
        pool(k, PoolSpec.Kind.AVERAGE, w, false, TestValues.uniform(N * in.size(), 8, -1, 1), in);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void l2PoolWithPadding(Kernels k) {
        Dims in = new Dims(2, 6, 6);
        Window w = new Window(2, 3, 2, 2, 0, 1, 0, 1, 1, 1, Window.Rounding.FLOOR);
        pool(k, PoolSpec.Kind.L2, w, false, TestValues.uniform(N * in.size(), 9, 0.2, 1), in);
    }

    private static void activation(Kernels k, ActivationSpec spec, float[] x) {
        Dims in = new Dims(2, 3, 4);
        ActivationLayer layer = ActivationLayer.create(spec, in);
        new GradientCheck(layer, k, N, x, 17).run(EPS, RTOL, ATOL);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void clipAsRelu6(Kernels k) {
        activation(k, new ActivationSpec("relu6", ActivationSpec.Kind.CLIP), TestValues.awayFrom(N * 24, 1, 8f, 0f, 6f));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void hardSwish(Kernels k) {
        activation(k, new ActivationSpec("hs", ActivationSpec.Kind.HARD_SWISH), TestValues.awayFrom(N * 24, 2, 5f, -3f, 3f));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void hardSigmoid(Kernels k) {
        activation(k, new ActivationSpec("hsig", ActivationSpec.Kind.HARD_SIGMOID), TestValues.awayFrom(N * 24, 3, 5f, -3f, 3f));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void leakyRelu(Kernels k) {
        activation(k, new ActivationSpec("lrelu", ActivationSpec.Kind.LEAKY_RELU, 0.1f, 0f), TestValues.awayFrom(N * 24, 4, 1f, 0f));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void constantOperations(Kernels k) {
        Dims in = new Dims(3, 2, 3);
        for (Arithmetic op : Arithmetic.values()) {
            for (boolean first : new boolean[] {false, true}) {
                ConstantOpLayer layer = ConstantOpLayer.create(new ConstantOpSpec("c", op, new Dims(3, 1, 1), first), in);
                float[] c = layer.constant().value();
                for (int i = 0; i < 3; i++) c[i] = 0.5f + i;
                float[] x = first && op == Arithmetic.DIV ? TestValues.uniform(N * in.size(), 5, 0.5, 2) : TestValues.uniform(N * in.size(), 5, -1, 1);
                new GradientCheck(layer, k, N, x, 18).run(EPS, RTOL, ATOL);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void constantPadding(Kernels k) {
        Dims in = new Dims(2, 3, 4);
        PadLayer layer = PadLayer.create(new PadSpec("pad", 1, 2, 0, 1, 0.5f), in);
        new GradientCheck(layer, k, N, TestValues.uniform(N * in.size(), 6, -1, 1), 19).run(EPS, RTOL, ATOL);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void logSoftmax(Kernels k) {
        Dims in = Dims.vector(5);
        SoftmaxLayer layer = SoftmaxLayer.create(new SoftmaxSpec("ls", true), in);
        new GradientCheck(layer, k, N, TestValues.uniform(N * in.size(), 7, -2, 2), 20).run(EPS, RTOL, ATOL);
    }

    @Test
    void globalPoolAndBatchNormComputeTheirFormulas() {
        Dims in = new Dims(2, 2, 2);
        float[] x = {1, 2, 3, 6, -1, -1, 5, 1};
        GlobalPoolLayer gap = GlobalPoolLayer.create(new GlobalPoolSpec("gap", PoolSpec.Kind.AVERAGE), in);
        float[] y = new float[2];
        gap.forward(org.convscope.engine.kernel.ScalarKernels.INSTANCE, x, y, 1, Layer.Scratch.NONE);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {3f, 1f}, y);
        BatchNormLayer bn = BatchNormLayer.create(new BatchNormSpec("bn", 0f), in);
        bn.weight().value()[0] = 2f;
        bn.bias().value()[0] = 1f;
        bn.mean().value()[0] = 3f;
        bn.variance().value()[0] = 4f;
        bn.weight().value()[1] = 1f;
        bn.variance().value()[1] = 1f;
        float[] out = new float[8];
        bn.forward(org.convscope.engine.kernel.ScalarKernels.INSTANCE, x, out, 1, Layer.Scratch.NONE);
        // (x − 3)/2·2 + 1 = x − 2 on channel 0; the identity on channel 1
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {-1, 0, 1, 4, -1, -1, 5, 1}, out, 1e-6f);
    }
}
