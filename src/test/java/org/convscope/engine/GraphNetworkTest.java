package org.convscope.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.ScalarKernels;
import org.convscope.engine.layer.BatchNormLayer;
import org.convscope.engine.layer.ConstantOpLayer;
import org.convscope.engine.layer.Layer;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.Arithmetic;
import org.convscope.engine.spec.BatchNormSpec;
import org.convscope.engine.spec.ConstantOpSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.GlobalPoolSpec;
import org.convscope.engine.spec.InvalidNetworkException;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.MergeSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.NetworkSpecJson;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.engine.spec.Window;
import org.convscope.model.ModelFile;
import org.convscope.open.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A small graph network with what real CNNs are made of (an input normalisation, a residual block with batch norms,
 * a depthwise convolution with ReLU6, a squeeze-excitation multiplication, a concatenation, global average pooling,
 * hard swish and a log-softmax): its gradients, for every parameter and for the input, against central finite
 * differences of the whole loss; its architecture through JSON and a model file; and a plain sequence built both
 * ways computing the same thing.
 */
class GraphNetworkTest {
    private static final int BATCH = 2;

    /** Layer i's inputs by name ("input" for the network's). */
    private record Node(LayerSpec spec, String... inputs) {}

    private static NetworkSpec graph(String name, Dims input, List<Node> nodes) {
        List<LayerSpec> layers = new java.util.ArrayList<>();
        List<List<Integer>> sources = new java.util.ArrayList<>();
        for (Node n : nodes) {
            List<Integer> s = new java.util.ArrayList<>();
            for (String in : n.inputs()) {
                int index = -1;
                for (int i = 0; i < layers.size(); i++) if (layers.get(i).name().equals(in)) index = i;
                if (!in.equals("input") && index < 0) throw new IllegalArgumentException(in);
                s.add(index);
            }
            if (n.inputs().length == 0) s.add(layers.size() - 1);
            layers.add(n.spec());
            sources.add(s);
        }
        return new NetworkSpec(name, input, layers, sources);
    }

    private static Window same3x3(int stride) {
        return new Window(3, 3, stride, stride, 1, 1, 1, 1, 1, 1, Window.Rounding.FLOOR);
    }

    static NetworkSpec realParts() {
        return graph("real-parts", new Dims(3, 6, 6), List.of(
                new Node(new ConstantOpSpec("normalise", Arithmetic.SUB, new Dims(3, 1, 1), false)),
                new Node(new ConvSpec("stem", 4, same3x3(1), 1)),
                new Node(new BatchNormSpec("stem_bn")),
                new Node(new ActivationSpec("stem_relu", ActivationSpec.Kind.RELU)),
                new Node(new ConvSpec("block_conv", 4, same3x3(1), 1)),
                new Node(new BatchNormSpec("block_bn")),
                new Node(new MergeSpec("residual", MergeSpec.Kind.ADD), "block_bn", "stem_relu"),
                new Node(new ConvSpec("depthwise", 4, same3x3(2), 4)),
                new Node(new ActivationSpec("relu6", ActivationSpec.Kind.CLIP)),
                new Node(new GlobalPoolSpec("se_pool", PoolSpec.Kind.AVERAGE)),
                new Node(new ConvSpec("se_fc", 4, new Window(1, 1, 1, 1, 0, 0, 0, 0, 1, 1, Window.Rounding.FLOOR), 1)),
                new Node(new ActivationSpec("se_gate", ActivationSpec.Kind.SIGMOID)),
                new Node(new MergeSpec("se_scale", MergeSpec.Kind.MUL), "se_gate", "relu6"),
                new Node(new PoolSpec("pool", PoolSpec.Kind.MAX, same3x3(2), false), "residual"),
                new Node(new MergeSpec("concat", MergeSpec.Kind.CONCAT), "se_scale", "pool"),
                new Node(new ActivationSpec("hswish", ActivationSpec.Kind.HARD_SWISH)),
                new Node(new GlobalPoolSpec("gap", PoolSpec.Kind.AVERAGE)),
                new Node(new FlattenSpec("flatten")),
                new Node(new DenseSpec("fc", 5)),
                new Node(new SoftmaxSpec("log_softmax", true))));
    }

    /** The network with random weights, non-trivial batch norm statistics and normalisation constants. */
    private static Network network(long seed) {
        Network net = Network.initialized(realParts(), seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        for (Param p : net.params()) {
            if (p.isWeight() && !p.name().endsWith("_bn.weight")) continue;
            for (int i = 0; i < p.size(); i++) p.value()[i] = (float) random.nextDouble(0.5, 1.5) * (p.name().endsWith(".weight") ? 1 : 0.2f);
        }
        for (Layer layer : net.layers()) {
            if (layer instanceof BatchNormLayer bn) {
                for (int c = 0; c < bn.mean().size(); c++) {
                    bn.mean().value()[c] = (float) random.nextDouble(-0.3, 0.3);
                    bn.variance().value()[c] = (float) random.nextDouble(0.5, 2);
                }
            }
            if (layer instanceof ConstantOpLayer c) {
                for (int i = 0; i < c.constant().size(); i++) c.constant().value()[i] = (float) random.nextDouble(-0.5, 0.5);
            }
        }
        return net;
    }

    static Stream<Arguments> cases() {
        return TestKernels.all().flatMap(k -> Stream.of(Loss.values()).map(loss -> Arguments.of(k, loss)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void backwardMatchesFiniteDifferencesForEveryParameterAndTheInput(Kernels k, Loss loss) {
        Network net = network(5);
        Workspace ws = new Workspace(net, k, BATCH);
        SplittableRandom random = new SplittableRandom(9);
        float[] input = ws.input();
        for (int i = 0; i < BATCH * net.input().size(); i++) input[i] = (float) random.nextDouble(-1, 1);
        WholeGradientCheck check = new WholeGradientCheck(ws, new int[] {1, 3}, loss);
        float[][] grads = check.analytic(true);
        for (int p = 0; p < net.params().size(); p++) check.compare(net.params().get(p).name(), net.params().get(p).value(), grads[p]);
        check.compare("input", input, grads[grads.length - 1]);
        check.assertWholeAgrees();
    }

    @Test
    void theArchitectureSurvivesJsonAndAModelFileBitForBit(@TempDir Path dir) throws Exception {
        NetworkSpec spec = realParts();
        assertEquals(spec, NetworkSpecJson.fromJson(NetworkSpecJson.toJson(spec)));
        Network net = network(3);
        Path file = dir.resolve("graph.safetensors");
        ModelFile.save(file, net, Map.of());
        Network loaded = Models.load(file).network();
        Workspace a = new Workspace(net, ScalarKernels.INSTANCE, 1);
        Workspace b = new Workspace(loaded, ScalarKernels.INSTANCE, 1);
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < net.input().size(); i++) a.input()[i] = b.input()[i] = (float) random.nextDouble(-1, 1);
        a.forward(1);
        b.forward(1);
        for (int i = 0; i < net.layers().size(); i++) {
            int size = net.layers().get(i).output().size();
            assertArrayEquals(java.util.Arrays.copyOf(a.output(i), size), java.util.Arrays.copyOf(b.output(i), size),
                    net.layers().get(i).spec().name());
        }
    }

    @Test
    void aSequenceWrittenAsAGraphComputesTheSame() {
        NetworkSpec sequence = org.convscope.engine.spec.Presets.lenet5();
        List<List<Integer>> sources = new java.util.ArrayList<>();
        for (int i = 0; i < sequence.layers().size(); i++) sources.add(List.of(i - 1));
        NetworkSpec asGraph = new NetworkSpec("lenet5", sequence.input(), sequence.layers(), sources);
        assertTrue(asGraph.isSequence());
        assertEquals(sequence, asGraph);
        assertEquals(NetworkSpecJson.toJson(sequence), NetworkSpecJson.toJson(asGraph));
        assertTrue(!NetworkSpecJson.toJson(sequence).contains("\"inputs\""), "a sequence's JSON names no inputs");
    }

    @Test
    void aResidualGradientIsTheSumOfBothPaths() {
        // y = relu(x)·w1 + relu(x)·w2 through two 1×1 convolutions reading one layer: dL/d relu = w1·dy + w2·dy.
        Window one = new Window(1, 1, 1, 1, 0, 0, 0, 0, 1, 1, Window.Rounding.FLOOR);
        NetworkSpec spec = graph("fan-out", new Dims(1, 1, 1), List.of(
                new Node(new ConvSpec("a", 1, one, 1)),
                new Node(new ConvSpec("b", 1, one, 1), "a"),
                new Node(new ConvSpec("c", 1, one, 1), "a"),
                new Node(new MergeSpec("sum", MergeSpec.Kind.ADD), "b", "c"),
                new Node(new FlattenSpec("flat"))));
        Network net = Network.initialized(spec, 1);
        float[][] w = {{2f}, {0f}, {3f}, {0f}, {5f}, {0f}};
        for (int p = 0; p < w.length; p++) net.params().get(p).value()[0] = w[p][0];
        Workspace ws = new Workspace(net, ScalarKernels.INSTANCE, 1);
        ws.setInputGradient(true);
        ws.input()[0] = 1f;
        ws.forward(1);
        assertEquals(2f * 3f + 2f * 5f, ws.result()[0]);
        ws.zeroGrads();
        ws.backward(new int[] {0}, 0, Loss.SQUARED_ERROR, 1f);
        float dy = ws.result()[0] - 1f;
        assertEquals(dy * (3f + 5f), ws.outputGrad(0)[0], 1e-5f, "dL/da gathers both readers");
        assertEquals(dy * (3f + 5f) * 2f, ws.inputGrad()[0], 1e-5f);
        assertEquals(dy * (3f + 5f) * 1f, ws.paramGrads()[0][0], 1e-5f, "dL/dw_a");
    }

    @Test
    void aLayerReadingALaterLayerIsRefusedInWords() {
        NetworkSpec lenet = org.convscope.engine.spec.Presets.lenet5();
        List<List<Integer>> sources = new java.util.ArrayList<>();
        for (int i = 0; i < lenet.layers().size(); i++) sources.add(List.of(i == 3 ? 5 : i - 1));
        InvalidNetworkException e = assertThrows(InvalidNetworkException.class,
                () -> new NetworkSpec("bad", lenet.input(), lenet.layers(), sources));
        assertTrue(e.getMessage().contains("conv2") && e.getMessage().contains("does not come before it"), e.getMessage());
    }

    @Test
    void aNetworkLargerThanTheHeapIsRefusedBeforeAllocation() {
        NetworkSpec huge = new NetworkSpec("huge", new Dims(1, 28, 28), List.of(
                new FlattenSpec("flatten"), new DenseSpec("fc1", 1_000_000), new DenseSpec("fc2", 10)));
        InvalidNetworkException e = assertThrows(InvalidNetworkException.class, () -> Network.initialized(huge, 1));
        assertTrue(e.getMessage().contains("need") && e.getMessage().contains("the heap allows"), e.getMessage());
        NetworkSpec overflow = new NetworkSpec("overflow", new Dims(1, 28, 28), List.of(
                new FlattenSpec("flatten"), new DenseSpec("fc1", 1_000_000_000), new DenseSpec("fc2", 1_000_000_000)));
        InvalidNetworkException o = assertThrows(InvalidNetworkException.class, () -> Network.initialized(overflow, 1));
        assertTrue(o.getMessage().contains("the heap allows"), o.getMessage());
    }
}
