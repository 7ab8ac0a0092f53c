package org.convscope.engine.spec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convscope.engine.Dims;

/**
 * Architecture files: a JSON object such as
 * <pre>{"name":"lenet5","input":[1,28,28],"layers":[
 *   {"type":"conv","name":"conv1","filters":6,"kernel":[5,5],"stride":1,"padding":2},
 *   {"type":"relu","name":"relu1"}, {"type":"maxpool","name":"pool1","window":2,"stride":2},
 *   {"type":"flatten","name":"flatten"}, {"type":"dense","name":"fc1","units":120}, {"type":"softmax","name":"softmax"}]}</pre>
 * Types: conv, relu, tanh, sigmoid, maxpool, avgpool, l2pool, flatten, dense, softmax.
 * Errors are {@link InvalidNetworkException}s naming the layer and field.
 */
public final class NetworkSpecJson {
    private NetworkSpecJson() {}

    public static String toJson(NetworkSpec spec) {
        JsonObject root = new JsonObject();
        root.addProperty("name", spec.name());
        root.add("input", ints(spec.input().channels(), spec.input().height(), spec.input().width()));
        JsonArray layers = new JsonArray();
        for (LayerSpec layer : spec.layers()) {
            layers.add(toJson(layer));
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
                o.add("kernel", ints(c.kernelHeight(), c.kernelWidth()));
                o.addProperty("stride", c.stride());
                o.addProperty("padding", c.padding());
            }
            case ActivationSpec a -> {
                o.addProperty("type", a.kind().name().toLowerCase(Locale.ROOT));
                o.addProperty("name", a.name());
            }
            case PoolSpec p -> {
                o.addProperty("type", switch (p.kind()) {
                    case MAX -> "maxpool";
                    case AVERAGE -> "avgpool";
                    case L2 -> "l2pool";
                });
                o.addProperty("name", p.name());
                o.addProperty("window", p.window());
                o.addProperty("stride", p.stride());
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
                o.addProperty("type", "softmax");
                o.addProperty("name", s.name());
            }
        }
        return o;
    }

    /** Parses and validates an architecture; throws {@link InvalidNetworkException} with a one-line reason. */
    public static NetworkSpec fromJson(String json) {
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseString(json);
            if (!element.isJsonObject()) throw new InvalidNetworkException("architecture is not a JSON object");
            root = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new InvalidNetworkException("architecture is not valid JSON: " + rootCause(e));
        }
        String name = root.has("name") ? string(root, "name", "network") : "network";
        int[] in = intArray(root, "input", "network", 3);
        JsonElement layersElement = root.get("layers");
        if (layersElement == null || !layersElement.isJsonArray()) {
            throw new InvalidNetworkException("network: \"layers\" must be a list of layers");
        }
        List<LayerSpec> layers = new ArrayList<>();
        int index = 0;
        for (JsonElement e : layersElement.getAsJsonArray()) {
            index++;
            if (!e.isJsonObject()) throw new InvalidNetworkException("layer " + index + ": not a JSON object");
            layers.add(layer(e.getAsJsonObject(), index));
        }
        Dims input;
        try {
            input = new Dims(in[0], in[1], in[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidNetworkException("network: input " + e.getMessage());
        }
        NetworkSpec spec = new NetworkSpec(name, input, layers);
        spec.infer();
        return spec;
    }

    private static LayerSpec layer(JsonObject o, int index) {
        String name = o.has("name") ? string(o, "name", "layer " + index) : "layer" + index;
        String type = string(o, "type", name);
        return switch (type) {
            case "conv" -> {
                int[] kernel = o.has("kernel") && o.get("kernel").isJsonPrimitive()
                        ? new int[] {integer(o, "kernel", name, 0), integer(o, "kernel", name, 0)}
                        : intArray(o, "kernel", name, 2);
                yield new ConvSpec(name, integer(o, "filters", name, -1), kernel[0], kernel[1],
                        integer(o, "stride", name, 1), integer(o, "padding", name, 0));
            }
            case "relu", "tanh", "sigmoid" ->
                    new ActivationSpec(name, ActivationSpec.Kind.valueOf(type.toUpperCase(Locale.ROOT)));
            case "maxpool", "avgpool", "l2pool" -> {
                PoolSpec.Kind kind = switch (type) {
                    case "maxpool" -> PoolSpec.Kind.MAX;
                    case "avgpool" -> PoolSpec.Kind.AVERAGE;
                    default -> PoolSpec.Kind.L2;
                };
                int window = integer(o, "window", name, 2);
                yield new PoolSpec(name, kind, window, integer(o, "stride", name, window));
            }
            case "flatten" -> new FlattenSpec(name);
            case "dense" -> new DenseSpec(name, integer(o, "units", name, -1));
            case "softmax" -> new SoftmaxSpec(name);
            default -> throw new InvalidNetworkException(name + ": unknown layer type \"" + type
                    + "\"; expected conv, relu, tanh, sigmoid, maxpool, avgpool, l2pool, flatten, dense or softmax");
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

    /** An integer field; {@code fallback} ≥ 0 is its default, −1 makes it required. */
    private static int integer(JsonObject o, String field, String where, int fallback) {
        JsonElement e = o.get(field);
        if (e == null) {
            if (fallback >= 0) return fallback;
            throw new InvalidNetworkException(where + ": \"" + field + "\" is missing");
        }
        return toInt(e, field, where);
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
        throw new InvalidNetworkException(where + ": \"" + field + "\" must be an integer, got " + e);
    }

    private static String rootCause(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }
}
