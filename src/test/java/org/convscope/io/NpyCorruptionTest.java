package org.convscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every malformed or unsupported .npy file is refused with one line naming the file and the
 * problem, before its data is allocated.
 */
class NpyCorruptionTest {
    private static final String NAME = "x.npy";

    @TempDir
    Path dir;

    @Test
    void notNpyAtAll() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        assertProblem("not a NumPy .npy file: it does not start with \\x93NUMPY",
                Files.write(dir.resolve(NAME), png));
    }

    @Test
    void truncatedPreamble() throws IOException {
        String problem = "too few for the .npy preamble (magic, version, header length)";
        assertProblem("truncated: file has 0 bytes, " + problem,
                Files.write(dir.resolve(NAME), new byte[0]));
        assertProblem("truncated: file has 4 bytes, " + problem,
                Files.write(dir.resolve(NAME), Arrays.copyOf(NpyFiles.preamble(1, 0), 4)));
        assertProblem("truncated: file has 9 bytes, " + problem,
                Files.write(dir.resolve(NAME), Arrays.copyOf(NpyFiles.preamble(1, 0), 9)));
        assertProblem("truncated: file has 11 bytes, " + problem,
                Files.write(dir.resolve(NAME), Arrays.copyOf(NpyFiles.preamble(2, 0), 11)));
    }

    @Test
    void unknownFormatVersion() throws IOException {
        byte[] bytes = NpyFiles.preamble(1, 0);
        bytes[6] = 4;
        assertProblem("format version 4.0 is not supported; ConvScope reads versions 1.0, 2.0"
                + " and 3.0", Files.write(dir.resolve(NAME), bytes));
        bytes[6] = 1;
        bytes[7] = 1;
        assertProblem("format version 1.1 is not supported; ConvScope reads versions 1.0, 2.0"
                + " and 3.0", Files.write(dir.resolve(NAME), bytes));
    }

    @Test
    void headerLengthBeyondTheFile() throws IOException {
        byte[] preamble = NpyFiles.preamble(2, 0xffff_fff0L);
        assertProblem("truncated: header says 4294967280 bytes, file has 20 after the preamble",
                Files.write(dir.resolve(NAME), Arrays.copyOf(preamble, preamble.length + 20)));
    }

    @Test
    void headerLargerThanTheLimitIsNotRead() throws IOException {
        Path file = dir.resolve(NAME);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(2_000_012L);
            sparse.write(NpyFiles.preamble(3, 2_000_000));
        }
        assertProblem("header of 2000000 bytes is larger than the limit of 1048576", file);
    }

    @Test
    void headerThatIsNoDictionary() throws IOException {
        String prefix = "header is not a .npy dictionary: ";
        assertProblem(prefix + "expected '{' at character 1", withHeader("descr: <f4"));
        assertProblem(prefix + "expected ':' at character 10", withHeader("{'descr' '<f4'}"));
        assertProblem(prefix + "a string that never ends at character 11",
                withHeader("{'descr': '<f4}"));
        assertProblem(prefix + "expected a key in quotes at character 2",
                withHeader("{descr: '<f4'}"));
        assertProblem(prefix + "expected '}' at character 17",
                withHeader("{'descr': '<f4' 'shape': (2,)}"));
        assertProblem(prefix + "nothing after the closing } at character 59", withHeader(
                "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), } and more"));
        assertProblem(prefix + "expected True or False for 'fortran_order' at character 19",
                withHeader("{'fortran_order': 0}"));
        assertProblem(prefix + "expected '(' at character 11", withHeader("{'shape': [2, 3]}"));
        assertProblem(prefix + "expected an integer in 'shape' at character 15",
                withHeader("{'shape': (2, x)}"));
        assertProblem(prefix + "a string with an escape sequence, which no dtype or key needs"
                + " at character 11", withHeader("{'descr': '\\x3cf4'}"));
        assertProblem(prefix + "expected '{' at its end", withHeader("   \n"));
    }

    @Test
    void headerWithWrongKeys() throws IOException {
        assertProblem("header has the key 'dtype'; a .npy header holds descr, fortran_order and"
                + " shape", withHeader("{'dtype': '<f4'}"));
        assertProblem("header names 'shape' twice", withHeader(
                "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'shape': (2,)}"));
        assertProblem("header has no 'shape'",
                withHeader("{'descr': '<f4', 'fortran_order': False}"));
        assertProblem("header has no 'fortran_order'", withHeader("{'descr': '<f4'}"));
    }

    @Test
    void headerNotUtf8InVersion3() throws IOException {
        byte[] header = NpyFiles.header("<f4", "(1,)").getBytes(StandardCharsets.UTF_8);
        header[3] = (byte) 0xff;
        Path file = dir.resolve(NAME);
        byte[] bytes = concat(NpyFiles.preamble(3, header.length), header, NpyFiles.floats(1));
        assertProblem("header is not valid UTF-8, as format version 3.0 says",
                Files.write(file, bytes));
    }

    @Test
    void oneElementShapeWithoutItsComma() throws IOException {
        assertProblem("shape (6) is a number, not a tuple; one dimension is written (6,)",
                withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (6)}"));
    }

    @Test
    void otherDtypes() throws IOException {
        String reads = "; ConvScope reads float32 (or float64) arrays: save a.astype(np.float32)";
        assertProblem("dtype float16 ('<f2')" + reads, withHeader(NpyFiles.header("<f2", "(2,)")));
        assertProblem("dtype bool ('|b1')" + reads, withHeader(NpyFiles.header("|b1", "(2,)")));
        assertProblem("dtype uint8 ('|u1')" + reads, withHeader(NpyFiles.header("|u1", "(2,)")));
        assertProblem("dtype complex64 ('<c8')" + reads,
                withHeader(NpyFiles.header("<c8", "(2,)")));
        assertProblem("dtype object ('|O')" + reads, withHeader(NpyFiles.header("|O", "(2,)")));
        assertProblem("dtype str ('<U5')" + reads, withHeader(NpyFiles.header("<U5", "(2,)")));
        assertProblem("dtype '<M8[ns]'" + reads, withHeader(NpyFiles.header("<M8[ns]", "(2,)")));
        assertProblem("dtype is structured (a list of named fields); ConvScope reads float32"
                + " (or float64) arrays", withHeader(
                "{'descr': [('x', '<f4'), ('y', '<f4')], 'fortran_order': False, 'shape': (2,)}"));
    }

    @Test
    void floatWithoutByteOrder() throws IOException {
        for (String descr : new String[] {"=f4", "f4", "|f8"}) {
            assertProblem("dtype '" + descr + "' does not say its byte order; ConvScope reads"
                    + " '<f4' or '>f4' (float32) and '<f8' or '>f8' (float64)",
                    withHeader(NpyFiles.header(descr, "(2,)")));
        }
    }

    @Test
    void negativeDimension() throws IOException {
        assertProblem("shape (2, -3) has a negative dimension",
                withHeader(NpyFiles.header("<f4", "(2, -3)")));
    }

    @Test
    void dimensionBeyond64Bits() throws IOException {
        assertProblem("shape has a dimension too large: 99999999999999999999999",
                withHeader(NpyFiles.header("<f4", "(99999999999999999999999,)")));
    }

    @Test
    void elementCountOverflowing() throws IOException {
        assertProblem("shape (1099511627776, 1099511627776) claims more elements than a file"
                        + " can hold (the product overflows 64 bits)",
                withHeader(NpyFiles.header("<f4", "(1099511627776, 1099511627776)")));
        assertProblem("shape (4611686018427387904,) claims more elements than a file can hold"
                        + " (the product overflows 64 bits)",
                withHeader(NpyFiles.header("<f8", "(4611686018427387904,)")));
    }

    @Test
    void longShapeIsShortenedInTheMessage() throws IOException {
        String shape = "(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1)";
        assertProblem("shape (1, 1, 1, 1, 1, 1, 1, 1, ... 11 dimensions in all) has a negative"
                + " dimension", withHeader(NpyFiles.header("<f4", shape)));
    }

    @Test
    void truncatedData() throws IOException {
        Path file = NpyFiles.write(dir, NAME, 1, NpyFiles.header("<f4", "(2, 3)"), new byte[20]);
        assertProblem("truncated: shape (2, 3) of float32 needs 24 bytes of data, file has 20",
                file);
        file = NpyFiles.write(dir, NAME, 1, NpyFiles.header("<f8", "(2, 3)"), new byte[24]);
        assertProblem("truncated: shape (2, 3) of float64 needs 48 bytes of data, file has 24",
                file);
    }

    @Test
    void trailingBytes() throws IOException {
        Path file = NpyFiles.write(dir, NAME, 1, NpyFiles.header("<f4", "(2, 3)"), new byte[28]);
        assertProblem("4 trailing bytes after the data of shape (2, 3) float32", file);
    }

    @Test
    void zeroElementsWithAHugeDimension() throws IOException {
        Path file = NpyFiles.write(dir, NAME, 1, NpyFiles.header("<f4", "(0, 3000000000)"),
                new byte[0]);
        assertProblem("shape (0, 3000000000) has a dimension larger than 2147483647", file);
    }

    @Test
    void moreElementsThanAJavaArrayHolds() throws IOException {
        Path file = sparse("(3000000000,)", 12_000_000_000L);
        assertProblem("shape (3000000000,) has 3000000000 elements, more than a Java array holds"
                + " (2147483639)", file);
    }

    @Test
    void moreBytesThanTheHeapHasFree() throws IOException {
        long heap = Runtime.getRuntime().maxMemory();
        long elements = heap / Float.BYTES + 1_000_000;
        assumeTrue(elements < Integer.MAX_VALUE - 8, "a heap under 8 GB, as the tests run with");
        Path file = sparse("(" + elements + ",)", elements * Float.BYTES);

        FileException e = assertThrows(FileException.class, () -> Npy.read(file));

        String expected = NAME + ": shape (" + elements + ",) as float32 needs ";
        assertEquals(expected, e.getMessage().substring(0, expected.length()));
        assertTrue(e.getMessage().endsWith("free (start Java with a larger -Xmx)"), e.getMessage());
    }

    @Test
    void float64BeyondFloat32Range() throws IOException {
        Path file = NpyFiles.write(dir, NAME, 1, NpyFiles.header("<f8", "(3,)"),
                NpyFiles.doubles(1, -1e300, 2));
        assertProblem("element 1 is -1.0E300, beyond float32's range (±3.4028235E38)", file);
    }

    @Test
    void float64InfinityAndNanStayAsTheyAre() throws IOException {
        Path file = NpyFiles.write(dir, NAME, 1, NpyFiles.header("<f8", "(3,)"),
                NpyFiles.doubles(Double.NEGATIVE_INFINITY, Double.NaN, 1e-50));
        assertEquals(new NpyArray(new int[] {3},
                new float[] {Float.NEGATIVE_INFINITY, Float.NaN, 0f}), Npy.read(file));
    }

    /** A sparse file of {@code dataBytes} data bytes (nothing on disk) after a float32 header. */
    private Path sparse(String shape, long dataBytes) throws IOException {
        byte[] header = NpyFiles.header("<f4", shape).getBytes(StandardCharsets.US_ASCII);
        byte[] preamble = NpyFiles.preamble(1, header.length);
        Path file = dir.resolve(NAME);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(preamble.length + header.length + dataBytes);
            out.write(preamble);
            out.write(header);
        }
        return file;
    }

    private Path withHeader(String header) throws IOException {
        return NpyFiles.write(dir, NAME, 1, header, new byte[8]);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static void assertProblem(String problem, Path file) {
        FileException e = assertThrows(FileException.class, () -> Npy.read(file));
        assertEquals(NAME + ": " + problem, e.getMessage());
        assertEquals(file, e.file());
    }
}
