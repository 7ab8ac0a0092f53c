package org.convscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed ONNX fixtures (src/test/resources/onnx, made by
 * src/test/python/make_onnx_fixtures.py) are what their fixture.json says: the files it lists
 * and no others, and PyTorch's input and output arrays of the shapes it gives, read by {@link
 * Npy} as NumPy wrote them.
 */
class OnnxFixtureFilesTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "onnx");

    static List<Path> fixtures() throws IOException {
        try (Stream<Path> folders = Files.list(FIXTURES)) {
            return folders.filter(f -> Files.isRegularFile(f.resolve("fixture.json"))).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void holdsTheListedFilesAndArraysOfTheListedShapes(Path folder) throws IOException {
        JsonObject fixture = JsonParser.parseString(
                Files.readString(folder.resolve("fixture.json"))).getAsJsonObject();
        assertEquals(folder.getFileName().toString(), fixture.get("name").getAsString());

        TreeSet<String> listed = new TreeSet<>(strings(fixture.getAsJsonArray("files")));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(listed, new TreeSet<>(files.map(f -> f.getFileName().toString()).toList()));
        }
        for (String side : new String[] {"input", "output"}) {
            JsonObject info = fixture.getAsJsonObject(side);
            NpyArray array = Npy.read(folder.resolve(info.get("file").getAsString()));
            int[] shape = StreamSupport.stream(info.getAsJsonArray("shape").spliterator(), false)
                    .mapToInt(e -> e.getAsInt()).toArray();
            assertArrayEquals(shape, array.shape(), side + " shape");
            for (float value : array.data()) {
                assertTrue(Float.isFinite(value), side + " holds " + value);
            }
        }
        assertEquals(fixture.getAsJsonObject("operators").entrySet().stream()
                .mapToInt(e -> e.getValue().getAsInt()).sum(), fixture.get("nodes").getAsInt());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void labelsAreWhereTheFixtureSaysTheyAre(Path folder) throws IOException {
        JsonObject fixture = JsonParser.parseString(
                Files.readString(folder.resolve("fixture.json"))).getAsJsonObject();
        Path labelsFile = folder.resolve("labels.txt");
        String source = fixture.get("labels_source").isJsonNull()
                ? null : fixture.get("labels_source").getAsString();
        assertEquals("labels.txt".equals(source), Files.exists(labelsFile));
        if (source == null) {
            assertTrue(fixture.get("labels").isJsonNull());
            return;
        }
        List<String> labels = strings(fixture.getAsJsonArray("labels"));
        assertEquals(10, labels.size());
        if (Files.exists(labelsFile)) {
            assertEquals(labels, Files.readAllLines(labelsFile, StandardCharsets.UTF_8));
        } else {
            byte[] model = Files.readAllBytes(folder.resolve("model.onnx"));
            String joined = String.join("\n", labels);
            assertFalse(indexOf(model, joined.getBytes(StandardCharsets.UTF_8)) < 0,
                    "model.onnx holds the labels as UTF-8, one per line");
        }
    }

    private static List<String> strings(JsonArray array) {
        return StreamSupport.stream(array.spliterator(), false).map(e -> e.getAsString()).toList();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
