package org.convscope.onnx.exporter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.Arithmetic;
import org.convscope.engine.spec.ConstantOpSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.GlobalPoolSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.MergeSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PadSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.Presets;
import org.convscope.engine.spec.ReshapeSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.engine.spec.Window;
import org.convscope.model.ModelFile;
import org.convscope.onnx.OrtReference;
import org.convscope.open.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exporting to ONNX: the export imported again computes bit for bit what the network computes (for the presets,
 * a network with the remaining layer kinds, and every PyTorch fixture after import), and ONNX Runtime runs the
 * export and agrees to 1e-5 of the largest output.
 */
class OnnxExportTest {
    @TempDir
    Path dir;

    static Stream<String> fixtures() throws Exception {
        return org.convscope.onnx.Fixtures.names();
    }

    /** Every layer kind the fixtures do not export from PyTorch: vector merges and pads, a reshape, L2 pooling, tanh. */
    static NetworkSpec remainingKinds() {
        return new NetworkSpec("remaining", new org.convscope.engine.Dims(2, 9, 8), List.of(
                new PadSpec("pad", 1, 0, 0, 1, -0.5f),
                ConvSpec.square("conv", 4, 3, 1, 0),
                new ActivationSpec("tanh", ActivationSpec.Kind.TANH),
                new PoolSpec("l2", PoolSpec.Kind.L2, new Window(2, 2, 2, 2, 0, 0, 0, 0, 1, 1, Window.Rounding.FLOOR), false),
                new ReshapeSpec("reshape", new org.convscope.engine.Dims(3, 4, 4)),
                new ActivationSpec("hswish", ActivationSpec.Kind.HARD_SWISH),
                new DenseSpec("fc", 6),
                new ConstantOpSpec("scale", Arithmetic.MUL, new org.convscope.engine.Dims(6, 1, 1), false),
                new ActivationSpec("leaky", ActivationSpec.Kind.LEAKY_RELU, 0.2f, 0f),
                new FlattenSpec("flatten"),
                new DenseSpec("out", 3),
                new SoftmaxSpec("logp", true)));
    }

    /**
     * A graph with what the fixtures do not export between two computed tensors: subtraction and division with
     * broadcasting, global max pooling, a dilated convolution with asymmetric padding, a grouped one, ceil-mode and
     * padding-counting pools, a concatenation, hard sigmoid gating.
     */
    static NetworkSpec graphKinds() {
        Window.Rounding floor = Window.Rounding.FLOOR;
        List<LayerSpec> layers = List.of(
                new ConvSpec("dilated", 6, new Window(3, 3, 1, 1, 1, 0, 2, 1, 2, 1, floor), 1),     // 0 ← input
                new ConvSpec("grouped", 6, new Window(3, 3, 1, 1, 1, 1, 1, 1, 1, 1, floor), 3),     // 1 ← 0
                new ActivationSpec("gate", ActivationSpec.Kind.SIGMOID),                            // 2 ← 1
                new MergeSpec("divide", MergeSpec.Kind.DIV),                                        // 3 ← 0, 2
                new GlobalPoolSpec("peak", PoolSpec.Kind.MAX),                                      // 4 ← 0
                new MergeSpec("centre", MergeSpec.Kind.SUB),                                        // 5 ← 3, 4 (broadcast)
                new PoolSpec("ceil_max", PoolSpec.Kind.MAX, new Window(3, 3, 2, 2, 0, 0, 0, 0, 1, 1, Window.Rounding.CEIL), false),
                new PoolSpec("padded_mean", PoolSpec.Kind.AVERAGE, new Window(3, 3, 2, 2, 1, 1, 1, 1, 1, 1, floor), true),
                new MergeSpec("concat", MergeSpec.Kind.CONCAT),                                     // 8 ← 6, 7
                new ActivationSpec("hsig", ActivationSpec.Kind.HARD_SIGMOID),                       // 9 ← 8
                new MergeSpec("scale", MergeSpec.Kind.MUL),                                         // 10 ← 9, 8
                new GlobalPoolSpec("gap", PoolSpec.Kind.AVERAGE),
                new FlattenSpec("flatten"),
                new DenseSpec("fc", 4),
                new SoftmaxSpec("softmax", false));
        List<List<Integer>> sources = List.of(List.of(-1), List.of(0), List.of(1), List.of(0, 2), List.of(0), List.of(3, 4),
                List.of(5), List.of(5), List.of(6, 7), List.of(8), List.of(9, 8), List.of(10), List.of(11), List.of(12),
                List.of(13));
        return new NetworkSpec("graph-kinds", new org.convscope.engine.Dims(3, 9, 9), layers, sources);
    }

    private static float[] input(Network net, int batch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[batch * net.input().size()];
        for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
        return x;
    }

    private static float[] run(Network net, float[] x, int batch, Kernels k) {
        Workspace ws = new Workspace(net, k, batch);
        System.arraycopy(x, 0, ws.input(), 0, x.length);
        ws.forward(batch);
        return java.util.Arrays.copyOf(ws.result(), batch * net.numClasses());
    }

    private void roundTrip(Network net, String what) throws Exception {
        Path file = dir.resolve(what + ".onnx");
        OnnxExport.write(file, net, Map.of());
        Network back = Models.load(file).network();
        float[] x = input(net, 2, 7);
        Kernels k = KernelSelection.preferred();
        float[] expected = run(net, x, 2, k);
        assertArrayEquals(expected, run(back, x, 2, k), what + ": the import of the export computes other numbers");
        var in = net.input();
        long[] shape = in.isVector() ? new long[] {2, in.size()} : new long[] {2, in.channels(), in.height(), in.width()};
        float[] ort = OrtReference.run(file, x, shape);
        double max = 0;
        for (float e : expected) max = Math.max(max, Math.abs(e));
        assertEquals(expected.length, ort.length, what + ": ONNX Runtime's output size");
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(ort[i] - expected[i]) <= 1e-5 * max, what + ": ONNX Runtime gives " + ort[i] + " for output "
                    + i + ", ConvScope " + expected[i]);
        }
    }

    @Test
    void presetsAndTheBundledModelRoundTrip() throws Exception {
        roundTrip(ModelFile.loadDefault().network(), "lenet5-bundled");
        for (var preset : Presets.all()) roundTrip(Network.initialized(preset.spec(), 3), preset.key());
    }

    @Test
    void theRemainingLayerKindsRoundTrip() throws Exception {
        Network net = Network.initialized(remainingKinds(), 4);
        float[] c = net.buffers().get(0).value();
        for (int i = 0; i < c.length; i++) c[i] = 0.5f + i;
        roundTrip(net, "remaining");
    }

    @Test
    void aGraphOfTheOtherMergesAndPoolsRoundTrips() throws Exception {
        roundTrip(Network.initialized(graphKinds(), 5), "graph-kinds");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void importedModelsRoundTrip(String fixture) throws Exception {
        roundTrip(Models.load(Path.of("src/test/resources/onnx", fixture, "model.onnx")).network(), fixture);
    }

    @Test
    void labelsTravelWithTheExport() throws Exception {
        ModelFile.Model labelled = Models.load(Path.of("src/test/resources/onnx/labels-file/model.onnx"));
        Path file = dir.resolve("labelled.onnx");
        OnnxExport.write(file, labelled.network(), Map.of(ModelFile.LABELS, labelled.metadata().get(ModelFile.LABELS)));
        assertEquals(labelled.classNames(), Models.load(file).classNames());
        assertTrue(Files.size(file) > 4 * labelled.network().spec().parameterCount(), "the weights are in the file");
    }
}
