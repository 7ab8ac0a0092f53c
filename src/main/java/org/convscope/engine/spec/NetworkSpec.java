package org.convscope.engine.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.convscope.engine.Dims;

/**
 * A network as data: the input shape and the layers in an order where every layer comes after the layers it reads.
 * {@code sources.get(i)} lists the layers whose outputs layer i takes, by index ({@link #INPUT} for the network's
 * input): a residual addition reads two earlier layers, a concatenation several. A plain sequence, where each layer
 * reads the one before, is the common case ({@link #NetworkSpec(String, Dims, List)}). The last layer's output is
 * the network's. {@link #infer()} checks it all and gives every shape.
 */
public record NetworkSpec(String name, Dims input, List<LayerSpec> layers, List<List<Integer>> sources) {
    /** The source index that stands for the network's input. */
    public static final int INPUT = -1;
    /** The name by which architecture files refer to the network's input. */
    public static final String INPUT_NAME = "input";

    public NetworkSpec {
        if (input == null) throw new InvalidNetworkException(name + ": input shape missing");
        layers = List.copyOf(layers);
        if (sources.size() != layers.size()) {
            throw new InvalidNetworkException(name + ": " + layers.size() + " layers but " + sources.size() + " input lists");
        }
        List<List<Integer>> copy = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            List<Integer> from = List.copyOf(sources.get(i));
            String layer = layers.get(i) == null ? "layer " + (i + 1) : layers.get(i).name();
            if (from.isEmpty()) throw new InvalidNetworkException(name + ": " + layer + " has no input");
            for (int s : from) {
                if (s < INPUT || s >= i) {
                    throw new InvalidNetworkException(name + ": " + layer + " reads "
                            + (s >= i ? "a layer that does not come before it" : "an unknown layer"));
                }
            }
            copy.add(from);
        }
        sources = List.copyOf(copy);
    }

    /** A plain sequence: each layer reads the one before it, the first reads the input. */
    public NetworkSpec(String name, Dims input, List<LayerSpec> layers) {
        this(name, input, layers, sequence(layers.size()));
    }

    private static List<List<Integer>> sequence(int count) {
        List<List<Integer>> sources = new ArrayList<>(count);
        for (int i = 0; i < count; i++) sources.add(List.of(i - 1));
        return sources;
    }

    /** One layer with its inferred shapes and costs; {@code input} is the first of {@code inputs}. */
    public record LayerInfo(LayerSpec spec, Dims input, Dims output, long parameters, long multiplyAdds,
                            List<Integer> sources, List<Dims> inputs) {}

    /** Whether every layer reads the one before it. */
    public boolean isSequence() {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).size() != 1 || sources.get(i).get(0) != i - 1) return false;
        }
        return true;
    }

    /** The layers that layer i reads (indices, {@link #INPUT} for the input). */
    public List<Integer> sourcesOf(int layer) {
        return sources.get(layer);
    }

    /** Infers every layer's shapes, or throws {@link InvalidNetworkException} explaining the first problem in words. */
    public List<LayerInfo> infer() {
        if (layers.isEmpty()) throw new InvalidNetworkException(name + ": the network has no layers");
        Set<String> names = new HashSet<>();
        List<LayerInfo> infos = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (layer.name().equals(INPUT_NAME)) {
                throw new InvalidNetworkException(INPUT_NAME + ": this name is kept for the network's input; rename the layer");
            }
            if (!names.add(layer.name())) {
                throw new InvalidNetworkException(layer.name() + ": two layers have this name; names must be unique");
            }
            if (layer instanceof SoftmaxSpec && i != layers.size() - 1) {
                throw new InvalidNetworkException(layer.name() + ": softmax can only be the last layer");
            }
            List<Dims> in = new ArrayList<>(sources.get(i).size());
            for (int s : sources.get(i)) in.add(s == INPUT ? input : infos.get(s).output());
            Dims out = layer.outputDims(in);
            infos.add(new LayerInfo(layer, in.get(0), out, layer.parameterCount(in.get(0)), layer.multiplyAdds(in.get(0)),
                    sources.get(i), List.copyOf(in)));
        }
        Dims last = infos.get(infos.size() - 1).output();
        if (!last.isVector()) {
            throw new InvalidNetworkException(name + ": the last layer gives " + last
                    + ", not a vector of class scores; end with a fully connected layer");
        }
        return infos;
    }

    public Dims output() {
        List<LayerInfo> infos = infer();
        return infos.get(infos.size() - 1).output();
    }

    public int numClasses() {
        return output().channels();
    }

    public long parameterCount() {
        return infer().stream().mapToLong(LayerInfo::parameters).sum();
    }

    public long multiplyAdds() {
        return infer().stream().mapToLong(LayerInfo::multiplyAdds).sum();
    }

    /** Whether the network ends with a softmax (probabilities), not with a log-softmax or logits. */
    public boolean endsWithSoftmax() {
        return layers.get(layers.size() - 1) instanceof SoftmaxSpec s && !s.log();
    }

    /** Whether the network ends with a softmax or a log-softmax. */
    public boolean endsWithAnySoftmax() {
        return layers.get(layers.size() - 1) instanceof SoftmaxSpec;
    }

    /** Index of the layer with this name, or −1. */
    public int indexOf(String layerName) {
        for (int i = 0; i < layers.size(); i++) if (layers.get(i).name().equals(layerName)) return i;
        return -1;
    }
}
