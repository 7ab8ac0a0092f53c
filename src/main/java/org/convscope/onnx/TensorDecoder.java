package org.convscope.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convscope.io.FileException;
import org.convscope.onnx.OnnxTensor.DataType;
import org.convscope.onnx.proto.Onnx.TensorProto;

/**
 * Turns the file's tensors into {@link OnnxTensor}s in two steps: {@link #plan} checks a tensor's
 * claims (element type, dims, the size of its data wherever it is) and adds up what decoding will
 * allocate; {@link Plan#decode} then allocates. Values in {@code raw_data} are not copied: the
 * tensor reads them where the parsed file holds them.
 */
final class TensorDecoder {
    private final Path modelFile;
    private final ExternalData external;
    private long allocation;

    /** A checked tensor, ready to decode. */
    @FunctionalInterface
    interface Plan {
        OnnxTensor decode() throws FileException;
    }

    TensorDecoder(Path modelFile) {
        this.modelFile = modelFile;
        this.external = new ExternalData(modelFile);
    }

    /** The bytes the planned tensors will allocate when decoded. */
    long allocation() {
        return allocation;
    }

    /**
     * Checks {@code tensor}, called {@code what} in messages (e.g. {@code "tensor 'conv1.weight'"}).
     *
     * @throws FileException naming the model file if a claim is wrong
     */
    Plan plan(TensorProto tensor, String what) throws FileException {
        DataType type = dataType(tensor, what);
        if (tensor.hasSegment()) {
            throw problem(what + " is stored in segments, which ConvScope does not read");
        }
        long[] dims = dims(tensor, what);
        long elements = OnnxTensor.product(dims);
        String field = dataField(tensor, what);
        String name = tensor.getName();
        if (field == null) {
            if (elements != 0) {
                throw problem(what + ": dims " + Text.dims(dims) + " hold " + elements
                        + " elements, but it has no data");
            }
            return type == DataType.STRING
                    ? () -> OnnxTensor.ofStrings(name, dims, List.of())
                    : () -> OnnxTensor.ofRaw(name, dims, type, ByteBuffer.allocate(0));
        }
        if (type == DataType.STRING) {
            return strings(tensor, what, field, dims, elements);
        }
        long needed = type.bytesFor(elements);
        String needs = what + ": dims " + Text.dims(dims) + " of " + type + " need " + needed + " bytes";
        return switch (field) {
            case "raw_data" -> {
                ByteString raw = tensor.getRawData();
                if (raw.size() != needed) {
                    throw problem(needs + ", raw_data has " + raw.size());
                }
                yield () -> OnnxTensor.ofRaw(name, dims, type, raw.asReadOnlyByteBuffer());
            }
            case "external_data" -> {
                ExternalData.Ref ref = external.locate(tensor, what, needed);
                allocation += needed;
                yield () -> OnnxTensor.ofRaw(name, dims, type, external.read(ref, what));
            }
            default -> typed(tensor, what, field, type, dims, elements, needed);
        };
    }

    private Plan strings(TensorProto tensor, String what, String field, long[] dims, long elements)
            throws FileException {
        if (!field.equals("string_data")) {
            throw problem(what + " is STRING, its values must be in string_data, not " + field);
        }
        if (tensor.getStringDataCount() != elements) {
            throw problem(what + ": dims " + Text.dims(dims) + " hold " + elements
                    + " strings, string_data has " + tensor.getStringDataCount());
        }
        for (ByteString value : tensor.getStringDataList()) {
            allocation += ParseCost.STRING_BYTES + 2L * value.size();
        }
        return () -> {
            List<String> values = new ArrayList<>(tensor.getStringDataCount());
            for (ByteString value : tensor.getStringDataList()) {
                values.add(value.toStringUtf8());
            }
            return OnnxTensor.ofStrings(tensor.getName(), dims, values);
        };
    }

    /** Values in the typed field for their element type, converted to raw_data's layout. */
    private Plan typed(TensorProto tensor, String what, String field, DataType type, long[] dims,
            long elements, long needed) throws FileException {
        int perElement = valuesPerElement(field, type);
        if (perElement == 0) {
            throw problem(what + " is " + type + " but its values are in " + field);
        }
        long count = switch (field) {
            case "float_data" -> tensor.getFloatDataCount();
            case "double_data" -> tensor.getDoubleDataCount();
            case "int32_data" -> tensor.getInt32DataCount();
            case "int64_data" -> tensor.getInt64DataCount();
            default -> tensor.getUint64DataCount();
        };
        if (count != elements * perElement) {
            throw problem(what + ": dims " + Text.dims(dims) + " hold " + elements + " " + type
                    + " values, " + field + " has " + count);
        }
        if (needed > OnnxTensor.MAX_ARRAY) {
            throw problem(what + ": " + needed + " bytes are more than one Java array holds");
        }
        allocation += needed;
        return () -> {
            ByteBuffer raw = ByteBuffer.allocate((int) needed).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                switch (field) {
                    case "float_data" -> raw.putFloat(tensor.getFloatData(i));
                    case "double_data" -> raw.putDouble(tensor.getDoubleData(i));
                    case "int64_data" -> raw.putLong(tensor.getInt64Data(i));
                    case "uint64_data" -> putUnsigned(raw, tensor.getUint64Data(i), type, what);
                    default -> putInt32(raw, tensor.getInt32Data(i), type, what);
                }
            }
            return OnnxTensor.ofRaw(tensor.getName(), dims, type, raw.flip());
        };
    }

    /** How many values of {@code field} make one element of {@code type}; 0 if the field cannot hold it. */
    private static int valuesPerElement(String field, DataType type) {
        return switch (field) {
            case "float_data" -> type == DataType.FLOAT ? 1 : type == DataType.COMPLEX64 ? 2 : 0;
            case "double_data" -> type == DataType.DOUBLE ? 1 : type == DataType.COMPLEX128 ? 2 : 0;
            case "int32_data" -> switch (type) {
                case INT32, INT16, UINT16, INT8, UINT8, BOOL, FLOAT16, BFLOAT16 -> 1;
                default -> 0;
            };
            case "int64_data" -> type == DataType.INT64 ? 1 : 0;
            case "uint64_data" -> type == DataType.UINT32 || type == DataType.UINT64 ? 1 : 0;
            default -> 0;
        };
    }

    /** An int32_data value in the width of its type, which must hold it. */
    private void putInt32(ByteBuffer raw, int value, DataType type, String what) throws FileException {
        long min = switch (type) {
            case INT32 -> Integer.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT8 -> Byte.MIN_VALUE;
            default -> 0;
        };
        long max = switch (type) {
            case INT32 -> Integer.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case INT8 -> Byte.MAX_VALUE;
            case UINT8 -> 0xff;
            case BOOL -> 1;
            default -> 0xffff;
        };
        if (value < min || value > max) {
            throw problem(what + ": int32_data value " + value + " is out of range for " + type);
        }
        switch (type.bits()) {
            case 32 -> raw.putInt(value);
            case 16 -> raw.putShort((short) value);
            default -> raw.put((byte) value);
        }
    }

    private void putUnsigned(ByteBuffer raw, long value, DataType type, String what)
            throws FileException {
        if (type == DataType.UINT64) {
            raw.putLong(value);
        } else if (Long.compareUnsigned(value, 0xffff_ffffL) <= 0) {
            raw.putInt((int) value);
        } else {
            throw problem(what + ": uint64_data value " + Long.toUnsignedString(value)
                    + " is out of range for UINT32");
        }
    }

    /** The one field that holds the values, or null if none does. */
    private String dataField(TensorProto tensor, String what) throws FileException {
        List<String> fields = new ArrayList<>(1);
        if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            fields.add("external_data");
        }
        if (tensor.hasRawData()) {
            fields.add("raw_data");
        }
        addIf(fields, tensor.getFloatDataCount(), "float_data");
        addIf(fields, tensor.getInt32DataCount(), "int32_data");
        addIf(fields, tensor.getStringDataCount(), "string_data");
        addIf(fields, tensor.getInt64DataCount(), "int64_data");
        addIf(fields, tensor.getDoubleDataCount(), "double_data");
        addIf(fields, tensor.getUint64DataCount(), "uint64_data");
        if (fields.size() > 1) {
            throw problem(what + " has values in both " + fields.get(0) + " and " + fields.get(1));
        }
        return fields.isEmpty() ? null : fields.getFirst();
    }

    private static void addIf(List<String> fields, int count, String field) {
        if (count > 0) {
            fields.add(field);
        }
    }

    private DataType dataType(TensorProto tensor, String what) throws FileException {
        DataType type = DataType.ofCode(tensor.getDataType());
        if (type == null) {
            throw problem(tensor.getDataType() == 0 ? what + " has no element type"
                    : what + ": element type " + tensor.getDataType() + " is not an ONNX type");
        }
        return type;
    }

    private long[] dims(TensorProto tensor, String what) throws FileException {
        long[] dims = new long[tensor.getDimsCount()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = tensor.getDims(i);
        }
        long elements = OnnxTensor.product(dims);
        if (elements < 0) {
            throw problem(what + ": dims " + Text.dims(dims) + " has a negative dimension");
        }
        if (elements > OnnxTensor.MAX_ELEMENTS) {
            throw problem(what + ": dims " + Text.dims(dims) + " claim more than 2^56 elements");
        }
        return dims;
    }

    private FileException problem(String problem) {
        return new FileException(modelFile, problem);
    }
}
