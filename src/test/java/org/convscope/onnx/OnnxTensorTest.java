package org.convscope.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.convscope.onnx.OnnxTensor.DataType;
import org.convscope.onnx.proto.Onnx.TensorProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Element types, the typed fields of the file, and the decoders. */
class OnnxTensorTest {
    @TempDir
    Path dir;

    @Test
    void byteSizes() {
        assertEquals(4 * 6, DataType.FLOAT.bytesFor(6));
        assertEquals(8 * 6, DataType.INT64.bytesFor(6));
        assertEquals(6, DataType.BOOL.bytesFor(6));
        assertEquals(2 * 6, DataType.FLOAT16.bytesFor(6));
        assertEquals(16 * 6, DataType.COMPLEX128.bytesFor(6));
        assertEquals(3, DataType.INT4.bytesFor(5)); // two per byte, the last half empty
        assertEquals(2, DataType.UINT2.bytesFor(5));
        assertEquals(DataType.FLOAT8E8M0, DataType.ofCode(24));
        assertEquals(null, DataType.ofCode(0));
        assertEquals(null, DataType.ofCode(27));
        for (DataType type : DataType.values()) {
            assertEquals(type, DataType.ofCode(type.code()));
            assertEquals(type.name(), TensorProto.DataType.forNumber(type.code()).name());
        }
    }

    @Test
    void factoriesAndEquality() throws OnnxException {
        OnnxTensor w = OnnxTensor.ofFloats("w", new long[] {2, 2}, new float[] {1, 2, 3, 4});
        assertEquals(4, w.elementCount());
        assertArrayEquals(new float[] {1, 2, 3, 4}, w.toFloats());
        assertEquals(w, OnnxTensor.ofFloats("w", new long[] {2, 2}, new float[] {1, 2, 3, 4}));
        assertNotEquals(w, OnnxTensor.ofFloats("w", new long[] {4}, new float[] {1, 2, 3, 4}));
        assertNotEquals(w, OnnxTensor.ofFloats("w", new long[] {2, 2}, new float[] {1, 2, 3, 5}));
        assertArrayEquals(new long[] {-1, Long.MAX_VALUE},
                OnnxTensor.ofLongs("s", new long[] {2}, new long[] {-1, Long.MAX_VALUE}).toLongs());

        assertEquals("tensor w: dims [3] hold 3 values, data has 4", assertThrows(IllegalArgumentException.class,
                () -> OnnxTensor.ofFloats("w", new long[] {3}, new float[4])).getMessage());
        assertEquals("tensor w: negative dimension in [-1]", assertThrows(IllegalArgumentException.class,
                () -> OnnxTensor.ofLongs("w", new long[] {-1}, new long[0])).getMessage());
    }

    @Test
    void halfPrecisionAndDoublesBecomeFloats() throws Exception {
        // FLOAT16 0x3c00 = 1, 0xc000 = -2, 0x7bff = 65504 (the largest), 0x0001 = 2^-24;
        // BFLOAT16 0x3f80 = 1, 0xc0a0 = -5.
        assertArrayEquals(new float[] {1, -2, 65504, 0x1p-24f},
                read(typed(DataType.FLOAT16, 4).addAllInt32Data(List.of(0x3c00, 0xc000, 0x7bff, 1))).toFloats());
        assertArrayEquals(new float[] {1, -2, 65504, 0x1p-24f},
                read(raw(DataType.FLOAT16, new short[] {0x3c00, (short) 0xc000, 0x7bff, 1})).toFloats());
        assertArrayEquals(new float[] {1, -5},
                read(raw(DataType.BFLOAT16, new short[] {0x3f80, (short) 0xc0a0})).toFloats());
        assertArrayEquals(new float[] {0.1f, -3},
                read(typed(DataType.DOUBLE, 2).addAllDoubleData(List.of(0.1, -3.0))).toFloats());
        assertArrayEquals(new float[] {1.5f, 2.5f},
                read(typed(DataType.FLOAT, 2).addAllFloatData(List.of(1.5f, 2.5f))).toFloats());
    }

    @Test
    void integersOfEveryWidthBecomeLongs() throws Exception {
        assertArrayEquals(new long[] {-128, 127}, read(typed(DataType.INT8, 2).addAllInt32Data(List.of(-128, 127))).toLongs());
        assertArrayEquals(new long[] {0, 255}, read(typed(DataType.UINT8, 2).addAllInt32Data(List.of(0, 255))).toLongs());
        assertArrayEquals(new long[] {-32768, 32767},
                read(typed(DataType.INT16, 2).addAllInt32Data(List.of(-32768, 32767))).toLongs());
        assertArrayEquals(new long[] {65535}, read(typed(DataType.UINT16, 1).addInt32Data(65535)).toLongs());
        assertArrayEquals(new long[] {Integer.MIN_VALUE},
                read(typed(DataType.INT32, 1).addInt32Data(Integer.MIN_VALUE)).toLongs());
        assertArrayEquals(new long[] {1, 0, 1}, read(typed(DataType.BOOL, 3).addAllInt32Data(List.of(1, 0, 1))).toLongs());
        assertArrayEquals(new long[] {4294967295L},
                read(typed(DataType.UINT32, 1).addUint64Data(4294967295L)).toLongs());
        assertArrayEquals(new long[] {Long.MIN_VALUE, 7},
                read(typed(DataType.INT64, 2).addAllInt64Data(List.of(Long.MIN_VALUE, 7L))).toLongs());
        assertArrayEquals(new long[] {-1, 5}, read(raw(DataType.INT8, new byte[] {-1, 5})).toLongs());
        assertArrayEquals(new long[] {255, 5}, read(raw(DataType.UINT8, new byte[] {-1, 5})).toLongs());
    }

    @Test
    void decodersRefuseOtherTypesInWords() throws Exception {
        OnnxTensor longs = OnnxTensor.ofLongs("shape", new long[] {1}, new long[] {3});
        assertEquals("tensor 'shape' holds INT64 values, expected FLOAT, DOUBLE, FLOAT16 or BFLOAT16",
                assertThrows(OnnxException.class, longs::toFloats).getMessage());
        OnnxTensor floats = OnnxTensor.ofFloats("w", new long[] {1}, new float[] {3});
        assertEquals("tensor 'w' holds FLOAT values, expected an integer type or BOOL",
                assertThrows(OnnxException.class, floats::toLongs).getMessage());
        assertEquals("tensor 'w' holds FLOAT values, expected STRING",
                assertThrows(OnnxException.class, floats::toStrings).getMessage());
        OnnxTensor huge = read(typed(DataType.UINT64, 1).addUint64Data(-1));
        assertEquals("tensor 'w': UINT64 value 18446744073709551615 does not fit a signed 64-bit integer",
                assertThrows(OnnxException.class, huge::toLongs).getMessage());
    }

    @Test
    void aDecodedArrayThatWouldNotFitInTheHeapIsRefusedBeforeItIsAllocated() {
        int bytes = (int) (Runtime.getRuntime().maxMemory() / 6);
        OnnxTensor tensor = OnnxTensor.ofRaw("w", new long[] {bytes}, DataType.UINT8, ByteBuffer.allocate(bytes));
        long before = Refusals.allocated();
        String message = assertThrows(OnnxException.class, tensor::toLongs).getMessage();
        assertTrue(Refusals.allocated() - before < Refusals.SMALL_ALLOCATION);
        assertTrue(message.startsWith("tensor 'w': " + bytes + " longs need "
                + org.convscope.io.Heap.size(8L * bytes) + ", more than the Java heap has free ("), message);
    }

    @Test
    void strings() throws Exception {
        OnnxTensor labels = read(typed(DataType.STRING, 2).addStringData(com.google.protobuf.ByteString.copyFromUtf8("cat"))
                .addStringData(com.google.protobuf.ByteString.copyFromUtf8("чаша")));
        assertEquals(List.of("cat", "чаша"), labels.toStrings());
    }

    /** A tensor {@code w} of {@code type} and dims [count], values still to add. */
    private static TensorProto.Builder typed(DataType type, long count) {
        return TensorProto.newBuilder().setName("w").addDims(count).setDataType(type.code());
    }

    private static TensorProto.Builder raw(DataType type, short[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(values);
        return typed(type, values.length).setRawData(com.google.protobuf.ByteString.copyFrom(bytes.array()));
    }

    private static TensorProto.Builder raw(DataType type, byte[] values) {
        return typed(type, values.length).setRawData(com.google.protobuf.ByteString.copyFrom(values));
    }

    /** Reads {@code w} back as the initializer of a small model. */
    private OnnxTensor read(TensorProto.Builder w) throws Exception {
        return OnnxReader.read(OnnxTestModels.model().input("x", 1).initializer(w.build())
                        .node("Identity", List.of("w"), List.of("y")).output("y", 1)
                        .write(dir.resolve("m.onnx")))
                .graph().initializers().get("w");
    }
}
