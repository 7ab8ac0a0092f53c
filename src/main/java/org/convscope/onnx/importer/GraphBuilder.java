package org.convscope.onnx.importer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.onnx.OnnxException;
import org.convscope.onnx.OnnxNode;

/**
 * The network an import builds, layer by layer in the graph's order: each layer with the layers it reads, its
 * output shape (checked as it is added, so a mismatch names the node) and the values of its tensors.
 */
final class GraphBuilder {
    private final Dims input;
    private final List<LayerSpec> layers = new ArrayList<>();
    private final List<List<Integer>> sources = new ArrayList<>();
    private final List<Dims> outputs = new ArrayList<>();
    private final Map<String, float[]> values = new HashMap<>();
    private final Set<String> names = new HashSet<>();

    GraphBuilder(Dims input) {
        this.input = input;
        names.add(NetworkSpec.INPUT_NAME);
    }

    /** The shape of one sample of layer i's output, or of the input. */
    Dims dims(int layer) {
        return layer == NetworkSpec.INPUT ? input : outputs.get(layer);
    }

    LayerSpec layer(int index) {
        return layers.get(index);
    }

    /** Adds a layer reading the given layers; its shape is inferred now, a mismatch is the node's error. */
    int add(OnnxNode node, LayerSpec spec, List<Integer> from) throws OnnxException {
        List<Dims> in = new ArrayList<>(from.size());
        for (int s : from) in.add(dims(s));
        Dims out;
        try {
            out = spec.outputDims(in);
        } catch (IllegalArgumentException e) {
            throw new OnnxException(node.describe() + ": " + e.getMessage());
        }
        layers.add(spec);
        sources.add(List.copyOf(from));
        outputs.add(out);
        return layers.size() - 1;
    }

    /** Sets the values of a tensor of a layer, e.g. "conv1.weight". */
    void put(String tensor, float[] data) {
        values.put(tensor, data);
    }

    float[] get(String tensor) {
        return values.get(tensor);
    }

    /**
     * A layer name from an ONNX node: the module path PyTorch gives it ("/layer1/layer1.0/conv1/Conv" becomes
     * "layer1.0.conv1"), or the node's own name; made unique with the operator and a number.
     */
    String name(OnnxNode node) {
        String base = clean(node.name(), node.opType());
        if (base.isEmpty()) base = node.opType().toLowerCase(java.util.Locale.ROOT);
        String name = base;
        if (!names.add(name)) {
            name = base + "." + node.opType().toLowerCase(java.util.Locale.ROOT);
            for (int i = 2; !names.add(name); i++) name = base + "." + node.opType().toLowerCase(java.util.Locale.ROOT) + i;
        }
        return name;
    }

    private static String clean(String nodeName, String opType) {
        String name = nodeName.strip();
        if (name.startsWith("/")) {
            String[] parts = name.substring(1).split("/");
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.isEmpty()) continue;
                if (i == parts.length - 1 && (part.equals(opType) || part.startsWith(opType + "_")) && !kept.isEmpty()) continue;
                if (i + 1 < parts.length && parts[i + 1].startsWith(part + ".")) continue;
                kept.add(part);
            }
            name = String.join(".", kept);
        }
        name = name.replaceAll("[\\s\"]+", "_");
        return name.length() <= 80 ? name : name.substring(0, 80);
    }

    /**
     * The network of the layers the output depends on (others, such as unused branches, are left out), with its
     * tensors' values by name.
     */
    NetworkSpec build(String name, int output) {
        BitSet needed = new BitSet();
        needed.set(output);
        for (int i = output; i >= 0; i--) {
            if (!needed.get(i)) continue;
            for (int s : sources.get(i)) if (s >= 0) needed.set(s);
        }
        int[] index = new int[layers.size()];
        List<LayerSpec> kept = new ArrayList<>();
        List<List<Integer>> keptSources = new ArrayList<>();
        for (int i = 0; i <= output; i++) {
            if (!needed.get(i)) continue;
            index[i] = kept.size();
            kept.add(layers.get(i));
            List<Integer> from = new ArrayList<>();
            for (int s : sources.get(i)) from.add(s < 0 ? s : index[s]);
            keptSources.add(from);
        }
        return new NetworkSpec(name, input, kept, keptSources);
    }

    Map<String, float[]> values() {
        return values;
    }
}
