package org.convscope.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model's computation: named values flow from the inputs and initializers through the nodes to
 * the outputs.
 *
 * @param nodes in an order where every node comes after the nodes whose outputs it reads
 * @param initializers constant tensors (weights) by name, in file order
 * @param inputs the values the caller supplies: the graph inputs that are not initializers
 */
public record OnnxGraph(String name, List<OnnxNode> nodes, Map<String, OnnxTensor> initializers,
        List<OnnxValue> inputs, List<OnnxValue> outputs) {

    public OnnxGraph {
        Objects.requireNonNull(name, "name");
        nodes = List.copyOf(nodes);
        initializers = Collections.unmodifiableMap(new LinkedHashMap<>(initializers));
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
