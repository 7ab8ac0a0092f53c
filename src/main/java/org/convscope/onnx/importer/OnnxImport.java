package org.convscope.onnx.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.convscope.engine.Dims;
import org.convscope.engine.MemoryBudget;
import org.convscope.engine.Network;
import org.convscope.engine.spec.InvalidNetworkException;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.io.FileException;
import org.convscope.model.ModelFile;
import org.convscope.onnx.OnnxException;
import org.convscope.onnx.OnnxGraph;
import org.convscope.onnx.OnnxModel;
import org.convscope.onnx.OnnxNode;
import org.convscope.onnx.OnnxReader;
import org.convscope.onnx.OnnxTensor;
import org.convscope.onnx.OnnxValue;

/**
 * Opens an ONNX model (as PyTorch's exporter writes them, opsets 7 to 21) as a ConvScope network: one image input
 * (N×C×H×W, or N×F), one output, the operators of {@link NodeConverter#SUPPORTED}. Batch norms stay layers of their
 * own; Dropout and Identity disappear; constant shape arithmetic is computed; a MatMul followed by the addition of
 * its bias becomes one fully connected layer. Anything else is refused before the network is built, in one line
 * naming the node, its operator and what is supported. Class names come from the metadata key "labels" (one per
 * line, or a JSON list) or a labels.txt beside the model.
 */
public final class OnnxImport {
    /** The oldest and newest default-domain operator sets whose operators are read as this class reads them. */
    public static final long OLDEST_OPSET = 7;
    public static final long NEWEST_OPSET = 21;

    private OnnxImport() {}

    /** The model with its input shape as the file declares it. */
    public static ModelFile.Model load(Path file) throws FileException {
        return load(file, null);
    }

    /**
     * The model, with {@code input} (one sample's C×H×W, or null) fixing an input shape the file leaves open (or
     * replacing the one it declares).
     */
    public static ModelFile.Model load(Path file, Dims input) throws FileException {
        OnnxModel model = OnnxReader.read(file);
        try {
            return convert(model, input);
        } catch (OnnxException | InvalidNetworkException e) {
            throw new FileException(file, e.getMessage());
        }
    }

    private static ModelFile.Model convert(OnnxModel model, Dims override) throws OnnxException {
        long opset = model.defaultOpset();
        if (opset < OLDEST_OPSET || opset > NEWEST_OPSET) {
            throw new OnnxException("operator set " + opset + "; ConvScope imports opsets " + OLDEST_OPSET + " to " + NEWEST_OPSET
                    + " (export with opset_version=13 to 17)");
        }
        OnnxGraph graph = model.graph();
        if (graph.inputs().size() != 1) {
            throw new OnnxException("the model has " + graph.inputs().size() + " inputs; ConvScope imports models with one"
                    + " input, the image");
        }
        if (graph.outputs().size() != 1) {
            throw new OnnxException("the model has " + graph.outputs().size() + " outputs; ConvScope imports models with one"
                    + " output, the class scores");
        }
        OnnxValue in = graph.inputs().get(0);
        if (in.elementType() != null && in.elementType() != OnnxTensor.DataType.FLOAT) {
            throw new OnnxException("the input " + in.name() + " holds " + in.elementType() + "; ConvScope feeds FLOAT images");
        }
        int rank = in.shape() == null ? 4 : in.shape().size();
        Dims dims = override != null ? override : inputDims(in);
        if (override != null && rank == 2 && !override.isVector()) {
            throw new OnnxException("the input " + in.name() + " is a vector; " + override + " is not");
        }
        long weights = 0;
        for (OnnxTensor t : graph.initializers().values()) weights = MemoryBudget.plus(weights, t.elementCount());
        MemoryBudget.requireFloats(model.file().getFileName() + ": its weights (twice, while they are read)",
                MemoryBudget.times(weights, 2));

        Map<String, Integer> readers = new HashMap<>();
        for (OnnxNode node : graph.nodes()) {
            for (String name : node.inputs()) if (!name.isEmpty()) readers.merge(name, 1, Integer::sum);
        }
        String outputName = graph.outputs().get(0).name();
        readers.merge(outputName, 1, Integer::sum);

        Map<String, Value> values = new HashMap<>();
        values.put(in.name(), new Value.Layer(NetworkSpec.INPUT, dims, rank));
        for (Map.Entry<String, OnnxTensor> e : graph.initializers().entrySet()) {
            if (readers.containsKey(e.getKey()) && !values.containsKey(e.getKey())) {
                values.put(e.getKey(), new Value.Constant(tensor(e.getValue())));
            }
        }
        GraphBuilder builder = new GraphBuilder(dims);
        NodeConverter converter = new NodeConverter(opset, builder, values, readers);
        for (OnnxNode node : graph.nodes()) converter.convert(node);

        Value out = values.get(outputName);
        if (!(out instanceof Value.Layer layer) || layer.index() < 0) {
            throw new OnnxException("the output " + outputName + " is " + (out instanceof Value.Layer ? "the input itself"
                    : "a constant") + ", not computed from the image");
        }
        String name = stem(model.file());
        NetworkSpec spec = builder.build(name, layer.index());
        MemoryBudget.requireFloats(model.file().getFileName() + ": one image's outputs of every layer",
                activations(spec));
        Network network = Network.withParams(spec, builder.values());
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("source", "onnx");
        metadata.put("onnx_opset", Long.toString(opset));
        if (!model.producer().isEmpty()) metadata.put("producer", model.producer());
        labels(model, network.numClasses(), metadata);
        return new ModelFile.Model(network, metadata);
    }

    /** The floats of every layer's output for one image (the views keep them all). */
    private static long activations(NetworkSpec spec) {
        long floats = spec.input().size();
        for (NetworkSpec.LayerInfo info : spec.infer()) floats = MemoryBudget.plus(floats, info.output().size());
        return floats;
    }

    private static Dims inputDims(OnnxValue in) throws OnnxException {
        List<OnnxValue.Dim> shape = in.shape();
        if (shape == null || shape.size() != 4 && shape.size() != 2) {
            throw new OnnxException("the input " + in.name() + " has " + (shape == null ? "no shape" : shape.size() + " dimensions")
                    + "; ConvScope imports N×C×H×W images (or N×F vectors)");
        }
        long[] sizes = new long[shape.size()];
        for (int i = 1; i < sizes.length; i++) {
            if (!(shape.get(i) instanceof OnnxValue.Dim.Fixed(long size)) || size <= 0) {
                throw new OnnxException("the input " + in.name() + " leaves dimension " + (i + 1) + " open; give the image size"
                        + " (--input-size C×H×W on the command line) or export with a fixed size");
            }
            sizes[i] = size;
        }
        try {
            return sizes.length == 2 ? Dims.vector(Math.toIntExact(sizes[1]))
                    : new Dims(Math.toIntExact(sizes[1]), Math.toIntExact(sizes[2]), Math.toIntExact(sizes[3]));
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new OnnxException("the input " + in.name() + " of " + Arrays.stream(sizes)
                    .mapToObj(Long::toString).collect(Collectors.joining("×"))
                    + " values is larger than one image ConvScope can hold");
        }
    }

    /** An ONNX tensor as a constant of the import: floats for floating-point types, longs for the others. */
    static Tensor tensor(OnnxTensor t) throws OnnxException {
        return switch (t.dataType()) {
            case FLOAT, DOUBLE, FLOAT16, BFLOAT16 -> Tensor.ofFloats(t.dims(), t.toFloats());
            default -> Tensor.ofLongs(t.dims(), t.toLongs());
        };
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Puts the class names into the metadata: the model's "labels" (one per line, or a JSON list of strings), else a
     * labels.txt beside the model (one per line). Names that cannot be used (a count that is not the number of
     * classes, an unreadable file) leave the classes numbered and say why under {@link ModelFile#LABELS_NOTE}.
     */
    private static void labels(OnnxModel model, int classes, Map<String, String> metadata) {
        String source = "the model's labels";
        String text = model.metadata().get(ModelFile.LABELS);
        if (text == null) {
            Path file = model.file().resolveSibling("labels.txt");
            source = "labels.txt";
            try {
                if (!Files.isRegularFile(file)) return;
                if (Files.size(file) > 1 << 24) {
                    metadata.put(ModelFile.LABELS_NOTE, "labels.txt is larger than 16 MB; classes are numbered");
                    return;
                }
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                metadata.put(ModelFile.LABELS_NOTE, "labels.txt cannot be read; classes are numbered");
                return;
            }
        }
        List<String> labels = ModelFile.parseLabels(text);
        if (labels == null || labels.size() != classes) {
            metadata.put(ModelFile.LABELS_NOTE, source + " " + (labels == null ? "cannot be read" : "name " + labels.size()
                    + " classes, the model has " + classes) + "; classes are numbered");
            return;
        }
        metadata.put(ModelFile.LABELS, String.join("\n", labels));
    }
}
