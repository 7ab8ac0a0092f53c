package org.convscope.onnx;

import static org.convscope.onnx.Refusals.problem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.convscope.onnx.proto.Onnx.StringStringEntryProto;
import org.convscope.onnx.proto.Onnx.TensorProto;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights in a file beside the model: read from inside the model's folder only. */
class OnnxExternalDataTest {
    @TempDir
    Path root;

    private Path models;

    @BeforeEach
    void folders() throws IOException {
        models = Files.createDirectories(root.resolve("models"));
    }

    @Test
    void readsTheRangeTheEntriesGive() throws Exception {
        byte[] data = new byte[4096 + 16];
        ByteBuffer.wrap(data, 4096, 16).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                .put(new float[] {1.5f, -2, 3, 4});
        Files.write(models.resolve("weights.bin"), data);

        OnnxModel model = OnnxReader.read(model(external("weights.bin", "4096", "16")));

        assertArrayEquals(new float[] {1.5f, -2, 3, 4}, model.graph().initializers().get("w").toFloats());
    }

    @Test
    void lengthDefaultsToTheRestOfTheFileAndFoldersBelowAreInside() throws Exception {
        Files.createDirectories(models.resolve("data"));
        byte[] data = new byte[16];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(new float[] {5, 6, 7, 8});
        Files.write(models.resolve("data/w.bin"), data);

        OnnxModel model = OnnxReader.read(model(external("data/../data/./w.bin", null, null)));

        assertArrayEquals(new float[] {5, 6, 7, 8}, model.graph().initializers().get("w").toFloats());
    }

    @Test
    void locationsOutsideTheFolderAreRefused() throws IOException {
        Path secret = Files.write(root.resolve("secret.bin"), new byte[16]);
        String outside = "tensor 'w': external data 'LOCATION' points outside the model's folder";

        assertEquals(outside.replace("LOCATION", "../secret.bin"), problem(model(external("../secret.bin", null, null))));
        assertEquals(outside.replace("LOCATION", "a/../../secret.bin"),
                problem(model(external("a/../../secret.bin", null, null))));
        assertEquals(outside.replace("LOCATION", secret.toString()),
                problem(model(external(secret.toString(), null, null))));
    }

    @Test
    void symbolicLinksLeadingOutsideAreRefused() throws IOException {
        Files.write(root.resolve("secret.bin"), new byte[16]);
        Files.createSymbolicLink(models.resolve("link.bin"), root.resolve("secret.bin"));
        Files.createSymbolicLink(models.resolve("up"), root);

        assertEquals("tensor 'w': external data 'link.bin' points outside the model's folder",
                problem(model(external("link.bin", null, null))));
        assertEquals("tensor 'w': external data 'up/secret.bin' points outside the model's folder",
                problem(model(external("up/secret.bin", null, null))));
    }

    @Test
    void missingFilesAndRangesPastTheEnd() throws IOException {
        Files.write(models.resolve("w.bin"), new byte[100]);
        Files.createDirectories(models.resolve("folder"));

        assertEquals("tensor 'w': external data file 'gone.bin' does not exist",
                problem(model(external("gone.bin", null, null))));
        assertEquals("tensor 'w': external data 'folder' is not a file", problem(model(external("folder", null, null))));
        assertEquals("tensor 'w': external data 'w.bin' has 100 bytes; offset 96 + length 16 go past its end",
                problem(model(external("w.bin", "96", "16"))));
        assertEquals("tensor 'w': external data 'w.bin' has 100 bytes; offset 200 + length 0 go past its end",
                problem(model(external("w.bin", "200", null))));
        assertEquals("tensor 'w' needs 16 bytes, external data 'w.bin' gives 100",
                problem(model(external("w.bin", null, null))));
        assertEquals("tensor 'w': external data offset '-4' is not a byte count",
                problem(model(external("w.bin", "-4", "16"))));
        assertEquals("tensor 'w': external data length 'lots' is not a byte count",
                problem(model(external("w.bin", "0", "lots"))));
        assertEquals("tensor 'w': external data without a location", problem(model(external("", null, null))));
    }

    @Test
    void aBillionFloatsClaimedFromASmallFile() throws IOException {
        Files.write(models.resolve("w.bin"), new byte[4]);
        TensorProto claim = external("w.bin", null, null).toBuilder().setDims(0, 1_000_000_000).build();
        assertEquals("tensor 'w' needs 4000000000 bytes, external data 'w.bin' gives 4", problem(model(claim)));
    }

    /** A FLOAT tensor {@code w} of 4 values kept in {@code location}; null entries are left out. */
    private static TensorProto external(String location, String offset, String length) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName("w").addDims(4)
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL);
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put("location", location);
        entries.put("offset", offset);
        entries.put("length", length);
        entries.forEach((key, value) -> {
            if (value != null) {
                tensor.addExternalData(StringStringEntryProto.newBuilder().setKey(key).setValue(value));
            }
        });
        return tensor.build();
    }

    private Path model(TensorProto w) throws IOException {
        return OnnxTestModels.model().input("x", 4).initializer(w)
                .node("Mul", List.of("x", "w"), List.of("y")).output("y", 4)
                .write(models.resolve("m.onnx"));
    }
}
