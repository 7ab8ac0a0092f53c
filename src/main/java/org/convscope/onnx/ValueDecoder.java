package org.convscope.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convscope.io.FileException;
import org.convscope.onnx.OnnxValue.Dim;
import org.convscope.onnx.proto.Onnx.TensorShapeProto;
import org.convscope.onnx.proto.Onnx.TypeProto;
import org.convscope.onnx.proto.Onnx.ValueInfoProto;

/** Turns a graph input's or output's declaration into an {@link OnnxValue}; only tensors are read. */
final class ValueDecoder {
    private ValueDecoder() {}

    /**
     * @param what {@code "graph input"} or {@code "graph output"}, for messages
     */
    static OnnxValue value(Path file, ValueInfoProto value, String what) throws FileException {
        String where = what + " " + Text.quote(value.getName());
        TypeProto type = value.getType();
        String kind = switch (type.getValueCase()) {
            case TENSOR_TYPE, VALUE_NOT_SET -> null;
            case SEQUENCE_TYPE -> "a sequence";
            case MAP_TYPE -> "a map";
            case OPTIONAL_TYPE -> "an optional value";
            case SPARSE_TENSOR_TYPE -> "a sparse tensor";
        };
        if (kind != null) {
            throw new FileException(file, where + " is " + kind + "; ConvScope reads tensors only");
        }
        if (!type.hasTensorType()) {
            return new OnnxValue(value.getName(), null, null);
        }
        TypeProto.Tensor tensor = type.getTensorType();
        OnnxTensor.DataType elementType = null;
        if (tensor.getElemType() != 0) {
            elementType = OnnxTensor.DataType.ofCode(tensor.getElemType());
            if (elementType == null) {
                throw new FileException(file, where + ": element type " + tensor.getElemType()
                        + " is not an ONNX type");
            }
        }
        if (!tensor.hasShape()) {
            return new OnnxValue(value.getName(), elementType, null);
        }
        List<Dim> shape = new ArrayList<>(tensor.getShape().getDimCount());
        for (TensorShapeProto.Dimension dim : tensor.getShape().getDimList()) {
            shape.add(switch (dim.getValueCase()) {
                case DIM_VALUE -> {
                    if (dim.getDimValue() < 0) {
                        throw new FileException(file, where + ": dimension " + dim.getDimValue()
                                + " is negative");
                    }
                    yield new Dim.Fixed(dim.getDimValue());
                }
                case DIM_PARAM -> dim.getDimParam().isEmpty()
                        ? new Dim.Unknown() : new Dim.Symbolic(dim.getDimParam());
                case VALUE_NOT_SET -> new Dim.Unknown();
            });
        }
        return new OnnxValue(value.getName(), elementType, shape);
    }
}
