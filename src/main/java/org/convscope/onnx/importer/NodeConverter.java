package org.convscope.onnx.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.Arithmetic;
import org.convscope.engine.spec.BatchNormSpec;
import org.convscope.engine.spec.ConstantOpSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.GlobalPoolSpec;
import org.convscope.engine.spec.MergeSpec;
import org.convscope.engine.spec.PadSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.ReshapeSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.engine.spec.Window;
import org.convscope.onnx.OnnxException;
import org.convscope.onnx.OnnxNode;

/**
 * Turns ONNX nodes into layers (see {@link OnnxImport} for the operators). Each node's inputs are already known
 * {@link Value}s; its outputs become values in turn: a new layer's output, an alias of an input (Identity, Dropout,
 * Flatten of a vector), or a constant computed now (shape arithmetic, a Constant node).
 */
final class NodeConverter {
    /**
     * What is imported, short enough for a one-line refusal (at most 200 characters with the node's name): the
     * README's ONNX section lists every operator and attribute.
     */
    static final String SUPPORTED = "Conv, pools, BatchNormalization, activations, Add/Sub/Mul/Div, Concat, Flatten,"
            + " Reshape, Pad, Gemm, MatMul, Softmax (README)";

    private final long opset;
    private final GraphBuilder graph;
    private final Map<String, Value> values;
    private final Map<String, Integer> readers;

    /** Layers made from a MatMul whose bias a following Add may fill in, by layer index. */
    private final java.util.Set<Integer> biasFree = new java.util.HashSet<>();

    NodeConverter(long opset, GraphBuilder graph, Map<String, Value> values, Map<String, Integer> readers) {
        this.opset = opset;
        this.graph = graph;
        this.values = values;
        this.readers = readers;
    }

    void convert(OnnxNode node) throws OnnxException {
        if (!node.domain().isEmpty()) {
            throw new OnnxException(node.describe() + ": operators of the domain \"" + node.domain()
                    + "\" are not supported; ConvScope imports ONNX's own " + SUPPORTED);
        }
        switch (node.opType()) {
            case "Conv" -> conv(node);
            case "MaxPool" -> pool(node, PoolSpec.Kind.MAX);
            case "AveragePool" -> pool(node, PoolSpec.Kind.AVERAGE);
            case "LpPool" -> pool(node, PoolSpec.Kind.L2);
            case "GlobalAveragePool" -> global(node, PoolSpec.Kind.AVERAGE);
            case "GlobalMaxPool" -> global(node, PoolSpec.Kind.MAX);
            case "BatchNormalization" -> batchNorm(node);
            case "Relu" -> activation(node, new ActivationSpec(graph.name(node), ActivationSpec.Kind.RELU));
            case "Sigmoid" -> activation(node, new ActivationSpec(graph.name(node), ActivationSpec.Kind.SIGMOID));
            case "Tanh" -> activation(node, new ActivationSpec(graph.name(node), ActivationSpec.Kind.TANH));
            case "HardSwish" -> activation(node, new ActivationSpec(graph.name(node), ActivationSpec.Kind.HARD_SWISH));
            case "LeakyRelu" -> activation(node, new ActivationSpec(graph.name(node), ActivationSpec.Kind.LEAKY_RELU,
                    node.floatAttr("alpha", 0.01f), 0f));
            case "HardSigmoid" -> activation(node, new ActivationSpec(graph.name(node), ActivationSpec.Kind.HARD_SIGMOID,
                    node.floatAttr("alpha", 0.2f), node.floatAttr("beta", 0.5f)));
            case "Clip" -> clip(node);
            case "Add" -> arithmetic(node, Arithmetic.ADD);
            case "Sub" -> arithmetic(node, Arithmetic.SUB);
            case "Mul" -> arithmetic(node, Arithmetic.MUL);
            case "Div" -> arithmetic(node, Arithmetic.DIV);
            case "Concat" -> concat(node);
            case "Flatten" -> flatten(node);
            case "Reshape" -> reshape(node);
            case "Pad" -> pad(node);
            case "Gemm" -> gemm(node);
            case "MatMul" -> matMul(node);
            case "Softmax" -> softmax(node, false);
            case "LogSoftmax" -> softmax(node, true);
            case "Dropout" -> dropout(node);
            case "Identity" -> alias(node, input(node, 0));
            case "Constant" -> constantNode(node);
            case "Shape", "Gather", "Unsqueeze", "Squeeze", "Slice", "Cast", "ConstantOfShape", "Transpose" -> shapeArithmetic(node);
            case "ReduceMean" -> reduceMean(node);
            default -> throw new OnnxException(node.describe() + ": not supported; ConvScope reads " + SUPPORTED);
        }
    }

    // ------------------------------------------------------------------ inputs and outputs

    private Value input(OnnxNode node, int i) throws OnnxException {
        if (i >= node.inputs().size() || node.inputs().get(i).isEmpty()) {
            throw new OnnxException(node.describe() + ": input " + (i + 1) + " is missing");
        }
        Value v = values.get(node.inputs().get(i));
        if (v == null) throw new OnnxException(node.describe() + ": input " + quote(node.inputs().get(i)) + " is not known");
        return v;
    }

    private boolean has(OnnxNode node, int i) {
        return i < node.inputs().size() && !node.inputs().get(i).isEmpty();
    }

    /** Input i, which must come from the image (a layer's output). */
    private Value.Layer layer(OnnxNode node, int i) throws OnnxException {
        if (input(node, i) instanceof Value.Layer l) return l;
        throw new OnnxException(node.describe() + ": input " + (i + 1) + " is a constant, ConvScope needs it computed"
                + " from the image");
    }

    /** Input i, which must be a constant (a weight, a shape). */
    private Tensor constant(OnnxNode node, int i) throws OnnxException {
        if (input(node, i) instanceof Value.Constant c) return c.tensor();
        throw new OnnxException(node.describe() + ": input " + (i + 1) + " must be a constant (ConvScope imports fixed"
                + " weights and shapes), but it is computed from the image");
    }

    private float[] floats(OnnxNode node, int i, String what, long... dims) throws OnnxException {
        Tensor t = constant(node, i);
        if (t.isInteger()) throw new OnnxException(node.describe() + ": the " + what + " must be floating point");
        if (dims.length > 0 && !Arrays.equals(t.dims(), dims)) {
            throw new OnnxException(node.describe() + ": the " + what + " has shape " + Arrays.toString(t.dims())
                    + ", expected " + Arrays.toString(dims));
        }
        return t.floats();
    }

    /** Checks that optional output i is absent or read by nobody. */
    private void unused(OnnxNode node, int i) throws OnnxException {
        if (i < node.outputs().size() && !node.outputs().get(i).isEmpty() && readers.getOrDefault(node.outputs().get(i), 0) > 0) {
            throw new OnnxException(node.describe() + ": its output " + (i + 1) + " (" + quote(node.outputs().get(i))
                    + ") is used, which ConvScope does not support");
        }
    }

    /**
     * Dropout at inference is the identity; one in training mode (opset 12's third input, true) drops values at random
     * and is refused.
     */
    private void dropout(OnnxNode node) throws OnnxException {
        unused(node, 1);
        if (has(node, 2)) {
            Tensor training = constant(node, 2);
            if (training.size() != 1 || training.asFloats()[0] != 0) {
                throw new OnnxException(node.describe() + ": dropout in training mode (training_mode true) drops values at"
                        + " random; ConvScope imports models exported for inference (call model.eval() before exporting)");
            }
        }
        alias(node, input(node, 0));
    }

    private void alias(OnnxNode node, Value v) throws OnnxException {
        for (int i = 1; i < node.outputs().size(); i++) unused(node, i);
        values.put(node.outputs().get(0), v);
    }

    private void output(OnnxNode node, int layer, int rank) throws OnnxException {
        for (int i = 1; i < node.outputs().size(); i++) unused(node, i);
        values.put(node.outputs().get(0), new Value.Layer(layer, graph.dims(layer), rank));
    }

    private int add(OnnxNode node, org.convscope.engine.spec.LayerSpec spec, Value.Layer... from) throws OnnxException {
        List<Integer> sources = new ArrayList<>(from.length);
        for (Value.Layer l : from) sources.add(l.index());
        return graph.add(node, spec, sources);
    }

    private static String quote(String s) {
        return "'" + (s.length() <= 60 ? s : s.substring(0, 57) + "…") + "'";
    }

    /** A size, count or index from the file, which must lie in [min, max]. */
    private static int small(OnnxNode node, long v, String what, long min, long max) throws OnnxException {
        if (v < min || v > max) {
            throw new OnnxException(node.describe() + ": " + what + " " + v + " is outside " + min + ".." + max);
        }
        return (int) v;
    }

    private static final int LIMIT = 1 << 16;

    // ------------------------------------------------------------------ convolution and pooling

    /** kernel, strides, pads (top, left, bottom, right) and dilations of a 2-D window, with auto_pad resolved. */
    private Window window(OnnxNode node, Dims in, long[] kernel, Window.Rounding rounding, boolean dilated) throws OnnxException {
        if (kernel == null || kernel.length != 2) {
            throw new OnnxException(node.describe() + ": ConvScope imports 2-D windows only, kernel_shape is "
                    + (kernel == null ? "missing" : Arrays.toString(kernel)));
        }
        int kh = small(node, kernel[0], "kernel height", 1, LIMIT);
        int kw = small(node, kernel[1], "kernel width", 1, LIMIT);
        long[] s = node.intsAttr("strides", new long[] {1, 1});
        long[] d = node.intsAttr("dilations", new long[] {1, 1});
        long[] p = node.intsAttr("pads", new long[] {0, 0, 0, 0});
        if (s.length != 2 || d.length != 2 || p.length != 4) {
            throw new OnnxException(node.describe() + ": strides, dilations and pads must be given for 2 axes");
        }
        int sh = small(node, s[0], "stride", 1, LIMIT);
        int sw = small(node, s[1], "stride", 1, LIMIT);
        int dh = small(node, d[0], "dilation", 1, LIMIT);
        int dw = small(node, d[1], "dilation", 1, LIMIT);
        if (!dilated && (dh != 1 || dw != 1)) throw new OnnxException(node.describe() + ": dilations are not supported here");
        int[] pads = new int[4];
        for (int i = 0; i < 4; i++) pads[i] = small(node, p[i], "padding", 0, LIMIT);
        String auto = node.stringAttr("auto_pad", "NOTSET");
        switch (auto) {
            case "NOTSET" -> { }
            case "VALID" -> Arrays.fill(pads, 0);
            case "SAME_UPPER", "SAME_LOWER" -> {
                int[] total = {samePadding(in.height(), kh, sh, dh), samePadding(in.width(), kw, sw, dw)};
                for (int axis = 0; axis < 2; axis++) {
                    int small = total[axis] / 2;
                    int large = total[axis] - small;
                    pads[axis] = auto.equals("SAME_UPPER") ? small : large;
                    pads[axis + 2] = auto.equals("SAME_UPPER") ? large : small;
                }
            }
            default -> throw new OnnxException(node.describe() + ": auto_pad " + quote(auto) + " is not NOTSET, VALID,"
                    + " SAME_UPPER or SAME_LOWER");
        }
        return new Window(kh, kw, sh, sw, pads[0], pads[1], pads[2], pads[3], dh, dw, rounding);
    }

    private static int samePadding(int size, int k, int s, int d) {
        int out = Math.ceilDiv(size, s);
        return Math.max(0, (out - 1) * s + (k - 1) * d + 1 - size);
    }

    private void conv(OnnxNode node) throws OnnxException {
        Value.Layer x = layer(node, 0);
        if (x.rank() != 4) throw new OnnxException(node.describe() + ": ConvScope imports 2-D convolutions of N×C×H×W tensors");
        Tensor w = constant(node, 1);
        if (w.rank() != 4 || w.isInteger()) {
            throw new OnnxException(node.describe() + ": the weights must be a floating-point [F][C/groups][kH][kW] tensor, got "
                    + Arrays.toString(w.dims()));
        }
        int groups = small(node, node.intAttr("group", 1), "group count", 1, LIMIT);
        long[] kernel = node.intsAttr("kernel_shape", new long[] {w.dims()[2], w.dims()[3]});
        if (kernel.length != 2 || kernel[0] != w.dims()[2] || kernel[1] != w.dims()[3]) {
            throw new OnnxException(node.describe() + ": kernel_shape " + Arrays.toString(kernel) + " disagrees with the weights "
                    + Arrays.toString(w.dims()));
        }
        int filters = small(node, w.dims()[0], "filter count", 1, Integer.MAX_VALUE);
        if ((long) x.dims().channels() != w.dims()[1] * groups) {
            throw new OnnxException(node.describe() + ": the weights " + Arrays.toString(w.dims()) + " with " + groups
                    + " groups read " + w.dims()[1] * groups + " channels, the input has " + x.dims().channels());
        }
        Window window = window(node, x.dims(), kernel, Window.Rounding.FLOOR, true);
        String name = graph.name(node);
        int layer = add(node, new ConvSpec(name, filters, window, groups), x);
        graph.put(name + ".weight", w.floats());
        graph.put(name + ".bias", has(node, 2) ? floats(node, 2, "bias", filters) : new float[filters]);
        output(node, layer, 4);
    }

    private void pool(OnnxNode node, PoolSpec.Kind kind) throws OnnxException {
        Value.Layer x = layer(node, 0);
        if (x.rank() != 4) throw new OnnxException(node.describe() + ": ConvScope imports 2-D pooling of N×C×H×W tensors");
        unused(node, 1);
        if (kind == PoolSpec.Kind.L2 && node.intAttr("p", 2) != 2) {
            throw new OnnxException(node.describe() + ": LpPool with p = " + node.intAttr("p", 2) + "; ConvScope imports p = 2");
        }
        boolean ceil = node.intAttr("ceil_mode", 0) != 0;
        Window window = window(node, x.dims(), node.intsAttr("kernel_shape", null),
                ceil ? Window.Rounding.CEIL : Window.Rounding.FLOOR, kind == PoolSpec.Kind.MAX);
        boolean countPad = kind == PoolSpec.Kind.AVERAGE && node.intAttr("count_include_pad", 0) != 0;
        add1(node, new PoolSpec(graph.name(node), kind, window, countPad), x, 4);
    }

    private void add1(OnnxNode node, org.convscope.engine.spec.LayerSpec spec, Value.Layer x, int rank) throws OnnxException {
        output(node, add(node, spec, x), rank);
    }

    private void global(OnnxNode node, PoolSpec.Kind kind) throws OnnxException {
        Value.Layer x = layer(node, 0);
        if (x.rank() != 4) throw new OnnxException(node.describe() + ": global pooling needs an N×C×H×W tensor");
        add1(node, new GlobalPoolSpec(graph.name(node), kind), x, 4);
    }

    private void reduceMean(OnnxNode node) throws OnnxException {
        Value.Layer x = layer(node, 0);
        long[] axes = has(node, 1) ? constant(node, 1).asLongs() : node.intsAttr("axes", null);
        boolean keep = node.intAttr("keepdims", 1) != 0;
        if (x.rank() != 4 || axes == null || axes.length != 2 || normalize(axes[0], 4) + normalize(axes[1], 4) != 5
                || normalize(axes[0], 4) == normalize(axes[1], 4)) {
            throw new OnnxException(node.describe() + ": ConvScope imports ReduceMean over the height and width of an"
                    + " N×C×H×W tensor only (a global average pool)");
        }
        add1(node, new GlobalPoolSpec(graph.name(node), PoolSpec.Kind.AVERAGE), x, keep ? 4 : 2);
    }

    private static int normalize(long axis, int rank) {
        return (int) (axis < 0 ? axis + rank : axis);
    }

    private void batchNorm(OnnxNode node) throws OnnxException {
        Value.Layer x = layer(node, 0);
        if (node.intAttr("training_mode", 0) != 0) {
            throw new OnnxException(node.describe() + ": the model was exported in training mode; export it after"
                    + " model.eval() (torch.onnx.export(..., training=torch.onnx.TrainingMode.PRESERVE) keeps batch norm)");
        }
        if (node.intAttr("spatial", 1) != 1) throw new OnnxException(node.describe() + ": spatial = 0 is not supported");
        for (int i = 1; i < 5; i++) unused(node, i);
        long c = x.dims().channels();
        String name = graph.name(node);
        int layer = add(node, new BatchNormSpec(name, node.floatAttr("epsilon", 1e-5f)), x);
        graph.put(name + ".weight", floats(node, 1, "scale", c));
        graph.put(name + ".bias", floats(node, 2, "bias", c));
        graph.put(name + ".running_mean", floats(node, 3, "mean", c));
        float[] variance = floats(node, 4, "variance", c);
        for (float v : variance) {
            if (!(v >= 0)) throw new OnnxException(node.describe() + ": a running variance is negative or not a number");
        }
        graph.put(name + ".running_var", variance);
        output(node, layer, x.rank());
    }

    // ------------------------------------------------------------------ element-wise

    private void activation(OnnxNode node, ActivationSpec spec) throws OnnxException {
        Value.Layer x = layer(node, 0);
        add1(node, spec, x, x.rank());
    }

    private void clip(OnnxNode node) throws OnnxException {
        float min;
        float max;
        if (opset < 11) {
            min = node.floatAttr("min", Float.NEGATIVE_INFINITY);
            max = node.floatAttr("max", Float.POSITIVE_INFINITY);
        } else {
            min = has(node, 1) ? scalar(node, 1, "minimum") : Float.NEGATIVE_INFINITY;
            max = has(node, 2) ? scalar(node, 2, "maximum") : Float.POSITIVE_INFINITY;
        }
        if (min == -Float.MAX_VALUE) min = Float.NEGATIVE_INFINITY;
        if (max == Float.MAX_VALUE) max = Float.POSITIVE_INFINITY;
        activation(node, new ActivationSpec(graph.name(node), ActivationSpec.Kind.CLIP, min, max));
    }

    private float scalar(OnnxNode node, int i, String what) throws OnnxException {
        Tensor t = constant(node, i);
        if (t.size() != 1) throw new OnnxException(node.describe() + ": the " + what + " must be one number");
        return t.asFloats()[0];
    }

    private void arithmetic(OnnxNode node, Arithmetic op) throws OnnxException {
        Value a = input(node, 0);
        Value b = input(node, 1);
        if (a instanceof Value.Constant ca && b instanceof Value.Constant cb) {
            values.put(node.outputs().get(0), new Value.Constant(Folding.arithmetic(node, op, ca.tensor(), cb.tensor())));
            return;
        }
        if (a instanceof Value.Layer la && b instanceof Value.Layer lb) {
            if (la.rank() != lb.rank()) {
                throw new OnnxException(node.describe() + ": combines tensors of rank " + la.rank() + " and " + lb.rank()
                        + "; ConvScope combines tensors of the same rank");
            }
            MergeSpec.Kind kind = switch (op) {
                case ADD -> MergeSpec.Kind.ADD;
                case SUB -> MergeSpec.Kind.SUB;
                case MUL -> MergeSpec.Kind.MUL;
                case DIV -> MergeSpec.Kind.DIV;
            };
            output(node, add(node, new MergeSpec(graph.name(node), kind), la, lb), la.rank());
            return;
        }
        boolean constantFirst = a instanceof Value.Constant;
        Value.Layer x = (Value.Layer) (constantFirst ? b : a);
        Tensor c = ((Value.Constant) (constantFirst ? a : b)).tensor();
        if (op == Arithmetic.ADD && foldBias(node, x, c)) return;
        Dims shape = perSample(node, c, x);
        String name = graph.name(node);
        int layer = add(node, new ConstantOpSpec(name, op, shape, constantFirst), x);
        graph.put(name + ".constant", c.asFloats());
        output(node, layer, x.rank());
    }

    /** A MatMul's layer followed by the addition of its bias: the bias goes into the layer. */
    private boolean foldBias(OnnxNode node, Value.Layer x, Tensor c) {
        if (!biasFree.contains(x.index()) || c.isInteger()) return false;
        int units = x.dims().size();
        if (c.size() != units || c.rank() > 2 || c.rank() == 2 && c.dims()[0] != 1) return false;
        String name = graph.layer(x.index()).name();
        graph.put(name + ".bias", c.floats().clone());
        biasFree.remove(x.index());
        values.put(node.outputs().get(0), x);
        return true;
    }

    /**
     * The shape of one sample of a constant broadcast against x: the constant's dims aligned to x's rank from the
     * right, its batch dimension 1.
     */
    private static Dims perSample(OnnxNode node, Tensor c, Value.Layer x) throws OnnxException {
        long[] d = c.dims();
        if (d.length > x.rank()) {
            throw new OnnxException(node.describe() + ": the constant " + Arrays.toString(d) + " has more dimensions than the"
                    + " input");
        }
        long[] full = new long[x.rank()];
        Arrays.fill(full, 1);
        System.arraycopy(d, 0, full, x.rank() - d.length, d.length);
        if (full[0] != 1) throw new OnnxException(node.describe() + ": the constant " + Arrays.toString(d) + " has a batch of "
                + full[0] + "; ConvScope imports constants shared by every sample");
        try {
            return x.rank() == 2 ? new Dims(Math.toIntExact(full[1]), 1, 1)
                    : new Dims(Math.toIntExact(full[1]), Math.toIntExact(full[2]), Math.toIntExact(full[3]));
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new OnnxException(node.describe() + ": the constant " + Arrays.toString(d) + " is too large");
        }
    }

    private void concat(OnnxNode node) throws OnnxException {
        List<Value> in = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) in.add(input(node, i));
        if (in.stream().allMatch(v -> v instanceof Value.Constant)) {
            List<Tensor> ts = new ArrayList<>();
            for (Value v : in) ts.add(((Value.Constant) v).tensor());
            values.put(node.outputs().get(0), new Value.Constant(Folding.concat(node, ts, node.intAttr("axis", 0))));
            return;
        }
        List<Value.Layer> layers = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) layers.add(layer(node, i));
        int rank = layers.get(0).rank();
        for (Value.Layer l : layers) {
            if (l.rank() != rank) throw new OnnxException(node.describe() + ": concatenates tensors of different ranks");
        }
        long axis = node.intAttr("axis", 1);
        if (normalize(axis, rank) != 1) {
            throw new OnnxException(node.describe() + ": concatenation along axis " + axis + "; ConvScope concatenates"
                    + " channels (axis 1)");
        }
        if (layers.size() == 1) {
            alias(node, layers.get(0));
            return;
        }
        output(node, add(node, new MergeSpec(graph.name(node), MergeSpec.Kind.CONCAT), layers.toArray(Value.Layer[]::new)), rank);
    }

    // ------------------------------------------------------------------ shapes

    private void flatten(OnnxNode node) throws OnnxException {
        Value v = input(node, 0);
        long axis = node.intAttr("axis", 1);
        if (v instanceof Value.Constant c) {
            values.put(node.outputs().get(0), new Value.Constant(Folding.flatten(node, c.tensor(), axis)));
            return;
        }
        Value.Layer x = (Value.Layer) v;
        if (normalize(axis, x.rank()) != 1) {
            throw new OnnxException(node.describe() + ": flattening from axis " + axis + " would mix the batch; ConvScope"
                    + " flattens from axis 1");
        }
        if (x.rank() == 2) {
            alias(node, x);
            return;
        }
        add1(node, new FlattenSpec(graph.name(node)), x, 2);
    }

    private void reshape(OnnxNode node) throws OnnxException {
        Value v = input(node, 0);
        long[] target = constant(node, 1).asLongs();
        boolean allowZero = node.intAttr("allowzero", 0) != 0;
        if (v instanceof Value.Constant c) {
            values.put(node.outputs().get(0), new Value.Constant(Folding.reshape(node, c.tensor(), target, allowZero)));
            return;
        }
        Value.Layer x = (Value.Layer) v;
        long[] shape = Folding.resolveShape(node, x.shape(), target, allowZero);
        if (shape.length < 1 || shape[0] != 1 || shape.length != 2 && shape.length != 4) {
            throw new OnnxException(node.describe() + ": reshapes " + Arrays.toString(x.shape()) + " to "
                    + Arrays.toString(shape) + "; ConvScope keeps the batch first and imports N×F or N×C×H×W shapes");
        }
        if (shape.length == 2) {
            if (x.rank() == 2) alias(node, x);
            else add1(node, new FlattenSpec(graph.name(node)), x, 2);
            return;
        }
        Dims dims = new Dims((int) shape[1], (int) shape[2], (int) shape[3]);
        if (dims.equals(x.dims())) {
            alias(node, new Value.Layer(x.index(), x.dims(), 4));
            return;
        }
        add1(node, new ReshapeSpec(graph.name(node), dims), x, 4);
    }

    private void pad(OnnxNode node) throws OnnxException {
        Value.Layer x = layer(node, 0);
        String mode = node.stringAttr("mode", "constant");
        if (!mode.equals("constant")) {
            throw new OnnxException(node.describe() + ": pad mode " + quote(mode) + "; ConvScope imports constant padding");
        }
        long[] pads;
        float value;
        if (opset < 11) {
            pads = node.intsAttr("pads", null);
            value = node.floatAttr("value", 0f);
        } else {
            pads = constant(node, 1).asLongs();
            value = has(node, 2) ? scalar(node, 2, "padding value") : 0f;
            if (has(node, 3)) throw new OnnxException(node.describe() + ": padding only some axes is not supported");
        }
        if (pads == null || pads.length != 2 * x.rank() || x.rank() != 4) {
            throw new OnnxException(node.describe() + ": ConvScope imports padding of N×C×H×W tensors with 8 pads");
        }
        if (pads[0] != 0 || pads[1] != 0 || pads[4] != 0 || pads[5] != 0) {
            throw new OnnxException(node.describe() + ": pads the batch or the channels; ConvScope pads height and width");
        }
        int top = small(node, pads[2], "padding", 0, LIMIT);
        int left = small(node, pads[3], "padding", 0, LIMIT);
        int bottom = small(node, pads[6], "padding", 0, LIMIT);
        int right = small(node, pads[7], "padding", 0, LIMIT);
        add1(node, new PadSpec(graph.name(node), top, left, bottom, right, value), x, 4);
    }

    private void shapeArithmetic(OnnxNode node) throws OnnxException {
        if (node.opType().equals("Shape")) {
            Value v = input(node, 0);
            long[] shape = v instanceof Value.Layer l ? l.shape() : ((Value.Constant) v).tensor().dims();
            long start = normalize(node.intAttr("start", 0), shape.length);
            long end = node.intAttr("end", shape.length);
            end = Math.min(shape.length, end < 0 ? end + shape.length : end);
            start = Math.max(0, Math.min(start, shape.length));
            long[] part = Arrays.copyOfRange(shape, (int) start, (int) Math.max(start, end));
            values.put(node.outputs().get(0), new Value.Constant(Tensor.ofLongs(new long[] {part.length}, part)));
            return;
        }
        if (node.opType().equals("Cast") && input(node, 0) instanceof Value.Layer l) {
            if (node.intAttr("to", 1) != 1) throw new OnnxException(node.describe() + ": casts the image's values to another type");
            alias(node, l);
            return;
        }
        if (node.opType().equals("Squeeze") && input(node, 0) instanceof Value.Layer l) {
            squeezeLayer(node, l);
            return;
        }
        if (node.opType().equals("ConstantOfShape")) {
            values.put(node.outputs().get(0), new Value.Constant(Folding.constantOfShape(node, constant(node, 0))));
            return;
        }
        List<Tensor> in = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) in.add(has(node, i) ? constant(node, i) : null);
        values.put(node.outputs().get(0), new Value.Constant(Folding.shapeOp(node, in, opset)));
    }

    /** Squeezing the 1×1 plane of an N×C×1×1 tensor: the same values as an N×C vector. */
    private void squeezeLayer(OnnxNode node, Value.Layer x) throws OnnxException {
        long[] axes = has(node, 1) ? constant(node, 1).asLongs() : node.intsAttr("axes", new long[] {2, 3});
        long sum = 0;
        for (long a : axes) sum += normalize(a, x.rank());
        if (x.rank() != 4 || axes.length != 2 || sum != 5 || x.dims().height() != 1 || x.dims().width() != 1) {
            throw new OnnxException(node.describe() + ": ConvScope imports Squeeze of the 1×1 plane of an N×C×1×1 tensor only");
        }
        alias(node, new Value.Layer(x.index(), x.dims(), 2));
    }

    private void constantNode(OnnxNode node) throws OnnxException {
        Tensor t;
        if (node.attribute("value") != null) t = OnnxImport.tensor(node.tensorAttr("value", null));
        else if (node.attribute("value_float") != null) t = Tensor.ofFloats(new long[0], new float[] {node.floatAttr("value_float", 0)});
        else if (node.attribute("value_floats") != null) {
            float[] f = node.floatsAttr("value_floats", null);
            t = Tensor.ofFloats(new long[] {f.length}, f);
        } else if (node.attribute("value_int") != null) t = Tensor.ofLongs(new long[0], new long[] {node.intAttr("value_int", 0)});
        else if (node.attribute("value_ints") != null) {
            long[] l = node.intsAttr("value_ints", null);
            t = Tensor.ofLongs(new long[] {l.length}, l);
        } else {
            throw new OnnxException(node.describe() + ": a constant without a value ConvScope reads (value, value_float(s),"
                    + " value_int(s))");
        }
        values.put(node.outputs().get(0), new Value.Constant(t));
    }

    // ------------------------------------------------------------------ fully connected and softmax

    private void gemm(OnnxNode node) throws OnnxException {
        Value.Layer a = layer(node, 0);
        if (a.rank() != 2) throw new OnnxException(node.describe() + ": Gemm needs an N×F input");
        if (node.intAttr("transA", 0) != 0) throw new OnnxException(node.describe() + ": transA = 1 would mix the batch");
        Tensor b = constant(node, 1);
        if (b.rank() != 2 || b.isInteger()) throw new OnnxException(node.describe() + ": the weights must be a 2-D float matrix");
        boolean transB = node.intAttr("transB", 0) != 0;
        float alpha = node.floatAttr("alpha", 1f);
        float beta = node.floatAttr("beta", 1f);
        long in = transB ? b.dims()[1] : b.dims()[0];
        long units = transB ? b.dims()[0] : b.dims()[1];
        if (in != a.dims().size()) {
            throw new OnnxException(node.describe() + ": the weights " + Arrays.toString(b.dims()) + " take " + in
                    + " inputs, the layer before gives " + a.dims().size());
        }
        String name = graph.name(node);
        int layer = add(node, new DenseSpec(name, small(node, units, "unit count", 1, Integer.MAX_VALUE)), a);
        graph.put(name + ".weight", Folding.denseWeights(b.floats(), (int) in, (int) units, transB, alpha));
        float[] bias = new float[(int) units];
        if (has(node, 2)) {
            Tensor c = constant(node, 2);
            float[] cf = c.asFloats();
            if (c.size() == 1) Arrays.fill(bias, cf[0] * beta);
            else if (c.size() == units && (c.rank() == 1 || c.rank() == 2 && c.dims()[0] == 1)) {
                for (int i = 0; i < bias.length; i++) bias[i] = cf[i] * beta;
            } else {
                throw new OnnxException(node.describe() + ": the bias " + Arrays.toString(c.dims()) + " is not one value per unit");
            }
        }
        graph.put(name + ".bias", bias);
        output(node, layer, 2);
    }

    private void matMul(OnnxNode node) throws OnnxException {
        Value.Layer a = layer(node, 0);
        Tensor b = constant(node, 1);
        if (a.rank() != 2 || b.rank() != 2 || b.isInteger()) {
            throw new OnnxException(node.describe() + ": ConvScope imports MatMul of an N×K input by a constant K×M matrix");
        }
        if (b.dims()[0] != a.dims().size()) {
            throw new OnnxException(node.describe() + ": the matrix " + Arrays.toString(b.dims()) + " takes " + b.dims()[0]
                    + " inputs, the layer before gives " + a.dims().size());
        }
        int units = small(node, b.dims()[1], "unit count", 1, Integer.MAX_VALUE);
        String name = graph.name(node);
        int layer = add(node, new DenseSpec(name, units), a);
        graph.put(name + ".weight", Folding.denseWeights(b.floats(), a.dims().size(), units, false, 1f));
        graph.put(name + ".bias", new float[units]);
        if (readers.getOrDefault(node.outputs().get(0), 0) == 1) biasFree.add(layer);
        output(node, layer, 2);
    }

    private void softmax(OnnxNode node, boolean log) throws OnnxException {
        Value.Layer x = layer(node, 0);
        long axis = node.intAttr("axis", opset < 13 ? 1 : -1);
        int normalized = normalize(axis, x.rank());
        boolean overClasses = x.rank() == 2 && normalized == 1 || opset < 13 && normalized == 1;
        if (!overClasses || !x.dims().isVector()) {
            throw new OnnxException(node.describe() + ": softmax over axis " + axis + " of " + Arrays.toString(x.shape())
                    + "; ConvScope imports a softmax over the class scores of an N×K tensor");
        }
        add1(node, new SoftmaxSpec(graph.name(node), log), x, x.rank());
    }
}
