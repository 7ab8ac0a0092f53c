package org.convscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsNamesOrderShapesValuesAndMetadata() throws IOException {
        Random random = new Random(42);
        // Larger than one conversion chunk and not a multiple of it.
        float[] big = new float[(1 << 18) + 3];
        for (int i = 0; i < big.length; i++) {
            big[i] = Float.intBitsToFloat(random.nextInt());
        }
        List<NamedTensor> tensors = List.of(
                new NamedTensor("z.last-name-first", new int[] {2, 3}, new float[] {
                        -0f, Float.MIN_VALUE, Float.MAX_VALUE,
                        Float.NEGATIVE_INFINITY, Float.NaN, 1.5f}),
                new NamedTensor("conv1.weight", new int[] {big.length}, big),
                new NamedTensor("scalar", new int[0], new float[] {7}),
                new NamedTensor("empty", new int[] {4, 0}, new float[0]),
                new NamedTensor("ünïcödé ✓", new int[] {1}, new float[] {3}));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "convscope-model");
        metadata.put("note", "quotes \" and \\ and\nnewlines");
        Path file = dir.resolve("model.safetensors");

        SafeTensors.write(file, tensors, metadata);
        SafeTensorsFile read = SafeTensors.read(file);

        assertEquals(List.of("z.last-name-first", "conv1.weight", "scalar", "empty", "ünïcödé ✓"),
                List.copyOf(read.tensors().keySet()));
        for (NamedTensor written : tensors) {
            NamedTensor loaded = read.tensors().get(written.name());
            assertArrayEquals(written.shape(), loaded.shape(), written.name());
            assertArrayEquals(written.data(), loaded.data(), written.name());
        }
        assertEquals(List.copyOf(metadata.entrySet()), List.copyOf(read.metadata().entrySet()));
    }

    @Test
    void emptyFileRoundTrips() throws IOException {
        Path file = dir.resolve("empty.safetensors");
        SafeTensors.write(file, List.of(), Map.of());
        SafeTensorsFile read = SafeTensors.read(file);
        assertEquals(Map.of(), read.tensors());
        assertEquals(Map.of(), read.metadata());
        assertEquals(16, Files.size(file), "length, then {} padded to 8 bytes");
    }

    @Test
    void fileFollowsTheSpecificationByteForByte() throws IOException {
        Path file = dir.resolve("spec.safetensors");
        SafeTensors.write(file, List.of(
                new NamedTensor("a", new int[] {2, 2}, new float[] {1, 2, 3, 4}),
                new NamedTensor("b", new int[] {3}, new float[] {-1, 0.5f, 1e-3f})),
                Map.of("k", "v"));
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);

        long headerLength = bytes.getLong(0);
        assertEquals(0, headerLength % 8, "header padded to 8 bytes");
        String header = new String(bytes.array(), 8, (int) headerLength, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{"), header);
        JsonObject json = JsonParser.parseString(header).getAsJsonObject();
        assertEquals("v", json.getAsJsonObject("__metadata__").get("k").getAsString());
        JsonObject a = json.getAsJsonObject("a");
        assertEquals("F32", a.get("dtype").getAsString());
        assertEquals(JsonParser.parseString("[2,2]"), a.get("shape"));
        assertEquals(JsonParser.parseString("[0,16]"), a.get("data_offsets"));
        JsonArray bOffsets = json.getAsJsonObject("b").getAsJsonArray("data_offsets");
        assertEquals(JsonParser.parseString("[16,28]"), bOffsets);

        int dataStart = 8 + (int) headerLength;
        assertEquals(dataStart + 28, bytes.capacity());
        float[] expected = {1, 2, 3, 4, -1, 0.5f, 1e-3f};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], bytes.getFloat(dataStart + 4 * i), "float " + i);
        }
    }

    @Test
    void duplicateNamesAreRejectedBeforeTouchingTheFile() throws IOException {
        Path file = dir.resolve("model.safetensors");
        Files.write(file, new byte[] {1, 2, 3});
        NamedTensor t = new NamedTensor("w", new int[] {1}, new float[] {1});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.write(file, List.of(t, t), Map.of()));

        assertEquals("two tensors are named w", e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
    }

    @Test
    void metadataKeyIsNotATensorName() {
        NamedTensor t = new NamedTensor("__metadata__", new int[] {1}, new float[] {1});
        assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.write(dir.resolve("m.safetensors"), List.of(t), Map.of()));
    }

    @Test
    void missingFileIsReportedByName() {
        FileException e = assertThrows(FileException.class,
                () -> SafeTensors.read(dir.resolve("absent.safetensors")));
        assertEquals("absent.safetensors: cannot read: no such file or directory", e.getMessage());
    }
}
