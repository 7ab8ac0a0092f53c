package org.convscope.engine.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.convscope.engine.Dims;
import org.convscope.engine.TestKernels;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.PoolSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Conv and pooling forward passes against the textbook definitions written as plain nested loops. */
class ForwardReferenceTest {
    private static final int N = 3;

    static Stream<Kernels> kernels() {
        return TestKernels.all();
    }

    private static float[] uniform(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) random.nextDouble(-1, 1);
        return x;
    }

    /** y[i][o][oy][ox] = b[o] + Σ_c Σ_ky Σ_kx W[o][c][ky][kx] · x[i][c][oy·S − P + ky][ox·S − P + kx], 0 outside. */
    private static double[] directConvolution(float[] x, int n, Dims in, ConvSpec spec, float[] w, float[] b) {
        Dims out = spec.outputDims(in);
        int kh = spec.kernelHeight(), kw = spec.kernelWidth();
        double[] y = new double[n * out.size()];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < out.channels(); o++) {
                for (int oy = 0; oy < out.height(); oy++) {
                    for (int ox = 0; ox < out.width(); ox++) {
                        double sum = b[o];
                        for (int c = 0; c < in.channels(); c++) {
                            for (int ky = 0; ky < kh; ky++) {
                                for (int kx = 0; kx < kw; kx++) {
                                    int iy = oy * spec.stride() - spec.padding() + ky;
                                    int ix = ox * spec.stride() - spec.padding() + kx;
                                    if (iy < 0 || iy >= in.height() || ix < 0 || ix >= in.width()) continue;
                                    sum += w[((o * in.channels() + c) * kh + ky) * kw + kx]
                                            * x[((i * in.channels() + c) * in.height() + iy) * in.width() + ix];
                                }
                            }
                        }
                        y[((i * out.channels() + o) * out.height() + oy) * out.width() + ox] = sum;
                    }
                }
            }
        }
        return y;
    }

    private static void checkConv(Kernels k, Dims in, ConvSpec spec) {
        checkConv(k, in, spec, N, N);
    }

    /** n images through a layer whose scratch is sized for maxBatch (which sets its chunk size). */
    private static void checkConv(Kernels k, Dims in, ConvSpec spec, int n, int maxBatch) {
        ConvLayer layer = ConvLayer.create(spec, in);
        GradientCheck.randomizeParams(layer, 3);
        float[] x = uniform(n * in.size(), 4);
        float[] y = new float[n * layer.output().size()];
        layer.forward(k, x, y, n, layer.newScratch(maxBatch));
        double[] expected = directConvolution(x, n, in, spec, layer.weight().value(), layer.bias().value());
        double tolerance = 1e-5 * (in.channels() * spec.kernelHeight() * spec.kernelWidth() + 1);
        assertClose(expected, y, tolerance, spec.describe() + " on " + in + " with " + k.name());
    }

    private static void assertClose(double[] expected, float[] actual, double tolerance, String where) {
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance,
                    where + " at " + i + ": expected " + expected[i] + ", got " + actual[i]);
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void convMatchesDirectConvolution(Kernels k) {
        checkConv(k, new Dims(1, 28, 28), ConvSpec.square("c", 6, 5, 1, 2));
        checkConv(k, new Dims(6, 14, 14), ConvSpec.square("c", 16, 5, 1, 0));
        checkConv(k, new Dims(2, 9, 9), ConvSpec.square("c", 3, 3, 2, 1));
        checkConv(k, new Dims(3, 7, 6), new ConvSpec("c", 4, 3, 2, 2, 1));
        checkConv(k, new Dims(2, 6, 8), new ConvSpec("c", 5, 2, 4, 2, 0));
        checkConv(k, new Dims(1, 5, 5), ConvSpec.square("c", 17, 1, 1, 0));
        checkConv(k, new Dims(3, 4, 5), new ConvSpec("c", 2, 3, 1, 1, 2));
        checkConv(k, new Dims(2, 11, 13), new ConvSpec("c", 7, 3, 5, 1, 2));
    }

    /** Stride 1 runs without unrolled patches: padding 0 to 2, several channels, rectangular kernels. */
    @ParameterizedTest
    @MethodSource("kernels")
    void directConvMatchesDirectConvolution(Kernels k) {
        checkConv(k, new Dims(3, 9, 11), new ConvSpec("c", 5, 3, 2, 1, 0));
        checkConv(k, new Dims(2, 8, 7), new ConvSpec("c", 7, 2, 5, 1, 1));
        checkConv(k, new Dims(4, 6, 10), new ConvSpec("c", 3, 5, 3, 1, 2));
        checkConv(k, new Dims(1, 3, 3), new ConvSpec("c", 2, 1, 3, 1, 2));
        checkConv(k, new Dims(5, 20, 3), new ConvSpec("c", 13, 4, 1, 1, 1), 5, 8);
    }

    /**
     * Strided convolutions (stride 1 runs in {@link DirectConv}) over batches split into several chunks of images, the
     * last one partial: each case asserts that its batch really spans more than one chunk.
     */
    @ParameterizedTest
    @MethodSource("kernels")
    void stridedConvOverSeveralChunks(Kernels k) {
        checkChunked(k, new Dims(2, 41, 41), ConvSpec.square("c", 5, 3, 2, 1), 5, 8);
        checkChunked(k, new Dims(3, 31, 29), ConvSpec.square("c", 4, 5, 2, 2), 7, 7);
        checkChunked(k, new Dims(1, 64, 64), ConvSpec.square("c", 6, 4, 3, 0), 3, 64);
    }

    private static void checkChunked(Kernels k, Dims in, ConvSpec spec, int n, int maxBatch) {
        ConvLayer layer = ConvLayer.create(spec, in);
        assertTrue(layer.newScratch(maxBatch) instanceof ConvLayer.Buffers b && b.chunk < n,
                spec.describe() + " on " + in + ": " + n + " images must span several chunks");
        checkConv(k, in, spec, n, maxBatch);
    }

    /** Pooling by its definition: max, mean or √Σx² of each window×window region, moved by stride. */
    private static double[] directPool(float[] x, Dims in, PoolSpec spec) {
        Dims out = spec.outputDims(in);
        double[] y = new double[N * out.size()];
        for (int plane = 0; plane < N * in.channels(); plane++) {
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++) {
                    double max = Double.NEGATIVE_INFINITY, sum = 0, squares = 0;
                    for (int wy = 0; wy < spec.window(); wy++) {
                        for (int wx = 0; wx < spec.window(); wx++) {
                            float v = x[(plane * in.height() + oy * spec.stride() + wy) * in.width() + ox * spec.stride() + wx];
                            max = Math.max(max, v);
                            sum += v;
                            squares += (double) v * v;
                        }
                    }
                    y[(plane * out.height() + oy) * out.width() + ox] = switch (spec.kind()) {
                        case MAX -> max;
                        case AVERAGE -> sum / (spec.window() * spec.window());
                        case L2 -> Math.sqrt(squares);
                    };
                }
            }
        }
        return y;
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void poolingMatchesDefinition(Kernels k) {
        Dims[] inputs = {new Dims(6, 28, 28), new Dims(2, 7, 9), new Dims(3, 8, 7)};
        int[][] windowStride = {{2, 2}, {3, 2}, {2, 3}, {3, 3}, {2, 1}};
        for (PoolSpec.Kind kind : PoolSpec.Kind.values()) {
            for (Dims in : inputs) {
                for (int[] ws : windowStride) {
                    PoolSpec spec = new PoolSpec("p", kind, ws[0], ws[1]);
                    PoolLayer layer = PoolLayer.create(spec, in);
                    float[] x = uniform(N * in.size(), 6);
                    float[] y = new float[N * layer.output().size()];
                    layer.forward(k, x, y, N, layer.newScratch(N));
                    assertClose(directPool(x, in, spec), y, 1e-6, spec.describe() + " on " + in + " with " + k.name());
                }
            }
        }
    }
}
