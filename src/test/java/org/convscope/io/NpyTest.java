package org.convscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by NumPy (src/test/resources/npy, made by src/test/python/make_npy_fixtures.py)
 * read as NumPy wrote them, and what {@link Npy#write} writes is what NumPy writes.
 */
class NpyTest {
    private static final Path NUMPY_FILES = Path.of("src", "test", "resources", "npy");

    @TempDir
    Path dir;

    @Test
    void readsNumpyFloat32() throws IOException {
        assertValues(Npy.read(NUMPY_FILES.resolve("arange-f4.npy")), new int[] {2, 3, 4},
                i -> (i - 8) / 4.0);
    }

    @Test
    void readsNumpyFloat64AsTheNearestFloat32() throws IOException {
        assertValues(Npy.read(NUMPY_FILES.resolve("arange-f8.npy")), new int[] {3, 4},
                i -> i * 0.1);
    }

    @Test
    void readsBigEndianFloat64() throws IOException {
        assertValues(Npy.read(NUMPY_FILES.resolve("arange-f8-be.npy")), new int[] {5},
                i -> i * 0.1 - 0.2);
    }

    @Test
    void readsFormatVersions2And3() throws IOException {
        for (String name : new String[] {"arange-f4-v2.npy", "arange-f4-v3.npy"}) {
            byte[] bytes = Files.readAllBytes(NUMPY_FILES.resolve(name));
            assertEquals(name.contains("v2") ? 2 : 3, bytes[6], name + ": format version");
            assertValues(Npy.read(NUMPY_FILES.resolve(name)), new int[] {3}, i -> i + 0.5);
        }
    }

    @Test
    void readsScalarAndEmptyArrays() throws IOException {
        assertEquals(new NpyArray(new int[0], new float[] {2.5f}),
                Npy.read(NUMPY_FILES.resolve("scalar-f4.npy")));
        assertEquals(new NpyArray(new int[] {0, 3}, new float[0]),
                Npy.read(NUMPY_FILES.resolve("empty-f4.npy")));
    }

    @Test
    void refusesNumpyInt64AndFortranOrder() {
        assertEquals("arange-i8.npy: dtype int64 ('<i8'); ConvScope reads float32 (or float64)"
                        + " arrays: save a.astype(np.float32)",
                assertThrows(FileException.class,
                        () -> Npy.read(NUMPY_FILES.resolve("arange-i8.npy"))).getMessage());
        assertEquals("fortran-f4.npy: fortran_order is True (column-major); ConvScope reads"
                        + " C-order arrays: save np.ascontiguousarray(a) instead",
                assertThrows(FileException.class,
                        () -> Npy.read(NUMPY_FILES.resolve("fortran-f4.npy"))).getMessage());
    }

    @Test
    void writesTheBytesNumpyWrites() throws IOException {
        for (String name : new String[] {"arange-f4.npy", "scalar-f4.npy", "empty-f4.npy"}) {
            Path numpys = NUMPY_FILES.resolve(name);
            Path ours = dir.resolve(name);
            Npy.write(ours, Npy.read(numpys));
            assertArrayEquals(Files.readAllBytes(numpys), Files.readAllBytes(ours), name);
        }
    }

    @Test
    void roundTripKeepsEveryBitPattern() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        float[] data = new float[3 * 5 * 70_001];
        for (int i = 0; i < data.length; i++) {
            data[i] = Float.intBitsToFloat(random.nextInt());
        }
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MAX_VALUE, Float.NaN,
                Float.intBitsToFloat(0x7fc0_1234), Float.POSITIVE_INFINITY};
        System.arraycopy(special, 0, data, 0, special.length);
        Path file = dir.resolve("random.npy");

        Npy.write(file, new NpyArray(new int[] {3, 5, 70_001}, data));
        NpyArray back = Npy.read(file);

        assertArrayEquals(new int[] {3, 5, 70_001}, back.shape());
        for (int i = 0; i < data.length; i++) {
            if (Float.floatToRawIntBits(data[i]) != Float.floatToRawIntBits(back.data()[i])) {
                throw new AssertionError("element " + i + ": wrote " + data[i] + ", read "
                        + back.data()[i]);
            }
        }
    }

    @Test
    void writesFormatVersion2OnlyWhenTheHeaderNeedsIt() throws IOException {
        int[] manyOnes = new int[30_000];
        Arrays.fill(manyOnes, 1);
        Path file = dir.resolve("many-dims.npy");

        Npy.write(file, new NpyArray(manyOnes, new float[] {4.5f}));

        byte[] bytes = Files.readAllBytes(file);
        assertEquals(2, bytes[6], "format version");
        assertEquals(0, (bytes.length - Float.BYTES) % 64, "data aligned to 64 bytes");
        assertEquals(new NpyArray(manyOnes, new float[] {4.5f}), Npy.read(file));
        Npy.write(file, new NpyArray(new int[] {1}, new float[] {4.5f}));
        assertEquals(1, Files.readAllBytes(file)[6], "format version of a short header");
    }

    @Test
    void acceptsThePythonSpellingsNumpyReads() throws IOException {
        String[] headers = {
            "{\"shape\": (2L, 3L), \"fortran_order\": False, \"descr\": \"<f4\"}",
            "{'descr':'<f4','fortran_order':False,'shape':(2,3)}\n",
            " { 'descr' : '<f4' , 'fortran_order' : False , 'shape' : ( 2 , 3 , ) , } ",
        };
        float[] data = {1, 2, 3, 4, 5, 6};
        for (String header : headers) {
            Path file = NpyFiles.write(dir, "spelling.npy", 1, header, NpyFiles.floats(data));
            assertEquals(new NpyArray(new int[] {2, 3}, data), Npy.read(file), header);
        }
    }

    @Test
    void failedWriteLeavesNoFileAndNamesTheTarget() {
        Path target = dir.resolve("missing-folder").resolve("out.npy");
        FileException e = assertThrows(FileException.class,
                () -> Npy.write(target, new NpyArray(new int[] {1}, new float[] {1})));
        assertTrue(e.getMessage().startsWith("out.npy: cannot save: "), e.getMessage());
        assertFalse(Files.exists(target));
    }

    private static void assertValues(NpyArray array, int[] shape, IntToDoubleFunction value) {
        assertArrayEquals(shape, array.shape(), "shape");
        float[] expected = new float[array.data().length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (float) value.applyAsDouble(i);
        }
        assertArrayEquals(expected, array.data());
        assertEquals(Arrays.stream(shape).asLongStream().reduce(1, Math::multiplyExact),
                expected.length, "element count");
    }
}
