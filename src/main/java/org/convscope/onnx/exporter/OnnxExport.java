package org.convscope.onnx.exporter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.layer.ActivationLayer;
import org.convscope.engine.layer.Layer;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.BatchNormSpec;
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
import org.convscope.engine.spec.ReshapeSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.engine.spec.Window;
import org.convscope.io.FileException;
import org.convscope.onnx.OnnxAttribute;
import org.convscope.onnx.OnnxGraph;
import org.convscope.onnx.OnnxModel;
import org.convscope.onnx.OnnxNode;
import org.convscope.onnx.OnnxTensor;
import org.convscope.onnx.OnnxValue;
import org.convscope.onnx.OnnxWriter;

/**
 * Writes a ConvScope network as ONNX (opset {@value #OPSET}): the graph input "input" [N, C, H, W] (N for any batch;
 * [N, F] for a vector input), the output "output" [N, classes], one node per layer named after it (a fully connected
 * layer reading maps gets a Flatten before it; hard swish, which opset 13 lacks, is HardSigmoid(⅙, ½) times x, the
 * same arithmetic as ConvScope's), and the parameters and buffers as initializers named as in ConvScope's model files
 * ("conv1.weight", "bn1.running_mean"). ConvScope's import of the file computes bit for bit what the network does.
 */
public final class OnnxExport {
    public static final long OPSET = 13;
    /** The ONNX format version of opset 13. */
    private static final long IR_VERSION = 7;

    private final Network network;
    private final List<OnnxNode> nodes = new ArrayList<>();
    private final Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
    private final String[] outputName;
    private final int[] rank;

    private OnnxExport(Network network) {
        this.network = network;
        outputName = new String[network.layers().size()];
        rank = new int[network.layers().size()];
    }

    /** Writes the network to {@code file} (atomically), with the metadata (e.g. "labels") as metadata_props. */
    public static void write(Path file, Network network, Map<String, String> metadata) throws FileException {
        OnnxExport export = new OnnxExport(network);
        OnnxGraph graph = export.graph();
        OnnxWriter.write(file, new OnnxModel(file, IR_VERSION, Map.of("", OPSET), "ConvScope", metadata, graph));
    }

    private OnnxGraph graph() {
        NetworkSpec spec = network.spec();
        Dims in = spec.input();
        int inputRank = in.isVector() ? 2 : 4;
        for (Param p : network.params()) initializers.put(p.name(), floats(p));
        for (Param p : network.buffers()) initializers.put(p.name(), floats(p));
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            int[] sources = network.sources(i);
            List<String> inputs = new ArrayList<>();
            List<Integer> ranks = new ArrayList<>();
            for (int s : sources) {
                inputs.add(s == NetworkSpec.INPUT ? "input" : outputName[s]);
                ranks.add(s == NetworkSpec.INPUT ? inputRank : rank[s]);
            }
            layer(i, layers.get(i), inputs, ranks);
        }
        int last = layers.size() - 1;
        String result = outputName[last];
        if (rank[last] != 2) result = flatten(spec.layers().get(last).name() + ".to_vector", result);
        nodes.add(node("output", "Identity", List.of(result), "output"));
        OnnxValue input = inputRank == 2 ? value("input", in.size())
                : value("input", in.channels(), in.height(), in.width());
        OnnxValue output = value("output", network.numClasses());
        return new OnnxGraph(spec.name(), nodes, initializers, List.of(input), List.of(output));
    }

    /** [N, dims…] with a symbolic batch. */
    private static OnnxValue value(String name, long... dims) {
        List<OnnxValue.Dim> shape = new ArrayList<>();
        shape.add(new OnnxValue.Dim.Symbolic("N"));
        for (long d : dims) shape.add(new OnnxValue.Dim.Fixed(d));
        return new OnnxValue(name, OnnxTensor.DataType.FLOAT, shape);
    }

    private static OnnxTensor floats(Param p) {
        int[] shape = p.shape();
        long[] dims = new long[shape.length];
        for (int i = 0; i < dims.length; i++) dims[i] = shape[i];
        return OnnxTensor.ofFloats(p.name(), dims, p.value());
    }

    private static OnnxNode node(String name, String op, List<String> inputs, String output, OnnxAttribute... attributes) {
        Map<String, OnnxAttribute> attrs = new LinkedHashMap<>();
        for (OnnxAttribute a : attributes) attrs.put(a.name(), a);
        return new OnnxNode(name, op, "", inputs, List.of(output), attrs);
    }

    private static OnnxAttribute ints(String name, long... values) {
        return new OnnxAttribute.Ints(name, values);
    }

    private String flatten(String name, String input) {
        nodes.add(node(name, "Flatten", List.of(input), name, new OnnxAttribute.Int("axis", 1)));
        return name;
    }

    /** An input of rank 2 or 4 brought to rank 4 ([N, C, 1, 1]) for a layer that combines it with maps. */
    private String asMaps(String name, String input, int inputRank, Dims dims) {
        if (inputRank == 4) return input;
        String shape = name + ".shape";
        initializers.put(shape, OnnxTensor.ofLongs(shape, new long[] {4}, new long[] {0, dims.channels(), dims.height(), dims.width()}));
        nodes.add(node(name, "Reshape", List.of(input, shape), name));
        return name;
    }

    private void layer(int i, Layer layer, List<String> in, List<Integer> ranks) {
        LayerSpec spec = layer.spec();
        String name = spec.name();
        String x = in.get(0);
        int r = ranks.get(0);
        int outRank = r;
        switch (spec) {
            case ConvSpec c -> {
                nodes.add(node(name, "Conv", List.of(asMaps(name + ".maps", x, r, layer.input()), name + ".weight", name + ".bias"), name,
                        windowAttrs(c.kernel(), true).toArray(OnnxAttribute[]::new)));
                nodes.set(nodes.size() - 1, withAttr(nodes.getLast(), new OnnxAttribute.Int("group", c.groups())));
                outRank = 4;
            }
            case PoolSpec p -> {
                String op = switch (p.kind()) {
                    case MAX -> "MaxPool";
                    case AVERAGE -> "AveragePool";
                    case L2 -> "LpPool";
                };
                List<OnnxAttribute> attrs = windowAttrs(p.kernel(), p.kind() == PoolSpec.Kind.MAX);
                if (p.kind() != PoolSpec.Kind.L2) attrs.add(new OnnxAttribute.Int("ceil_mode", p.kernel().rounding() == Window.Rounding.CEIL ? 1 : 0));
                else if (p.kernel().rounding() == Window.Rounding.CEIL) throw new IllegalArgumentException(name
                        + ": L2 pooling that rounds up cannot be written at opset 13");
                if (p.kind() == PoolSpec.Kind.AVERAGE) attrs.add(new OnnxAttribute.Int("count_include_pad", p.countIncludePad() ? 1 : 0));
                if (p.kind() == PoolSpec.Kind.L2) attrs.add(new OnnxAttribute.Int("p", 2));
                nodes.add(node(name, op, List.of(asMaps(name + ".maps", x, r, layer.input())), name, attrs.toArray(OnnxAttribute[]::new)));
                outRank = 4;
            }
            case GlobalPoolSpec g -> {
                nodes.add(node(name, g.kind() == PoolSpec.Kind.MAX ? "GlobalMaxPool" : "GlobalAveragePool",
                        List.of(asMaps(name + ".maps", x, r, layer.input())), name));
                outRank = 4;
            }
            case ActivationSpec a -> activation(name, a, x);
            case BatchNormSpec b -> nodes.add(node(name, "BatchNormalization", List.of(x, name + ".weight", name + ".bias",
                    name + ".running_mean", name + ".running_var"), name, new OnnxAttribute.Float("epsilon", b.epsilon())));
            case FlattenSpec f -> {
                if (r == 2) nodes.add(node(name, "Identity", List.of(x), name));
                else flatten(name, x);
                outRank = 2;
            }
            case DenseSpec d -> {
                String v = r == 2 ? x : flatten(name + ".flatten", x);
                nodes.add(node(name, "Gemm", List.of(v, name + ".weight", name + ".bias"), name,
                        new OnnxAttribute.Int("transB", 1)));
                outRank = 2;
            }
            case SoftmaxSpec s -> {
                String v = r == 2 ? x : flatten(name + ".flatten", x);
                nodes.add(node(name, s.log() ? "LogSoftmax" : "Softmax", List.of(v), name, new OnnxAttribute.Int("axis", 1)));
                outRank = 2;
            }
            case ReshapeSpec rs -> {
                Dims d = rs.shape();
                long[] target = {0, d.channels(), d.height(), d.width()};
                String shape = name + ".shape";
                initializers.put(shape, OnnxTensor.ofLongs(shape, new long[] {target.length}, target));
                nodes.add(node(name, "Reshape", List.of(x, shape), name));
                outRank = 4;
            }
            case PadSpec p -> {
                String pads = name + ".pads";
                String value = name + ".value";
                initializers.put(pads, OnnxTensor.ofLongs(pads, new long[] {8}, new long[] {0, 0, p.top(), p.left(), 0, 0, p.bottom(), p.right()}));
                initializers.put(value, OnnxTensor.ofFloats(value, new long[0], new float[] {p.value()}));
                nodes.add(node(name, "Pad", List.of(asMaps(name + ".maps", x, r, layer.input()), pads, value), name,
                        new OnnxAttribute.Str("mode", "constant")));
                outRank = 4;
            }
            case ConstantOpSpec c -> {
                Dims d = c.constant();
                Param constant = layer.buffers().get(0);
                long[] dims = r == 2 ? new long[] {1, d.channels()} : new long[] {1, d.channels(), d.height(), d.width()};
                if (r == 2 && (d.height() != 1 || d.width() != 1)) throw new IllegalArgumentException(name + ": a map constant on a vector");
                initializers.put(constant.name(), OnnxTensor.ofFloats(constant.name(), dims, constant.value()));
                String op = arithmetic(c.op());
                nodes.add(node(name, op, c.constantFirst() ? List.of(constant.name(), x) : List.of(x, constant.name()), name));
            }
            case MergeSpec m -> {
                if (m.kind() == MergeSpec.Kind.CONCAT) {
                    boolean anyMaps = ranks.contains(4);
                    List<String> parts = new ArrayList<>();
                    for (int j = 0; j < in.size(); j++) {
                        parts.add(anyMaps ? asMaps(name + ".maps" + j, in.get(j), ranks.get(j), layer.inputs().get(j)) : in.get(j));
                    }
                    nodes.add(node(name, "Concat", parts, name, new OnnxAttribute.Int("axis", 1)));
                    outRank = anyMaps ? 4 : 2;
                } else {
                    boolean anyMaps = ranks.contains(4);
                    String a = anyMaps ? asMaps(name + ".a", in.get(0), ranks.get(0), layer.inputs().get(0)) : in.get(0);
                    String b = anyMaps ? asMaps(name + ".b", in.get(1), ranks.get(1), layer.inputs().get(1)) : in.get(1);
                    nodes.add(node(name, arithmetic(m.arithmetic()), List.of(a, b), name));
                    outRank = anyMaps ? 4 : 2;
                }
            }
        }
        outputName[i] = name;
        rank[i] = outRank;
    }

    private static OnnxNode withAttr(OnnxNode n, OnnxAttribute a) {
        Map<String, OnnxAttribute> attrs = new LinkedHashMap<>(n.attributes());
        attrs.put(a.name(), a);
        return new OnnxNode(n.name(), n.opType(), n.domain(), n.inputs(), n.outputs(), attrs);
    }

    private static String arithmetic(org.convscope.engine.spec.Arithmetic op) {
        return switch (op) {
            case ADD -> "Add";
            case SUB -> "Sub";
            case MUL -> "Mul";
            case DIV -> "Div";
        };
    }

    private static List<OnnxAttribute> windowAttrs(Window w, boolean dilations) {
        List<OnnxAttribute> attrs = new ArrayList<>();
        attrs.add(ints("kernel_shape", w.kernelH(), w.kernelW()));
        attrs.add(ints("strides", w.strideH(), w.strideW()));
        attrs.add(ints("pads", w.padTop(), w.padLeft(), w.padBottom(), w.padRight()));
        if (dilations) attrs.add(ints("dilations", w.dilationH(), w.dilationW()));
        else if (w.dilationH() != 1 || w.dilationW() != 1) throw new IllegalArgumentException("dilated average pooling");
        return attrs;
    }

    private void activation(String name, ActivationSpec a, String x) {
        switch (a.kind()) {
            case RELU -> nodes.add(node(name, "Relu", List.of(x), name));
            case TANH -> nodes.add(node(name, "Tanh", List.of(x), name));
            case SIGMOID -> nodes.add(node(name, "Sigmoid", List.of(x), name));
            case LEAKY_RELU -> nodes.add(node(name, "LeakyRelu", List.of(x), name, new OnnxAttribute.Float("alpha", a.alpha())));
            case HARD_SIGMOID -> nodes.add(node(name, "HardSigmoid", List.of(x), name,
                    new OnnxAttribute.Float("alpha", a.alpha()), new OnnxAttribute.Float("beta", a.beta())));
            case CLIP -> {
                String min = name + ".min";
                String max = name + ".max";
                initializers.put(min, OnnxTensor.ofFloats(min, new long[0], new float[] {a.alpha()}));
                initializers.put(max, OnnxTensor.ofFloats(max, new long[0], new float[] {a.beta()}));
                nodes.add(node(name, "Clip", List.of(x, min, max), name));
            }
            case HARD_SWISH -> {
                String gate = name + ".gate";
                nodes.add(node(gate, "HardSigmoid", List.of(x), gate, new OnnxAttribute.Float("alpha", ActivationLayer.SIXTH),
                        new OnnxAttribute.Float("beta", 0.5f)));
                nodes.add(node(name, "Mul", List.of(x, gate), name));
            }
        }
    }
}
