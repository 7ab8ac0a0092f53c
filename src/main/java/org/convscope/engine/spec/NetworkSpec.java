package org.convscope.engine.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.convscope.engine.Dims;

/** A network as data: the input shape and the layers in order. {@link #infer()} checks it and gives every shape. */
public record NetworkSpec(String name, Dims input, List<LayerSpec> layers) {
    public NetworkSpec {
        if (input == null) throw new InvalidNetworkException(name + ": input shape missing");
        layers = List.copyOf(layers);
    }

    /** One layer with its inferred shapes and costs. */
    public record LayerInfo(LayerSpec spec, Dims input, Dims output, long parameters, long multiplyAdds) {}

    /** Infers every layer's shapes, or throws {@link InvalidNetworkException} explaining the first problem in words. */
    public List<LayerInfo> infer() {
        if (layers.isEmpty()) throw new InvalidNetworkException(name + ": the network has no layers");
        Set<String> names = new HashSet<>();
        List<LayerInfo> infos = new ArrayList<>(layers.size());
        Dims dims = input;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (!names.add(layer.name())) {
                throw new InvalidNetworkException(layer.name() + ": two layers have this name; names must be unique");
            }
            if (layer instanceof SoftmaxSpec && i != layers.size() - 1) {
                throw new InvalidNetworkException(layer.name() + ": softmax can only be the last layer");
            }
            Dims out = layer.outputDims(dims);
            infos.add(new LayerInfo(layer, dims, out, layer.parameterCount(dims), layer.multiplyAdds(dims)));
            dims = out;
        }
        if (!dims.isVector()) {
            throw new InvalidNetworkException(name + ": the last layer gives " + dims
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

    public boolean endsWithSoftmax() {
        return layers.get(layers.size() - 1) instanceof SoftmaxSpec;
    }
}
