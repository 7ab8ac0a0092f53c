package org.convscope.engine.spec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convscope.engine.Dims;

/**
 * Architecture files: a JSON object such as
 * <pre>{"name":"lenet5","input":[1,28,28],"layers":[
 *   {"type":"conv","name":"conv1","filters":6,"kernel":[5,5],"stride":1,"padding":2},
 *   {"type":"relu","name":"relu1"}, {"type":"maxpool","name":"pool1","window":2,"stride":2},
 *   {"type":"flatten","name":"flatten"}, {"type":"dense","name":"fc1","units":120}, {"type":"softmax","name":"softmax"}]}</pre>
 * Each layer reads the one before it unless it lists its {@code "inputs"} by name ("input" is the network's input):
 * {@code {"type":"add","name":"res1","inputs":["bn2","pool1"]}}.
 * <p>
 * Types and their fields (all optional unless said):
 * <ul>
 * <li>conv: filters (required), kernel [kH, kW] or k, stride s or [sH, sW], padding p or [top, left, bottom, right],
 *     dilation d or [dH, dW], groups, rounding "exact" (the default: the kernel must fit evenly) or "floor"</li>
 * <li>maxpool, avgpool, l2pool: window k or [kH, kW] (default 2), stride (default the window), padding, dilation,
 *     ceil (round the output size up), count_include_pad (average: padding counts in the divisor)</li>
 * <li>relu, tanh, sigmoid, hardswish; leakyrelu (alpha); clip (min, max; absent means unbounded); hardsigmoid
 *     (alpha, beta)</li>
 * <li>batchnorm (epsilon), globalavgpool, globalmaxpool, flatten, reshape (shape [C, H, W]), pad (padding
 *     [top, left, bottom, right], value), dense (units, required), softmax, logsoftmax</li>
 * <li>add, sub, mul, div (two inputs), concat (inputs, along the channels)</li>
 * <li>constant (op "add", "sub", "mul" or "div", shape [C, H, W], constant_first): x ∘ c with a constant tensor saved
 *     with the model</li>
 * </ul>
 * Errors are {@link InvalidNetworkException}s naming the layer and field.
 */
public final class NetworkSpecJson {
    private static final String TYPES = "conv, relu, tanh, sigmoid, leakyrelu, clip, hardsigmoid, hardswish, maxpool,"
            + " avgpool, l2pool, globalavgpool, globalmaxpool, batchnorm, pad, flatten, reshape, dense, add, sub, mul,"
            + " div, concat, constant, softmax or logsoftmax";

    private NetworkSpecJson() {}

    public static String toJson(NetworkSpec spec) {
        JsonObject root = new JsonObject();
        root.addProperty("name", spec.name());
        root.add("input", ints(spec.input().channels(), spec.input().height(), spec.input().width()));
        JsonArray layers = new JsonArray();
        for (int i = 0; i < spec.layers().size(); i++) {
            JsonObject layer = toJson(spec.layers().get(i));
            List<Integer> sources = spec.sourcesOf(i);
            if (sources.size() != 1 || sources.get(0) != i - 1) {
                JsonArray inputs = new JsonArray();
                for (int s : sources) inputs.add(s == NetworkSpec.INPUT ? NetworkSpec.INPUT_NAME : spec.layers().get(s).name());
                layer.add("inputs", inputs);
            }
            layers.add(layer);
        }
        root.add("layers", layers);
        return root.toString();
    }

    private static JsonObject toJson(LayerSpec layer) {
        JsonObject o = new JsonObject();
        switch (layer) {
            case ConvSpec c -> {
                o.addProperty("type", "conv");
                o.addProperty("name", c.name());
                o.addProperty("filters", c.filters());
                window(o, c.kernel(), "kernel");
                if (c.groups() != 1) o.addProperty("groups", c.groups());
                if (c.kernel().rounding() != Window.Rounding.EXACT) {
                    o.addProperty("rounding", c.kernel().rounding().name().toLowerCase(Locale.ROOT));
                }
            }
            case ActivationSpec a -> {
                o.addProperty("type", switch (a.kind()) {
                    case LEAKY_RELU -> "leakyrelu";
                    case HARD_SIGMOID -> "hardsigmoid";
                    case HARD_SWISH -> "hardswish";
                    default -> a.kind().name().toLowerCase(Locale.ROOT);
                });
                o.addProperty("name", a.name());
                switch (a.kind()) {
                    case LEAKY_RELU -> o.addProperty("alpha", a.alpha());
                    case CLIP -> {
                        if (a.alpha() != Float.NEGATIVE_INFINITY) o.addProperty("min", a.alpha());
                        if (a.beta() != Float.POSITIVE_INFINITY) o.addProperty("max", a.beta());
                    }
                    case HARD_SIGMOID -> {
                        o.addProperty("alpha", a.alpha());
                        o.addProperty("beta", a.beta());
                    }
                    default -> { }
                }
            }
            case PoolSpec p -> {
                o.addProperty("type", switch (p.kind()) {
                    case MAX -> "maxpool";
                    case AVERAGE -> "avgpool";
                    case L2 -> "l2pool";
                });
                o.addProperty("name", p.name());
                if (p.isClassic()) {
                    o.addProperty("window", p.window());
                    o.addProperty("stride", p.stride());
                } else {
                    window(o, p.kernel(), "window");
                    if (p.kernel().rounding() == Window.Rounding.CEIL) o.addProperty("ceil", true);
                }
                if (p.countIncludePad()) o.addProperty("count_include_pad", true);
            }
            case FlattenSpec f -> {
                o.addProperty("type", "flatten");
                o.addProperty("name", f.name());
            }
            case DenseSpec d -> {
                o.addProperty("type", "dense");
                o.addProperty("name", d.name());
                o.addProperty("units", d.units());
            }
            case SoftmaxSpec s -> {
                o.addProperty("type", s.log() ? "logsoftmax" : "softmax");
                o.addProperty("name", s.name());
            }
            case BatchNormSpec b -> {
                o.addProperty("type", "batchnorm");
                o.addProperty("name", b.name());
                o.addProperty("epsilon", b.epsilon());
            }
            case GlobalPoolSpec g -> {
                o.addProperty("type", g.kind() == PoolSpec.Kind.MAX ? "globalmaxpool" : "globalavgpool");
                o.addProperty("name", g.name());
            }
            case PadSpec p -> {
                o.addProperty("type", "pad");
                o.addProperty("name", p.name());
                o.add("padding", ints(p.top(), p.left(), p.bottom(), p.right()));
                if (p.value() != 0f) o.addProperty("value", p.value());
            }
            case ReshapeSpec r -> {
                o.addProperty("type", "reshape");
                o.addProperty("name", r.name());
                o.add("shape", ints(r.shape().channels(), r.shape().height(), r.shape().width()));
            }
            case ConstantOpSpec c -> {
                o.addProperty("type", "constant");
                o.addProperty("name", c.name());
                o.addProperty("op", c.op().name().toLowerCase(Locale.ROOT));
                o.add("shape", ints(c.constant().channels(), c.constant().height(), c.constant().width()));
                if (c.constantFirst()) o.addProperty("constant_first", true);
            }
            case MergeSpec m -> {
                o.addProperty("type", m.kind().name().toLowerCase(Locale.ROOT));
                o.addProperty("name", m.name());
            }
        }
        return o;
    }

    /** Kernel size, stride, padding and dilation, each as one number when both axes (or all sides) agree. */
    private static void window(JsonObject o, Window w, String sizeField) {
        o.add(sizeField, ints(w.kernelH(), w.kernelW()));
        o.add("stride", w.strideH() == w.strideW() ? new com.google.gson.JsonPrimitive(w.strideH()) : ints(w.strideH(), w.strideW()));
        boolean even = w.padTop() == w.padLeft() && w.padTop() == w.padBottom() && w.padTop() == w.padRight();
        o.add("padding", even ? new com.google.gson.JsonPrimitive(w.padTop())
                : ints(w.padTop(), w.padLeft(), w.padBottom(), w.padRight()));
        if (w.dilationH() != 1 || w.dilationW() != 1) {
            o.add("dilation", w.dilationH() == w.dilationW() ? new com.google.gson.JsonPrimitive(w.dilationH())
                    : ints(w.dilationH(), w.dilationW()));
        }
    }

    /** Parses and validates an architecture; throws {@link InvalidNetworkException} with a one-line reason. */
    public static NetworkSpec fromJson(String json) {
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseString(json);
            if (!element.isJsonObject()) throw new InvalidNetworkException("architecture is not a JSON object");
            root = element.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new InvalidNetworkException("architecture is not valid JSON");
        }
        String name = root.has("name") ? string(root, "name", "network") : "network";
        int[] in = intArray(root, "input", "network", 3);
        JsonElement layersElement = root.get("layers");
        if (layersElement == null || !layersElement.isJsonArray()) {
            throw new InvalidNetworkException("network: \"layers\" must be a list of layers");
        }
        List<LayerSpec> layers = new ArrayList<>();
        List<List<Integer>> sources = new ArrayList<>();
        Map<String, Integer> indices = new HashMap<>();
        int index = 0;
        for (JsonElement e : layersElement.getAsJsonArray()) {
            index++;
            if (!e.isJsonObject()) throw new InvalidNetworkException("layer " + index + ": not a JSON object");
            JsonObject o = e.getAsJsonObject();
            LayerSpec layer = layer(o, index);
            sources.add(sources(o, layer.name(), index - 2, indices));
            indices.putIfAbsent(layer.name(), index - 1);
            layers.add(layer);
        }
        Dims input;
        try {
            input = new Dims(in[0], in[1], in[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidNetworkException("network: input " + e.getMessage());
        }
        NetworkSpec spec = new NetworkSpec(name, input, layers, sources);
        spec.infer();
        return spec;
    }

    /** The layers a layer reads: its "inputs" by name, or the layer before it. */
    private static List<Integer> sources(JsonObject o, String name, int previous, Map<String, Integer> indices) {
        if (!o.has("inputs")) return List.of(previous);
        JsonElement e = o.get("inputs");
        if (!e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
            throw new InvalidNetworkException(name + ": \"inputs\" must be a list of layer names");
        }
        List<Integer> sources = new ArrayList<>();
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                throw new InvalidNetworkException(name + ": \"inputs\" must be a list of layer names");
            }
            String source = item.getAsString();
            if (source.equals(NetworkSpec.INPUT_NAME)) {
                sources.add(NetworkSpec.INPUT);
                continue;
            }
            Integer at = indices.get(source);
            if (at == null) {
                throw new InvalidNetworkException(name + ": reads \"" + cut(source) + "\", which is not a layer before it");
            }
            sources.add(at);
        }
        return sources;
    }

    private static LayerSpec layer(JsonObject o, int index) {
        String name = o.has("name") ? string(o, "name", "layer " + index) : "layer" + index;
        String type = string(o, "type", name);
        return switch (type) {
            case "conv" -> {
                int[] kernel = pair(o, "kernel", name, -1);
                int[] stride = pair(o, "stride", name, 1);
                int[] padding = sides(o, "padding", name);
                int[] dilation = pair(o, "dilation", name, 1);
                Window.Rounding rounding = switch (o.has("rounding") ? string(o, "rounding", name) : "exact") {
                    case "exact" -> Window.Rounding.EXACT;
                    case "floor" -> Window.Rounding.FLOOR;
                    default -> throw new InvalidNetworkException(name + ": \"rounding\" must be \"exact\" or \"floor\"");
                };
                yield new ConvSpec(name, integer(o, "filters", name, -1), new Window(kernel[0], kernel[1], stride[0],
                        stride[1], padding[0], padding[1], padding[2], padding[3], dilation[0], dilation[1], rounding),
                        integer(o, "groups", name, 1));
            }
            case "relu" -> new ActivationSpec(name, ActivationSpec.Kind.RELU);
            case "tanh" -> new ActivationSpec(name, ActivationSpec.Kind.TANH);
            case "sigmoid" -> new ActivationSpec(name, ActivationSpec.Kind.SIGMOID);
            case "hardswish" -> new ActivationSpec(name, ActivationSpec.Kind.HARD_SWISH);
            case "leakyrelu" -> new ActivationSpec(name, ActivationSpec.Kind.LEAKY_RELU,
                    number(o, "alpha", name, 0.01f), 0f);
            case "clip" -> new ActivationSpec(name, ActivationSpec.Kind.CLIP,
                    number(o, "min", name, Float.NEGATIVE_INFINITY), number(o, "max", name, Float.POSITIVE_INFINITY));
            case "hardsigmoid" -> new ActivationSpec(name, ActivationSpec.Kind.HARD_SIGMOID,
                    number(o, "alpha", name, 1f / 6), number(o, "beta", name, 0.5f));
            case "maxpool", "avgpool", "l2pool" -> {
                PoolSpec.Kind kind = switch (type) {
                    case "maxpool" -> PoolSpec.Kind.MAX;
                    case "avgpool" -> PoolSpec.Kind.AVERAGE;
                    default -> PoolSpec.Kind.L2;
                };
                int[] window = pair(o, "window", name, 2);
                int[] stride = o.has("stride") ? pair(o, "stride", name, 1) : window;
                int[] padding = sides(o, "padding", name);
                int[] dilation = pair(o, "dilation", name, 1);
                Window.Rounding rounding = bool(o, "ceil", name) ? Window.Rounding.CEIL : Window.Rounding.FLOOR;
                yield new PoolSpec(name, kind, new Window(window[0], window[1], stride[0], stride[1], padding[0],
                        padding[1], padding[2], padding[3], dilation[0], dilation[1], rounding),
                        bool(o, "count_include_pad", name));
            }
            case "globalavgpool" -> new GlobalPoolSpec(name, PoolSpec.Kind.AVERAGE);
            case "globalmaxpool" -> new GlobalPoolSpec(name, PoolSpec.Kind.MAX);
            case "batchnorm" -> new BatchNormSpec(name, number(o, "epsilon", name, BatchNormSpec.DEFAULT_EPSILON));
            case "pad" -> {
                int[] padding = sides(o, "padding", name);
                yield new PadSpec(name, padding[0], padding[1], padding[2], padding[3], number(o, "value", name, 0f));
            }
            case "flatten" -> new FlattenSpec(name);
            case "reshape" -> new ReshapeSpec(name, dims(o, "shape", name));
            case "dense" -> new DenseSpec(name, integer(o, "units", name, -1));
            case "softmax" -> new SoftmaxSpec(name, false);
            case "logsoftmax" -> new SoftmaxSpec(name, true);
            case "add" -> new MergeSpec(name, MergeSpec.Kind.ADD);
            case "sub" -> new MergeSpec(name, MergeSpec.Kind.SUB);
            case "mul" -> new MergeSpec(name, MergeSpec.Kind.MUL);
            case "div" -> new MergeSpec(name, MergeSpec.Kind.DIV);
            case "concat" -> new MergeSpec(name, MergeSpec.Kind.CONCAT);
            case "constant" -> {
                Arithmetic op = switch (string(o, "op", name)) {
                    case "add" -> Arithmetic.ADD;
                    case "sub" -> Arithmetic.SUB;
                    case "mul" -> Arithmetic.MUL;
                    case "div" -> Arithmetic.DIV;
                    default -> throw new InvalidNetworkException(name + ": \"op\" must be add, sub, mul or div");
                };
                yield new ConstantOpSpec(name, op, dims(o, "shape", name), bool(o, "constant_first", name));
            }
            default -> throw new InvalidNetworkException(name + ": unknown layer type \"" + cut(type) + "\"; expected "
                    + TYPES);
        };
    }

    private static JsonArray ints(int... values) {
        JsonArray a = new JsonArray();
        for (int v : values) a.add(v);
        return a;
    }

    private static String string(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new InvalidNetworkException(where + ": \"" + field + "\" must be a string");
        }
        return e.getAsString();
    }

    private static boolean bool(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (e == null) return false;
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new InvalidNetworkException(where + ": \"" + field + "\" must be true or false");
        }
        return e.getAsBoolean();
    }

    private static float number(JsonObject o, String field, String where, float fallback) {
        JsonElement e = o.get(field);
        if (e == null) return fallback;
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double d = e.getAsDouble();
            if (Double.isFinite(d) && Math.abs(d) <= Float.MAX_VALUE) return (float) d;
        }
        throw new InvalidNetworkException(where + ": \"" + field + "\" must be a number, got " + cut(e.toString()));
    }

    /** An integer field; {@code fallback} ≥ 0 is its default, −1 makes it required. */
    private static int integer(JsonObject o, String field, String where, int fallback) {
        JsonElement e = o.get(field);
        if (e == null) {
            if (fallback >= 0) return fallback;
            throw new InvalidNetworkException(where + ": \"" + field + "\" is missing");
        }
        return toInt(e, field, where);
    }

    /** One number for both axes or a list [vertical, horizontal]; {@code fallback} −1 makes it required. */
    private static int[] pair(JsonObject o, String field, String where, int fallback) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonPrimitive()) {
            int v = integer(o, field, where, fallback);
            return new int[] {v, v};
        }
        return intArray(o, field, where, 2);
    }

    /** Padding: absent (0), one number for every side, or [top, left, bottom, right]. */
    private static int[] sides(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonPrimitive()) {
            int v = integer(o, field, where, 0);
            return new int[] {v, v, v, v};
        }
        return intArray(o, field, where, 4);
    }

    private static Dims dims(JsonObject o, String field, String where) {
        int[] d = intArray(o, field, where, 3);
        try {
            return new Dims(d[0], d[1], d[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidNetworkException(where + ": \"" + field + "\" " + e.getMessage());
        }
    }

    private static int[] intArray(JsonObject o, String field, String where, int length) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonArray() || e.getAsJsonArray().size() != length) {
            throw new InvalidNetworkException(where + ": \"" + field + "\" must be a list of " + length + " integers");
        }
        int[] values = new int[length];
        for (int i = 0; i < length; i++) values[i] = toInt(e.getAsJsonArray().get(i), field, where);
        return values;
    }

    private static int toInt(JsonElement e, String field, String where) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double d = e.getAsDouble();
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) return (int) d;
        }
        throw new InvalidNetworkException(where + ": \"" + field + "\" must be an integer, got " + cut(e.toString()));
    }

    /** A value quoted in a message, cut to 40 characters. */
    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }
}
