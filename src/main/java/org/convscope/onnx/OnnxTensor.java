package org.convscope.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.convscope.io.Heap;

/**
 * A tensor of an ONNX file: an initializer, a tensor attribute or one built to be written.
 *
 * <p>The values are kept as ONNX's {@code raw_data} lays them out, whatever field of the file held
 * them: row-major, little-endian, {@link DataType#bytesFor} bytes in all. {@link OnnxReader} has
 * checked that they agree with the dims, so the decoders only convert; they check what the result
 * costs against the heap before allocating it. Strings (element type {@code STRING}) are kept as a
 * list instead.
 */
public final class OnnxTensor {
    /** Most elements a tensor may claim: {@code bits × elements} then fits in a {@code long}. */
    public static final long MAX_ELEMENTS = 1L << 56;
    /** Longest Java array the decoders make. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** ONNX's element types ({@code TensorProto.DataType}), with the bits one element takes. */
    public enum DataType {
        FLOAT(1, 32), UINT8(2, 8), INT8(3, 8), UINT16(4, 16), INT16(5, 16), INT32(6, 32),
        INT64(7, 64), STRING(8, 0), BOOL(9, 8), FLOAT16(10, 16), DOUBLE(11, 64), UINT32(12, 32),
        UINT64(13, 64), COMPLEX64(14, 64), COMPLEX128(15, 128), BFLOAT16(16, 16),
        FLOAT8E4M3FN(17, 8), FLOAT8E4M3FNUZ(18, 8), FLOAT8E5M2(19, 8), FLOAT8E5M2FNUZ(20, 8),
        UINT4(21, 4), INT4(22, 4), FLOAT4E2M1(23, 4), FLOAT8E8M0(24, 8), UINT2(25, 2), INT2(26, 2);

        private static final DataType[] BY_CODE = new DataType[27];

        static {
            for (DataType type : values()) {
                BY_CODE[type.code] = type;
            }
        }

        private final int code;
        private final int bits;

        DataType(int code, int bits) {
            this.code = code;
            this.bits = bits;
        }

        /** The number ONNX files use for this type. */
        public int code() {
            return code;
        }

        /** Bits per element in {@code raw_data}; 0 for {@code STRING}, which has no raw form. */
        public int bits() {
            return bits;
        }

        /**
         * Bytes that {@code elements} values take in {@code raw_data}: ⌈elements × bits / 8⌉ (types
         * narrower than a byte pack several elements into one).
         *
         * @throws IllegalArgumentException if {@code elements} is negative or above {@link #MAX_ELEMENTS}
         */
        public long bytesFor(long elements) {
            if (elements < 0 || elements > MAX_ELEMENTS) {
                throw new IllegalArgumentException("element count " + elements + " out of range");
            }
            return (elements * bits + 7) / 8;
        }

        /** The type with ONNX number {@code code}, or null if there is none. */
        public static DataType ofCode(int code) {
            return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        }
    }

    private final String name;
    private final long[] dims;
    private final DataType dataType;
    private final long elementCount;
    private final ByteBuffer data; // raw_data: little-endian, read-only; null for STRING
    private final List<String> strings; // STRING only, else null

    private OnnxTensor(String name, long[] dims, DataType dataType, ByteBuffer data,
            List<String> strings) {
        this.name = Objects.requireNonNull(name, "name");
        this.dims = dims.clone();
        this.dataType = Objects.requireNonNull(dataType, "dataType");
        this.elementCount = elementCount(name, this.dims);
        this.data = data;
        this.strings = strings;
    }

    /** A tensor of values laid out as raw_data; {@code data} must hold exactly the bytes the dims need. */
    static OnnxTensor ofRaw(String name, long[] dims, DataType dataType, ByteBuffer data) {
        if (dataType == DataType.STRING) {
            throw new IllegalArgumentException("tensor " + name + ": STRING has no raw data");
        }
        OnnxTensor tensor = new OnnxTensor(name, dims, dataType,
                data.slice().order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer(), null);
        long needed = dataType.bytesFor(tensor.elementCount);
        if (needed != data.remaining()) {
            throw new IllegalArgumentException("tensor " + name + ": dims " + Text.dims(dims)
                    + " of " + dataType + " need " + needed + " bytes, data has " + data.remaining());
        }
        return tensor;
    }

    /** A tensor of strings, row-major. */
    static OnnxTensor ofStrings(String name, long[] dims, List<String> strings) {
        OnnxTensor tensor = new OnnxTensor(name, dims, DataType.STRING, null, List.copyOf(strings));
        if (tensor.elementCount != strings.size()) {
            throw new IllegalArgumentException("tensor " + name + ": dims " + Text.dims(dims)
                    + " hold " + tensor.elementCount + " strings, data has " + strings.size());
        }
        return tensor;
    }

    /**
     * A {@code FLOAT} tensor of {@code data}, row-major, e.g. a convolution's weights
     * {@code [outC][inC][kH][kW]}. The values are copied.
     *
     * @throws IllegalArgumentException if a dim is negative or the dims do not hold {@code data.length} values
     */
    public static OnnxTensor ofFloats(String name, long[] dims, float[] data) {
        checkCount(name, dims, data.length);
        ByteBuffer raw = ByteBuffer.allocate(Math.multiplyExact(data.length, Float.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(data);
        return ofRaw(name, dims, DataType.FLOAT, raw);
    }

    /**
     * An {@code INT64} tensor of {@code data}, row-major, e.g. the target shape of a Reshape.
     *
     * @throws IllegalArgumentException if a dim is negative or the dims do not hold {@code data.length} values
     */
    public static OnnxTensor ofLongs(String name, long[] dims, long[] data) {
        checkCount(name, dims, data.length);
        ByteBuffer raw = ByteBuffer.allocate(Math.multiplyExact(data.length, Long.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(data);
        return ofRaw(name, dims, DataType.INT64, raw);
    }

    public String name() {
        return name;
    }

    /** The size of each dimension, outermost first; empty for a scalar. A copy. */
    public long[] dims() {
        return dims.clone();
    }

    public DataType dataType() {
        return dataType;
    }

    /** The product of the dims (1 for a scalar). */
    public long elementCount() {
        return elementCount;
    }

    /**
     * The values as floats: {@code FLOAT} as they are; {@code DOUBLE}, {@code FLOAT16} and
     * {@code BFLOAT16} rounded or widened to the nearest float.
     *
     * @throws OnnxException for any other element type, or if the floats would not fit in memory
     */
    public float[] toFloats() throws OnnxException {
        ByteBuffer raw = data();
        return switch (dataType) {
            case FLOAT -> {
                float[] values = allocateFloats();
                raw.asFloatBuffer().get(values);
                yield values;
            }
            case DOUBLE -> {
                float[] values = allocateFloats();
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) raw.getDouble(i * Double.BYTES);
                }
                yield values;
            }
            case FLOAT16 -> {
                float[] values = allocateFloats();
                for (int i = 0; i < values.length; i++) {
                    values[i] = Float.float16ToFloat(raw.getShort(i * Short.BYTES));
                }
                yield values;
            }
            case BFLOAT16 -> {
                float[] values = allocateFloats();
                for (int i = 0; i < values.length; i++) {
                    values[i] = Float.intBitsToFloat(raw.getShort(i * Short.BYTES) << 16);
                }
                yield values;
            }
            default -> throw wrongType("FLOAT, DOUBLE, FLOAT16 or BFLOAT16");
        };
    }

    /**
     * The values as longs: any integer type ({@code INT8} … {@code UINT64}) and {@code BOOL} (0 or 1).
     *
     * @throws OnnxException for any other element type, a {@code UINT64} value above
     *     {@link Long#MAX_VALUE}, or if the longs would not fit in memory
     */
    public long[] toLongs() throws OnnxException {
        ByteBuffer raw = data();
        int bytes = dataType.bits / 8;
        long[] values = switch (dataType) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, BOOL -> allocateLongs();
            default -> throw wrongType("an integer type or BOOL");
        };
        for (int i = 0; i < values.length; i++) {
            int at = i * bytes;
            values[i] = switch (dataType) {
                case INT8 -> raw.get(at);
                case UINT8, BOOL -> Byte.toUnsignedLong(raw.get(at));
                case INT16 -> raw.getShort(at);
                case UINT16 -> Short.toUnsignedLong(raw.getShort(at));
                case INT32 -> raw.getInt(at);
                case UINT32 -> Integer.toUnsignedLong(raw.getInt(at));
                default -> raw.getLong(at);
            };
            if (dataType == DataType.UINT64 && values[i] < 0) {
                throw new OnnxException("tensor " + Text.quote(name) + ": UINT64 value "
                        + Long.toUnsignedString(values[i]) + " does not fit a signed 64-bit integer");
            }
        }
        return values;
    }

    /**
     * The values of a {@code STRING} tensor.
     *
     * @throws OnnxException for any other element type
     */
    public List<String> toStrings() throws OnnxException {
        if (strings == null) {
            throw wrongType("STRING");
        }
        return strings;
    }

    /** The bytes the values take in a file: raw_data's, or for strings an upper bound of their UTF-8. */
    long byteSize() {
        if (strings == null) {
            return data.capacity();
        }
        long bytes = 0;
        for (String value : strings) {
            bytes += 3L * value.length();
        }
        return bytes;
    }

    /** The values of a {@code STRING} tensor, else null. */
    List<String> strings() {
        return strings;
    }

    /** The values as raw_data: little-endian, read-only, from position 0; null for {@code STRING}. */
    ByteBuffer rawData() {
        return data == null ? null : data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    private ByteBuffer data() {
        return data == null ? ByteBuffer.allocate(0) : rawData();
    }

    private float[] allocateFloats() throws OnnxException {
        return new float[arrayLength("floats", Float.BYTES)];
    }

    private long[] allocateLongs() throws OnnxException {
        return new long[arrayLength("longs", Long.BYTES)];
    }

    /** The element count as an array length, once the array is known to fit in the heap. */
    private int arrayLength(String what, int bytesEach) throws OnnxException {
        if (elementCount > MAX_ARRAY) {
            throw new OnnxException("tensor " + Text.quote(name) + ": " + elementCount + " "
                    + what + " are more than one Java array holds (" + MAX_ARRAY + ")");
        }
        long bytes = elementCount * bytesEach;
        if (!Heap.fits(bytes)) {
            throw new OnnxException("tensor " + Text.quote(name) + ": " + elementCount + " " + what
                    + " need " + Heap.size(bytes) + ", more than the Java heap has free ("
                    + Heap.size(Heap.available(bytes)) + ")");
        }
        return (int) elementCount;
    }

    private OnnxException wrongType(String expected) {
        return new OnnxException("tensor " + Text.quote(name) + " holds " + dataType
                + " values, expected " + expected);
    }

    private static long elementCount(String name, long[] dims) {
        long count = product(dims);
        if (count < 0) {
            throw new IllegalArgumentException(
                    "tensor " + name + ": negative dimension in " + Text.dims(dims));
        }
        if (count > MAX_ELEMENTS) {
            throw new IllegalArgumentException(
                    "tensor " + name + ": dims " + Text.dims(dims) + " hold too many elements");
        }
        return count;
    }

    /**
     * The product of {@code dims}: -1 if one is negative, a number above {@link #MAX_ELEMENTS}
     * if the product is larger than that (it never overflows).
     */
    static long product(long[] dims) {
        long count = 1;
        for (long dim : dims) {
            if (dim < 0) {
                return -1;
            }
            count = dim == 0 || count == 0 ? 0
                    : dim > MAX_ELEMENTS / count ? MAX_ELEMENTS + 1 : count * dim;
        }
        return count;
    }

    private static void checkCount(String name, long[] dims, int values) {
        long count = elementCount(name, dims);
        if (count != values) {
            throw new IllegalArgumentException("tensor " + name + ": dims " + Text.dims(dims)
                    + " hold " + count + " values, data has " + values);
        }
    }

    /** Equal when name, dims, element type and every value's bits are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof OnnxTensor that
                && name.equals(that.name)
                && Arrays.equals(dims, that.dims)
                && dataType == that.dataType
                && Objects.equals(data, that.data)
                && Objects.equals(strings, that.strings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(dims), dataType, data, strings);
    }

    @Override
    public String toString() {
        return "OnnxTensor[" + name + " " + dataType + " " + Text.dims(dims) + "]";
    }
}
