package org.convscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed file is rejected with one line naming the file and the problem. */
class SafeTensorsCorruptionTest {
    private static final String NAME = "model.safetensors";

    @TempDir
    Path dir;

    @Test
    void fileShorterThanTheLengthField() throws IOException {
        assertProblem("truncated: file has 5 bytes, too few for the 8-byte header length",
                Files.write(dir.resolve(NAME), new byte[5]));
    }

    @Test
    void headerLengthLargerThanFile() throws IOException {
        byte[] bytes = new byte[100];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1200);
        assertProblem("truncated: header says 1200 bytes, file has 100",
                Files.write(dir.resolve(NAME), bytes));
    }

    @Test
    void headerLengthWithTopBitSetIsReadAsUnsigned() throws IOException {
        byte[] bytes = new byte[16];
        Arrays.fill(bytes, 0, 8, (byte) 0xff);
        assertProblem("truncated: header says 18446744073709551615 bytes, file has 16",
                Files.write(dir.resolve(NAME), bytes));
    }

    @Test
    void headerLongerThanTheLimitIsRejectedWithoutReadingIt() throws IOException {
        Path file = dir.resolve(NAME);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(150_000_100L);
            sparse.write(le(150_000_000L));
        }
        assertProblem("header of 150000000 bytes is larger than the limit of 100000000", file);
    }

    @Test
    void truncatedFile() throws IOException {
        Path file = dir.resolve(NAME);
        SafeTensors.write(file, List.of(
                new NamedTensor("a", new int[] {4}, new float[4]),
                new NamedTensor("b", new int[] {4}, new float[4])), Map.of());
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 10));

        assertProblem("truncated: tensor b ends at data byte 32, data section has 22", file);
    }

    @Test
    void headerNotJson() throws IOException {
        assertEquals("header is not valid JSON: syntax error at line 1 column 1 path $",
                problem(file("not json at all", 0)));
        assertStartsWith("header is not valid JSON: ", problem(file("{\"a\":", 0)));
        assertStartsWith("header is not valid JSON: ", problem(file("", 0)));
    }

    @Test
    void headerMustBeOneObject() throws IOException {
        assertProblem("header is an array, expected a JSON object", file("[1,2]", 0));
        assertProblem("header has more after its JSON object", file("{} {}", 0));
    }

    @Test
    void headerNotUtf8() throws IOException {
        byte[] header = {'{', '"', (byte) 0xc3, (byte) 0x28, '"', ':', '1', '}'};
        Path file = dir.resolve(NAME);
        Files.write(file, concat(le(header.length), header));
        assertProblem("header is not valid UTF-8", file);
    }

    @Test
    void unsupportedDtype() throws IOException {
        assertProblem("tensor w: dtype F16 is not supported, only F32",
                file("{\"w\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4));
    }

    @Test
    void shapeAndOffsetsDisagree() throws IOException {
        assertProblem("tensor conv1.weight: data_offsets [0, 96] hold 24 floats,"
                        + " shape [6, 1, 5, 5] needs 150",
                file(entry("conv1.weight", "[6,1,5,5]", 0, 96), 96));
        assertProblem("tensor w: data_offsets [0, 7] hold 7 bytes, not a whole number of floats,"
                        + " shape [2] needs 2",
                file(entry("w", "[2]", 0, 7), 7));
    }

    @Test
    void offsetsPastTheDataSection() throws IOException {
        assertProblem("truncated: tensor w ends at data byte 8, data section has 4",
                file(entry("w", "[2]", 0, 8), 4));
        assertProblem("tensor w: data_offsets [8, 0] end before they begin",
                file("{\"w\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,0]}}", 8));
    }

    @Test
    void overlappingTensors() throws IOException {
        assertProblem("tensors a and b overlap: data_offsets [0, 16] and [8, 24]",
                file("{" + entryBody("b", "[4]", 8, 24) + "," + entryBody("a", "[4]", 0, 16) + "}",
                        24));
    }

    @Test
    void gapBetweenTensors() throws IOException {
        assertProblem("data bytes [8, 12) belong to no tensor, a gap before tensor b",
                file("{" + entryBody("a", "[2]", 0, 8) + "," + entryBody("b", "[1]", 12, 16) + "}",
                        16));
    }

    @Test
    void trailingBytesAfterTheLastTensor() throws IOException {
        assertProblem("4 trailing bytes after the last tensor's data",
                file(entry("w", "[2]", 0, 8), 12));
    }

    @Test
    void negativeDimension() throws IOException {
        assertProblem("tensor w: shape [2, -3] holds -3, expected a non-negative integer",
                file(entry("w", "[2,-3]", 0, 24), 24));
    }

    @Test
    void nonIntegerNumbers() throws IOException {
        assertProblem("tensor w: shape [1.5] holds 1.5, expected a non-negative integer",
                file(entry("w", "[1.5]", 0, 4), 4));
        assertProblem("tensor w: data_offsets [0, 99999999999999999999] holds"
                        + " 99999999999999999999, expected a non-negative integer",
                file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],"
                        + "\"data_offsets\":[0,99999999999999999999]}}", 4));
    }

    @Test
    void wrongFieldTypes() throws IOException {
        assertProblem("tensor w: shape element is a string, expected a number",
                file(entry("w", "[\"2\"]", 0, 8), 8));
        assertProblem("tensor w: dtype is a number, expected a string",
                file("{\"w\":{\"dtype\":32,\"shape\":[1],\"data_offsets\":[0,4]}}", 4));
        assertProblem("tensor w is an array, expected an object", file("{\"w\":[1]}", 0));
        assertProblem("tensor w: data_offsets [0] must hold 2 numbers, [begin, end]",
                file("{\"w\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0]}}", 0));
    }

    @Test
    void missingAndUnknownFields() throws IOException {
        assertProblem("tensor w: missing field shape",
                file("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", 4));
        assertProblem("tensor w: unknown field byte_order",
                file("{\"w\":{\"dtype\":\"F32\",\"byte_order\":\"big\"}}", 4));
    }

    @Test
    void duplicateKeys() throws IOException {
        assertProblem("header names w twice",
                file("{" + entryBody("w", "[1]", 0, 4) + ","
                        + entryBody("w", "[1]", 4, 8) + "}", 8));
        assertProblem("tensor w: field shape appears twice",
                file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"shape\":[1],"
                        + "\"data_offsets\":[0,4]}}", 4));
        assertProblem("__metadata__ names k twice",
                file("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", 0));
    }

    @Test
    void metadataValuesMustBeStrings() throws IOException {
        assertProblem("__metadata__ entry epochs is a number, expected a string",
                file("{\"__metadata__\":{\"epochs\":3}}", 0));
        assertProblem("__metadata__ is an array, expected an object",
                file("{\"__metadata__\":[]}", 0));
    }

    @Test
    void hugeClaimedShapeIsRejectedWithoutAllocating() throws IOException {
        // 4 TB of floats: allocating first would throw OutOfMemoryError, not a FileException.
        assertProblem("tensor w: data_offsets [0, 600] hold 150 floats,"
                        + " shape [100000, 100000, 100] needs 1000000000000",
                file(entry("w", "[100000,100000,100]", 0, 600), 600));
        assertProblem("tensor w: shape [100000, 100000, 100] has more elements"
                        + " than a float array holds",
                file(entry("w", "[100000,100000,100]", 0, 4_000_000_000_000L), 600));
        assertProblem("truncated: tensor w ends at data byte 400000000, data section has 600",
                file(entry("w", "[1000,1000,100]", 0, 400_000_000L), 600));
        assertProblem("tensor w: shape [2147483647, 2147483647, 2147483647] has more elements"
                        + " than a float array holds",
                file(entry("w", "[2147483647,2147483647,2147483647]", 0, 4), 4));
        assertProblem("tensor w: shape [4294967296, 0] has a dimension too large: 4294967296",
                file(entry("w", "[4294967296,0]", 0, 0), 0));
    }

    @Test
    void messageIsOneLineEvenForHostileNames() throws IOException {
        FileException e = assertThrows(FileException.class,
                () -> SafeTensors.read(file(entry("bad\nname", "[1]", 0, 8), 8)));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertStartsWith(NAME + ": tensor bad name: ", e.getMessage());
    }

    @Test
    void validSpacePaddedHeaderWithLeadingWhitespaceIsAccepted() throws IOException {
        SafeTensorsFile read = SafeTensors.read(file(" " + entry("w", "[1]", 0, 4) + "   ", 4));
        assertEquals(1, read.tensors().get("w").data().length);
    }

    @Test
    void aShapeOfMillionsOfDimensionsIsRefusedAtTheFirstOneTooMany() throws IOException {
        // The file had 45 million; reading stops at the 33rd, however many follow.
        String dims = "[" + "1,".repeat(1_000_000) + "1]";
        assertProblem("tensor w: shape has more than 32 dimensions", file(entry("w", dims, 0, 4), 4));
    }

    @Test
    void aHugeValueIsCutInTheMessage() throws IOException {
        String dtype = "F".repeat(1_000_000);
        String header = "{\"w\":{\"dtype\":\"" + dtype + "\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        String problem = problem(file(header, 4));
        assertTrue(problem.startsWith("tensor w: dtype FFFF"), problem);
        assertTrue(problem.contains("(1000000 characters) is not supported, only F32"), problem);
        assertTrue(problem.length() <= FileException.MAX_PROBLEM, problem);
    }

    @Test
    void aHugeTensorNameIsCutInTheMessage() throws IOException {
        String name = "n".repeat(100_000);
        String problem = problem(file(entry(name, "[2]", 0, 4), 4));
        assertTrue(problem.startsWith("tensor nnn"), problem);
        assertTrue(problem.endsWith("(100000 characters): data_offsets [0, 4] hold 1 floats, shape [2] needs 2"), problem);
    }

    @Test
    void controlCharactersFromTheFileDoNotReachTheTerminal() throws IOException {
        String problem = problem(file("{\"\\u001b[31mred\":{\"dtype\":\"I8\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1));
        assertEquals("tensor  [31mred: dtype I8 is not supported, only F32", problem);
    }

    @Test
    void anImageIsNamedForWhatItIs() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path file = Files.write(dir.resolve(NAME), png);
        FileException e = assertThrows(FileException.class, () -> SafeTensors.read(file, "model file"));
        assertEquals("not a model file (it is a PNG image)", e.problem());
        assertProblem("not a safetensors file (it is a PNG image)", file);
    }

    private static String entry(String name, String shape, long begin, long end) {
        return "{" + entryBody(name, shape, begin, end) + "}";
    }

    private static String entryBody(String name, String shape, long begin, long end) {
        return "\"" + name.replace("\n", "\\n") + "\":{\"dtype\":\"F32\",\"shape\":" + shape
                + ",\"data_offsets\":[" + begin + "," + end + "]}";
    }

    /** A file with this header text and {@code dataBytes} zero bytes of data. */
    private Path file(String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return Files.write(dir.resolve(NAME), concat(le(json.length), json, new byte[dataBytes]));
    }

    private static byte[] le(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }

    private static String problem(Path file) {
        FileException e = assertThrows(FileException.class, () -> SafeTensors.read(file));
        assertStartsWith(file.getFileName() + ": ", e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.problem();
    }

    private static void assertProblem(String expected, Path file) {
        assertEquals(expected, problem(file));
    }

    private static void assertStartsWith(String prefix, String actual) {
        assertTrue(actual.startsWith(prefix), () -> "expected to start with <" + prefix
                + "> but was <" + actual + ">");
    }
}
