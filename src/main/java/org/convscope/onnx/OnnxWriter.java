package org.convscope.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.file.Path;
import java.util.Objects;
import org.convscope.io.AtomicFiles;
import org.convscope.io.FileException;
import org.convscope.io.Heap;
import org.convscope.onnx.OnnxValue.Dim;
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
 * Writes an {@link OnnxModel} as an ONNX file, atomically ({@link AtomicFiles}: a failed write
 * leaves the old file as it was). Every tensor's values go into {@code raw_data}, in the file; the
 * model's {@code producer} into {@code producer_name}; graph inputs and outputs as declared, with
 * {@code dim_param} for symbolic and an empty dimension for unknown sizes. The model's
 * {@code file} is not used: {@code file} is where it goes.
 */
public final class OnnxWriter {
    private OnnxWriter() {}

    /**
     * Writes {@code model} to {@code file}.
     *
     * @throws IllegalArgumentException if a node has an attribute of a kind this writer cannot
     *     write ({@link OnnxAttribute.Other})
     * @throws FileException naming {@code file} if the tensors are too large for one ONNX file
     *     (2 GB) or the write fails
     */
    public static void write(Path file, OnnxModel model) throws FileException {
        Objects.requireNonNull(file, "file");
        long bytes = tensorBytes(model.graph());
        if (bytes > OnnxReader.MAX_FILE_BYTES - (1 << 20)) {
            throw new FileException(file, "the tensors take " + Heap.size(bytes)
                    + ", more than one ONNX file holds (2 GB)");
        }
        ModelProto proto = model(model);
        AtomicFiles.write(file, proto::writeTo);
    }

    private static ModelProto model(OnnxModel model) {
        ModelProto.Builder proto = ModelProto.newBuilder()
                .setIrVersion(model.irVersion())
                .setProducerName(model.producer())
                .setGraph(graph(model.graph()));
        model.opsets().forEach((domain, version) -> proto.addOpsetImport(
                OperatorSetIdProto.newBuilder().setDomain(domain).setVersion(version)));
        model.metadata().forEach((key, value) -> proto.addMetadataProps(
                StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return proto.build();
    }

    private static GraphProto graph(OnnxGraph graph) {
        GraphProto.Builder proto = GraphProto.newBuilder().setName(graph.name());
        for (OnnxNode node : graph.nodes()) {
            proto.addNode(node(node));
        }
        for (OnnxTensor tensor : graph.initializers().values()) {
            proto.addInitializer(tensor(tensor));
        }
        for (OnnxValue input : graph.inputs()) {
            proto.addInput(value(input));
        }
        for (OnnxValue output : graph.outputs()) {
            proto.addOutput(value(output));
        }
        return proto.build();
    }

    private static NodeProto node(OnnxNode node) {
        NodeProto.Builder proto = NodeProto.newBuilder()
                .setName(node.name())
                .setOpType(node.opType())
                .addAllInput(node.inputs())
                .addAllOutput(node.outputs());
        if (!node.domain().isEmpty()) {
            proto.setDomain(node.domain());
        }
        for (OnnxAttribute attribute : node.attributes().values()) {
            proto.addAttribute(attribute(node, attribute));
        }
        return proto.build();
    }

    private static AttributeProto attribute(OnnxNode node, OnnxAttribute attribute) {
        AttributeProto.Builder proto = AttributeProto.newBuilder().setName(attribute.name());
        switch (attribute) {
            case OnnxAttribute.Int a -> proto.setType(AttributeType.INT).setI(a.value());
            case OnnxAttribute.Float a -> proto.setType(AttributeType.FLOAT).setF(a.value());
            case OnnxAttribute.Ints a -> {
                proto.setType(AttributeType.INTS);
                for (long value : a.values()) {
                    proto.addInts(value);
                }
            }
            case OnnxAttribute.Floats a -> {
                proto.setType(AttributeType.FLOATS);
                for (float value : a.values()) {
                    proto.addFloats(value);
                }
            }
            case OnnxAttribute.Str a -> proto.setType(AttributeType.STRING)
                    .setS(ByteString.copyFromUtf8(a.value()));
            case OnnxAttribute.Tensor a -> proto.setType(AttributeType.TENSOR).setT(tensor(a.value()));
            case OnnxAttribute.Other a -> throw new IllegalArgumentException(node.describe()
                    + ": attribute " + Text.quote(a.name()) + " of kind " + a.kind() + " cannot be written");
        }
        return proto.build();
    }

    private static TensorProto tensor(OnnxTensor tensor) {
        TensorProto.Builder proto = TensorProto.newBuilder().setDataType(tensor.dataType().code());
        if (!tensor.name().isEmpty()) {
            proto.setName(tensor.name());
        }
        for (long dim : tensor.dims()) {
            proto.addDims(dim);
        }
        if (tensor.dataType() == OnnxTensor.DataType.STRING) {
            for (String value : tensor.strings()) {
                proto.addStringData(ByteString.copyFromUtf8(value));
            }
        } else {
            // The buffer is read-only and the tensor immutable: the file's bytes can be shared.
            proto.setRawData(UnsafeByteOperations.unsafeWrap(tensor.rawData()));
        }
        return proto.build();
    }

    private static ValueInfoProto value(OnnxValue value) {
        TypeProto.Tensor.Builder type = TypeProto.Tensor.newBuilder();
        if (value.elementType() != null) {
            type.setElemType(value.elementType().code());
        }
        if (value.shape() != null) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (Dim dim : value.shape()) {
                TensorShapeProto.Dimension.Builder proto = TensorShapeProto.Dimension.newBuilder();
                switch (dim) {
                    case Dim.Fixed(long size) -> proto.setDimValue(size);
                    case Dim.Symbolic(String name) -> proto.setDimParam(name);
                    case Dim.Unknown() -> { }
                }
                shape.addDim(proto);
            }
            type.setShape(shape);
        }
        ValueInfoProto.Builder proto = ValueInfoProto.newBuilder().setName(value.name());
        if (value.elementType() != null || value.shape() != null) {
            proto.setType(TypeProto.newBuilder().setTensorType(type));
        }
        return proto.build();
    }

    private static long tensorBytes(OnnxGraph graph) {
        long bytes = 0;
        for (OnnxTensor tensor : graph.initializers().values()) {
            bytes += tensor.byteSize();
        }
        for (OnnxNode node : graph.nodes()) {
            for (OnnxAttribute attribute : node.attributes().values()) {
                if (attribute instanceof OnnxAttribute.Tensor tensor) {
                    bytes += tensor.value().byteSize();
                }
            }
        }
        return bytes;
    }
}
