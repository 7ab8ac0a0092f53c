package org.convscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.convscope.io.Npy;
import org.convscope.io.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on ONNX models: infer on a .npy tensor gives PyTorch's output, export writes a file every command
 * opens, classify names classes from the model's labels and takes photos for colour models.
 */
class OnnxCommandsTest {
    private static final Path FIXTURES = Path.of("src/test/resources/onnx");

    @TempDir
    Path dir;

    @Test
    void inferGivesPyTorchsOutputForATensorBatch() throws Exception {
        Path fixture = FIXTURES.resolve("resblock-dynamic");
        CliRun run = CliRun.of("infer", "--model", fixture.resolve("model.onnx").toString(), "--input",
                fixture.resolve("input.npy").toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonObject o = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        assertEquals(java.util.Set.of("model", "input_shape", "output_shape", "output", "milliseconds"), o.keySet());
        assertEquals("model.onnx", o.get("model").getAsString());
        assertEquals("[3,3,32,32]", o.get("input_shape").toString());
        assertEquals("[3,10]", o.get("output_shape").toString());
        NpyArray expected = Npy.read(fixture.resolve("output.npy"));
        JsonArray output = o.getAsJsonArray("output");
        assertEquals(expected.data().length, output.size());
        for (int i = 0; i < output.size(); i++) {
            assertEquals(expected.data()[i], output.get(i).getAsFloat(), 1e-4, "output " + i);
        }
        assertTrue(o.get("milliseconds").getAsDouble() > 0);
    }

    @Test
    void aTensorOfTheWrongShapeIsOneLine() throws Exception {
        Path wrong = dir.resolve("wrong.npy");
        Npy.write(wrong, new NpyArray(new int[] {1, 3, 16, 16}, new float[3 * 16 * 16]));
        CliRun run = CliRun.of("infer", "--model", FIXTURES.resolve("resblock/model.onnx").toString(), "--input", wrong.toString());
        assertTrue(run.failedWithOneLine(), run.err());
        assertTrue(run.err().contains("wrong.npy") && run.err().contains("[1, 3, 16, 16]") && run.err().contains("[N, 3, 32, 32]"),
                run.err());
    }

    @Test
    void exportWritesAFileThatInferOpens() throws Exception {
        Path out = dir.resolve("lenet.onnx");
        CliRun export = CliRun.of("export", "--onnx", out.toString());
        assertEquals(0, export.exit(), export.err());
        assertTrue(Files.size(out) > 4 * 44_000, "LeNet-5's weights are in the file");
        Path digit = dir.resolve("seven.png");
        BufferedImage image = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 60, 60);
        g.setColor(java.awt.Color.BLACK);
        g.setStroke(new java.awt.BasicStroke(5));
        g.drawLine(15, 12, 45, 12);
        g.drawLine(45, 12, 25, 50);
        g.dispose();
        ImageIO.write(image, "png", digit.toFile());
        CliRun bundled = CliRun.of("classify", digit.toString(), "--json");
        CliRun exported = CliRun.of("classify", digit.toString(), "--json", "--model", out.toString());
        assertEquals(0, exported.exit(), exported.err());
        assertEquals(bundled.out(), exported.out(), "the exported LeNet-5 classifies as the bundled one");
    }

    @Test
    void classifyNamesClassesAndTakesPhotosForColourModels() throws Exception {
        Path photo = dir.resolve("photo.png");
        BufferedImage image = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) for (int x = 0; x < 48; x++) image.setRGB(x, y, (x * 5) << 16 | (y * 6) << 8 | 90);
        ImageIO.write(image, "png", photo.toFile());
        CliRun run = CliRun.of("classify", photo.toString(), "--json", "--model",
                FIXTURES.resolve("labels-file/model.onnx").toString());
        assertEquals(0, run.exit(), run.err());
        JsonObject o = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        java.util.List<String> names = java.util.List.of("cat", "dog", "horse", "sea lion", "okapi", "emu", "axolotl",
                "quokka", "narwhal", "ñandú");
        assertEquals(names.get(o.get("label").getAsInt()), o.get("name").getAsString());
        assertEquals(3, o.getAsJsonArray("top3").size());
        CliRun text = CliRun.of("classify", photo.toString(), "--model", FIXTURES.resolve("labels-file/model.onnx").toString());
        assertTrue(text.out().contains(o.get("name").getAsString() + " ("), text.out());
    }

    @Test
    void anUnsupportedOperatorIsRefusedNamingTheNode() throws Exception {
        Path model = dir.resolve("resize.onnx");
        org.convscope.onnx.OnnxTestModels.model()
                .input("x", 1, 3, 8, 8)
                .node("Resize", java.util.List.of("x"), java.util.List.of("y"))
                .output("y", 1, 3, 8, 8)
                .write(model);
        CliRun run = CliRun.of("infer", "--model", model.toString(), "--input", dir.resolve("x.npy").toString());
        assertTrue(run.failedWithOneLine(), run.err());
        assertTrue(run.err().contains("resize.onnx") && run.err().contains("Resize") && run.err().contains("Conv"), run.err());
    }

    @Test
    void trainFineTunesAnImportedModelFromItsWeights() throws Exception {
        Path exported = dir.resolve("lenet5.onnx");
        assertEquals(0, CliRun.of("export", "--onnx", exported.toString()).exit());
        Path out = dir.resolve("tuned.safetensors");
        CliRun run = CliRun.of("train", "--model", exported.toString(), "--epochs", "1", "--limit", "300", "--threads", "1",
                "--lr", "0.001", "--out", out.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonObject epoch = JsonParser.parseString(run.out().strip().lines().toList().getLast()).getAsJsonObject();
        // From random weights, 300 digits give about 50%; from the trained LeNet-5's, it stays near 99%.
        assertTrue(epoch.get("test_accuracy").getAsDouble() > 0.95, "fine-tuned from the imported weights: " + epoch);
        var before = org.convscope.open.Models.load(exported).network();
        var after = org.convscope.open.Models.load(out).network();
        assertEquals(before.spec().layers().size(), after.spec().layers().size());
        assertTrue(!java.util.Arrays.equals(before.params().get(0).value(), after.params().get(0).value()), "trained");
    }

    @Test
    void trainTrainsEveryLayerOfAnImportedGraph() throws Exception {
        // mobile: inverted residuals with a residual Add, depthwise and grouped convolutions, batch norms, ReLU6,
        // HardSwish, squeeze-excitation (a broadcast Mul); colour images, so CIFAR-10 batches.
        Path model = FIXTURES.resolve("mobile/model.onnx");
        Path data = org.convscope.data.CifarFiles.folder(dir.resolve("cifar"));
        Path out = dir.resolve("tuned.safetensors");
        CliRun run = CliRun.of("train", "--model", model.toString(), "--data", data.toString(), "--epochs", "1",
                "--batch", "2", "--threads", "1", "--shift", "0", "--out", out.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        var before = org.convscope.open.Models.load(model).network();
        var after = org.convscope.open.Models.load(out).network();
        assertEquals(before.spec().layers(), after.spec().layers(), "the same graph");
        assertEquals(before.params().size(), after.params().size());
        for (int i = 0; i < before.params().size(); i++) {
            var was = before.params().get(i);
            var is = after.params().get(i);
            assertEquals(was.name(), is.name());
            assertTrue(!java.util.Arrays.equals(was.value(), is.value()), was.name() + " is trained: the gradient reaches it");
        }
    }
}
