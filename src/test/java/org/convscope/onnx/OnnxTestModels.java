package org.convscope.onnx;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convscope.onnx.proto.Onnx.AttributeProto;
import org.convscope.onnx.proto.Onnx.AttributeProto.AttributeType;
import org.convscope.onnx.proto.Onnx.GraphProto;
import org.convscope.onnx.proto.Onnx.ModelProto;
import org.convscope.onnx.proto.Onnx.NodeProto;
import org.convscope.onnx.proto.Onnx.OperatorSetIdProto;
import org.convscope.onnx.proto.Onnx.StringStringEntryProto;
import org.convscope.onnx.proto.Onnx.TensorProto;
import org.convscope.onnx.proto.Onnx.TensorShapeProto;
import org.convscope.onnx.proto.Onnx.TypeProto;
import org.convscope.onnx.proto.Onnx.ValueInfoProto;

/**
 * Builds small ONNX models for tests with the generated protobuf builders, independently of
 * {@link OnnxWriter}:
 *
 * <pre>{@code
 * OnnxTestModels.model()
 *         .input("x", 1, 3, 8, 8)
 *         .initializer("w", new long[] {4, 3, 3, 3}, weights)
 *         .node("Conv", List.of("x", "w"), List.of("y"), intsAttr("kernel_shape", 3, 3))
 *         .output("y", 1, 4, 6, 6)
 *         .write(dir.resolve("conv.onnx"));
 * }</pre>
 *
 * Models get IR version 8, ONNX opset 13 and producer {@code "OnnxTestModels"} unless told
 * otherwise; graph inputs and outputs are {@code FLOAT}; tensors keep their values in raw_data.
 */
public final class OnnxTestModels {
    private final ModelProto.Builder model = ModelProto.newBuilder()
            .setIrVersion(8)
            .setProducerName("OnnxTestModels");
    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
    private boolean opsetGiven;

    private OnnxTestModels() {}

    /** A new model with nothing in its graph yet. */
    public static OnnxTestModels model() {
        return new OnnxTestModels();
    }

    public OnnxTestModels irVersion(long version) {
        model.setIrVersion(version);
        return this;
    }

    /** Imports {@code domain} at {@code version}; the first call replaces the default ONNX opset 13. */
    public OnnxTestModels opset(String domain, long version) {
        opsetGiven = true;
        model.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(domain).setVersion(version));
        return this;
    }

    public OnnxTestModels metadata(String key, String value) {
        model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value));
        return this;
    }

    /**
     * A FLOAT graph input; each dim is a number (fixed size), a String (symbolic, {@code dim_param})
     * or null (unknown).
     */
    public OnnxTestModels input(String name, Object... dims) {
        graph.addInput(value(name, dims));
        return this;
    }

    /** A FLOAT graph output; dims as for {@link #input}. */
    public OnnxTestModels output(String name, Object... dims) {
        graph.addOutput(value(name, dims));
        return this;
    }

    public OnnxTestModels input(ValueInfoProto value) {
        graph.addInput(value);
        return this;
    }

    public OnnxTestModels output(ValueInfoProto value) {
        graph.addOutput(value);
        return this;
    }

    /** A FLOAT initializer with its values in raw_data. */
    public OnnxTestModels initializer(String name, long[] dims, float... values) {
        return initializer(tensor(name, dims, values));
    }

    /** An INT64 initializer with its values in raw_data. */
    public OnnxTestModels longInitializer(String name, long[] dims, long... values) {
        return initializer(longTensor(name, dims, values));
    }

    public OnnxTestModels initializer(TensorProto tensor) {
        graph.addInitializer(tensor);
        return this;
    }

    /** An unnamed node of ONNX's own domain; the reader calls it {@code "<opType> #<index>"}. */
    public OnnxTestModels node(String opType, List<String> inputs, List<String> outputs,
            AttributeProto... attributes) {
        return namedNode("", opType, inputs, outputs, attributes);
    }

    public OnnxTestModels namedNode(String name, String opType, List<String> inputs,
            List<String> outputs, AttributeProto... attributes) {
        return node(NodeProto.newBuilder().setName(name).setOpType(opType)
                .addAllInput(inputs).addAllOutput(outputs)
                .addAllAttribute(List.of(attributes)).build());
    }

    public OnnxTestModels node(NodeProto node) {
        graph.addNode(node);
        return this;
    }

    /** The model as built so far, e.g. to take apart or change for a test. */
    public ModelProto proto() {
        ModelProto.Builder built = model.clone().setGraph(graph);
        if (!opsetGiven) {
            built.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13));
        }
        return built.build();
    }

    public byte[] bytes() {
        return proto().toByteArray();
    }

    /** Writes the model to {@code file} and returns {@code file}. */
    public Path write(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    /** A FLOAT tensor with its values in raw_data. */
    public static TensorProto tensor(String name, long[] dims, float... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return rawTensor(name, dims, TensorProto.DataType.FLOAT, raw.array());
    }

    /** An INT64 tensor with its values in raw_data. */
    public static TensorProto longTensor(String name, long[] dims, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return rawTensor(name, dims, TensorProto.DataType.INT64, raw.array());
    }

    /** A tensor of any element type with {@code raw} as its raw_data, unchecked. */
    public static TensorProto rawTensor(String name, long[] dims, TensorProto.DataType type, byte[] raw) {
        return TensorProto.newBuilder().setName(name).addAllDims(boxed(dims))
                .setDataType(type.getNumber()).setRawData(ByteString.copyFrom(raw)).build();
    }

    public static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    public static AttributeProto floatAttr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(value).build();
    }

    public static AttributeProto intsAttr(String name, long... values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS)
                .addAllInts(boxed(values)).build();
    }

    public static AttributeProto floatsAttr(String name, float... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name)
                .setType(AttributeType.FLOATS);
        for (float value : values) {
            attribute.addFloats(value);
        }
        return attribute.build();
    }

    public static AttributeProto stringAttr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    public static AttributeProto tensorAttr(String name, TensorProto value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.TENSOR).setT(value).build();
    }

    /** A FLOAT value declaration; dims as for {@link #input}. */
    public static ValueInfoProto value(String name, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object dim : dims) {
            TensorShapeProto.Dimension.Builder d = TensorShapeProto.Dimension.newBuilder();
            switch (dim) {
                case null -> { }
                case Number size -> d.setDimValue(size.longValue());
                case String param -> d.setDimParam(param);
                default -> throw new IllegalArgumentException("dim " + dim + ": a number, a String or null");
            }
            shape.addDim(d);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape))).build();
    }

    private static List<Long> boxed(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
