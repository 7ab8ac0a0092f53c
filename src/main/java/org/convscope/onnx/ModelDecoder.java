package org.convscope.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convscope.io.FileException;
import org.convscope.io.Heap;
import org.convscope.onnx.proto.Onnx.AttributeProto;
import org.convscope.onnx.proto.Onnx.GraphProto;
import org.convscope.onnx.proto.Onnx.ModelProto;
import org.convscope.onnx.proto.Onnx.NodeProto;
import org.convscope.onnx.proto.Onnx.OperatorSetIdProto;
import org.convscope.onnx.proto.Onnx.StringStringEntryProto;
import org.convscope.onnx.proto.Onnx.TensorProto;
import org.convscope.onnx.proto.Onnx.ValueInfoProto;

/**
 * Turns a parsed {@code ModelProto} into an {@link OnnxModel}, checking what the importer relies
 * on: a graph with nodes (at most {@value #MAX_NODES}), named and unique initializers and inputs,
 * wiring without gaps or cycles (nodes come out sorted), tensors whose claims agree with their data
 * and fit in the heap. Structure is checked before any tensor is decoded.
 */
final class ModelDecoder {
    /** Most nodes a graph may have. */
    static final int MAX_NODES = 100_000;

    private final Path file;
    private final TensorDecoder tensors;
    private final Map<TensorProto, TensorDecoder.Plan> plans = new IdentityHashMap<>();

    private ModelDecoder(Path file) {
        this.file = file;
        this.tensors = new TensorDecoder(file);
    }

    static OnnxModel decode(Path file, ModelProto model) throws FileException {
        return new ModelDecoder(file).model(model);
    }

    private OnnxModel model(ModelProto model) throws FileException {
        if (!model.hasGraph()) {
            throw problem("not an ONNX model: it has no graph");
        }
        if (model.getIrVersion() < 1) {
            throw problem("not an ONNX model: ir_version " + model.getIrVersion() + " is not a version");
        }
        Map<String, Long> opsets = new LinkedHashMap<>();
        for (OperatorSetIdProto opset : model.getOpsetImportList()) {
            String domain = domain(opset.getDomain());
            if (opset.getVersion() < 1) {
                throw problem("opset_import of domain " + Text.quote(domain) + " has version "
                        + opset.getVersion());
            }
            opsets.merge(domain, opset.getVersion(), Math::max);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (StringStringEntryProto entry : model.getMetadataPropsList()) {
            if (metadata.put(entry.getKey(), entry.getValue()) != null) {
                throw problem("metadata_props has the key " + Text.quote(entry.getKey()) + " twice");
            }
        }
        String producer = (model.getProducerName() + " " + model.getProducerVersion()).strip();
        return new OnnxModel(file, model.getIrVersion(), opsets, producer, metadata,
                graph(model.getGraph()));
    }

    private OnnxGraph graph(GraphProto graph) throws FileException {
        if (graph.getNodeCount() == 0) {
            throw problem("the graph has no nodes");
        }
        if (graph.getNodeCount() > MAX_NODES) {
            throw problem("the graph has " + graph.getNodeCount() + " nodes, more than the "
                    + MAX_NODES + " ConvScope reads");
        }
        if (graph.getSparseInitializerCount() > 0) {
            throw problem("the graph has sparse initializers (" + Text.quote(
                    graph.getSparseInitializer(0).getValues().getName()) + "), which ConvScope does not read");
        }
        Set<String> initializerNames = names(graph.getInitializerList().stream()
                .map(TensorProto::getName).toList(), "initializer");
        Set<String> inputNames = names(graph.getInputList().stream()
                .map(ValueInfoProto::getName).toList(), "graph input");
        names(graph.getOutputList().stream().map(ValueInfoProto::getName).toList(), "graph output");
        List<String> labels = labels(graph);
        Set<String> sources = new HashSet<>(initializerNames);
        sources.addAll(inputNames);
        int[] order = order(graph, labels, sources);
        List<OnnxValue> inputs = values(graph.getInputList(), initializerNames, "graph input");
        List<OnnxValue> outputs = values(graph.getOutputList(), Set.of(), "graph output");

        planTensors(graph, order, labels);

        Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
        for (TensorProto initializer : graph.getInitializerList()) {
            initializers.put(initializer.getName(), plans.get(initializer).decode());
        }
        List<OnnxNode> nodes = new ArrayList<>(order.length);
        for (int i : order) {
            nodes.add(node(graph.getNode(i), nodeName(graph.getNode(i), i), labels.get(i)));
        }
        return new OnnxGraph(graph.getName(), nodes, initializers, inputs, outputs);
    }

    /** Checks every tensor of the graph and that decoding them all fits in the heap. */
    private void planTensors(GraphProto graph, int[] order, List<String> labels) throws FileException {
        for (TensorProto initializer : graph.getInitializerList()) {
            plans.put(initializer, tensors.plan(initializer, "tensor " + Text.quote(initializer.getName())));
        }
        for (int i : order) {
            for (AttributeProto attribute : graph.getNode(i).getAttributeList()) {
                if (attribute.hasT()) {
                    plans.put(attribute.getT(), tensors.plan(attribute.getT(),
                            labels.get(i) + ", attribute " + Text.quote(attribute.getName())));
                }
            }
        }
        if (tensors.allocation() > 0) {
            Heap.require(file, tensors.allocation(), "decoding the tensors");
        }
    }

    private List<OnnxValue> values(List<ValueInfoProto> declared, Set<String> skipped, String what)
            throws FileException {
        List<OnnxValue> values = new ArrayList<>(declared.size());
        for (ValueInfoProto value : declared) {
            if (!skipped.contains(value.getName())) {
                values.add(ValueDecoder.value(file, value, what));
            }
        }
        return values;
    }

    private int[] order(GraphProto graph, List<String> labels, Set<String> sources)
            throws FileException {
        List<GraphOrder.Node> wiring = new ArrayList<>(graph.getNodeCount());
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto node = graph.getNode(i);
            wiring.add(new GraphOrder.Node(labels.get(i), node.getInputList(), node.getOutputList()));
        }
        try {
            return GraphOrder.sort(wiring, sources,
                    graph.getOutputList().stream().map(ValueInfoProto::getName).toList());
        } catch (OnnxException e) {
            throw problem(e.getMessage());
        }
    }

    /** Every node's description for messages; checks that each has an operator. */
    private List<String> labels(GraphProto graph) throws FileException {
        List<String> labels = new ArrayList<>(graph.getNodeCount());
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto node = graph.getNode(i);
            if (node.getOpType().isEmpty()) {
                throw problem("node #" + i + (node.getName().isBlank() ? "" : " " + Text.quote(node.getName()))
                        + " has no op_type");
            }
            labels.add(OnnxNode.describe(nodeName(node, i), node.getOpType()));
        }
        return labels;
    }

    private static String nodeName(NodeProto node, int index) {
        return node.getName().isBlank() ? node.getOpType() + " #" + index : node.getName();
    }

    private OnnxNode node(NodeProto node, String name, String label) throws FileException {
        Map<String, OnnxAttribute> attributes = new LinkedHashMap<>();
        for (AttributeProto attribute : node.getAttributeList()) {
            OnnxAttribute value = attribute(attribute, label);
            if (attributes.put(value.name(), value) != null) {
                throw problem(label + " has the attribute " + Text.quote(value.name()) + " twice");
            }
        }
        return new OnnxNode(name, node.getOpType(), domain(node.getDomain()), node.getInputList(),
                node.getOutputList(), attributes);
    }

    private OnnxAttribute attribute(AttributeProto attribute, String label) throws FileException {
        String name = attribute.getName();
        if (name.isEmpty()) {
            throw problem(label + " has an attribute without a name");
        }
        String where = label + ", attribute " + Text.quote(name);
        if (!attribute.getRefAttrName().isEmpty()) {
            throw problem(where + " refers to a function's attribute, which only functions may");
        }
        AttributeProto.AttributeType kind = kind(attribute);
        return switch (kind) {
            case FLOAT -> new OnnxAttribute.Float(name, attribute.getF());
            case INT -> new OnnxAttribute.Int(name, attribute.getI());
            case STRING -> new OnnxAttribute.Str(name, attribute.getS().toStringUtf8());
            case FLOATS -> {
                float[] values = new float[attribute.getFloatsCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = attribute.getFloats(i);
                }
                yield new OnnxAttribute.Floats(name, values);
            }
            case INTS -> new OnnxAttribute.Ints(name,
                    attribute.getIntsList().stream().mapToLong(Long::longValue).toArray());
            case TENSOR -> {
                if (!attribute.hasT()) {
                    throw problem(where + " is a TENSOR but holds none");
                }
                yield new OnnxAttribute.Tensor(name, plans.get(attribute.getT()).decode());
            }
            case UNDEFINED -> throw problem(where + " has no value");
            default -> new OnnxAttribute.Other(name, kind.name());
        };
    }

    /** The kind {@code type} names or, in files older than IR version 2, the one field set. */
    private static AttributeProto.AttributeType kind(AttributeProto a) {
        if (a.getType() != AttributeProto.AttributeType.UNDEFINED) {
            return a.getType();
        }
        return a.hasF() ? AttributeProto.AttributeType.FLOAT
                : a.hasI() ? AttributeProto.AttributeType.INT
                : a.hasS() ? AttributeProto.AttributeType.STRING
                : a.hasT() ? AttributeProto.AttributeType.TENSOR
                : a.hasG() ? AttributeProto.AttributeType.GRAPH
                : a.hasSparseTensor() ? AttributeProto.AttributeType.SPARSE_TENSOR
                : a.hasTp() ? AttributeProto.AttributeType.TYPE_PROTO
                : a.getFloatsCount() > 0 ? AttributeProto.AttributeType.FLOATS
                : a.getIntsCount() > 0 ? AttributeProto.AttributeType.INTS
                : a.getStringsCount() > 0 ? AttributeProto.AttributeType.STRINGS
                : a.getTensorsCount() > 0 ? AttributeProto.AttributeType.TENSORS
                : a.getGraphsCount() > 0 ? AttributeProto.AttributeType.GRAPHS
                : a.getSparseTensorsCount() > 0 ? AttributeProto.AttributeType.SPARSE_TENSORS
                : a.getTypeProtosCount() > 0 ? AttributeProto.AttributeType.TYPE_PROTOS
                : AttributeProto.AttributeType.UNDEFINED;
    }

    /** Checks that {@code names} are non-empty and distinct; returns them. */
    private Set<String> names(List<String> names, String what) throws FileException {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                throw problem(what + " #" + i + " has no name");
            }
            if (!seen.add(name)) {
                throw problem(what + " " + Text.quote(name) + " appears twice");
            }
        }
        return seen;
    }

    /** ONNX's own operator set is {@code ""}, also written {@code "ai.onnx"}. */
    private static String domain(String domain) {
        return domain.equals("ai.onnx") ? "" : domain;
    }

    private FileException problem(String problem) {
        return new FileException(file, problem);
    }
}
