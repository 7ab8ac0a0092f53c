package org.convscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.convscope.engine.spec.Presets;
import org.convscope.model.ModelFile;
import org.convscope.open.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonReportsEveryEpochAndTheModelIsSaved() throws Exception {
        Path out = dir.resolve("tiny.safetensors");
        CliRun run = CliRun.of("train", "--limit", "3000", "--epochs", "2", "--threads", "2", "--json", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(2, lines.size(), run.out());
        for (int i = 0; i < lines.size(); i++) {
            JsonObject o = JsonParser.parseString(lines.get(i)).getAsJsonObject();
            assertEquals(i + 1, o.get("epoch").getAsInt());
            for (String key : List.of("train_accuracy", "test_accuracy")) {
                double v = o.get(key).getAsDouble();
                assertTrue(v >= 0 && v <= 1, key + " = " + v);
            }
            assertTrue(o.get("loss").getAsDouble() > 0);
            assertTrue(o.get("images_per_second").getAsDouble() > 0);
        }
        double last = JsonParser.parseString(lines.get(1)).getAsJsonObject().get("test_accuracy").getAsDouble();
        assertTrue(last > 0.8, "3000 MNIST images for 2 epochs should give well over 80% test accuracy, got " + last);
        ModelFile.Model model = Models.load(out);
        assertEquals(Presets.lenet5(), model.network().spec());
        assertEquals("2", model.metadata().get("epochs"));
    }

    @Test
    void sameSeedOnOneThreadGivesIdenticalModels() throws Exception {
        Path a = dir.resolve("a.safetensors");
        Path b = dir.resolve("b.safetensors");
        for (Path out : List.of(a, b)) {
            CliRun run = CliRun.of("train", "--limit", "256", "--epochs", "1", "--threads", "1", "--seed", "5",
                    "--json", "--out", out.toString());
            assertEquals(0, run.exit(), run.err());
        }
        var wa = Models.load(a).network().params();
        var wb = Models.load(b).network().params();
        for (int i = 0; i < wa.size(); i++) assertArrayEquals(wa.get(i).value(), wb.get(i).value(), wa.get(i).name());
    }

    @Test
    void lenet32TrainsOnMnistPaddedTo32() throws Exception {
        Path out = dir.resolve("lenet32.safetensors");
        CliRun run = CliRun.of("train", "--arch", "lenet5-32", "--limit", "128", "--epochs", "1", "--threads", "1",
                "--json", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(Presets.lenet5x32(), Models.load(out).network().spec());
    }

    @Test
    void aDivergingRunStopsWithOneLineAndLeavesTheModelFileAsItWas() throws Exception {
        Path out = dir.resolve("tuned.safetensors");
        java.nio.file.Files.copy(Path.of("resources/models/lenet5-mnist.safetensors"), out);
        byte[] before = java.nio.file.Files.readAllBytes(out);
        CliRun run = CliRun.of("train", "--model", out.toString(), "--lr", "50", "--constant-lr", "--limit", "6400",
                "--epochs", "2", "--threads", "2", "--json", "--out", out.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        List<String> lines = run.err().strip().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("convscope train: training diverged at step "), lines.get(0));
        assertTrue(lines.get(0).contains("(epoch 1, loss ") && lines.get(0).endsWith("; no model was saved"), lines.get(0));
        assertArrayEquals(before, java.nio.file.Files.readAllBytes(out), "the model file is untouched");
    }

    @Test
    void trainLastFreezesEveryEarlierLayer() throws Exception {
        Path out = dir.resolve("last.safetensors");
        Path start = Path.of("resources/models/lenet5-mnist.safetensors");
        CliRun run = CliRun.of("train", "--model", start.toString(), "--train-last", "1", "--lr", "0.01",
                "--limit", "640", "--epochs", "1", "--threads", "2", "--json", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        var was = Models.load(start).network().params();
        var now = Models.load(out).network().params();
        for (int i = 0; i < was.size(); i++) {
            boolean last = was.get(i).name().startsWith("fc3.");
            boolean same = java.util.Arrays.equals(was.get(i).value(), now.get(i).value());
            assertEquals(!last, same, was.get(i).name() + (last ? " trains" : " is frozen"));
        }
    }

    @Test
    void cifarBatchesTrainAColourNetwork() throws Exception {
        Path data = org.convscope.data.CifarFiles.folder(dir.resolve("cifar"));
        Path arch = dir.resolve("colour.json");
        java.nio.file.Files.writeString(arch, "{\"input\":[3,32,32],\"layers\":[{\"type\":\"conv\",\"name\":\"conv1\","
                + "\"filters\":4,\"kernel\":[3,3]},{\"type\":\"relu\",\"name\":\"relu1\"},{\"type\":\"flatten\","
                + "\"name\":\"flatten\"},{\"type\":\"dense\",\"name\":\"fc\",\"units\":10}]}");
        Path out = dir.resolve("cifar.safetensors");
        CliRun run = CliRun.of("train", "--data", data.toString(), "--arch", arch.toString(), "--batch", "2",
                "--epochs", "1", "--threads", "1", "--json", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(3, Models.load(out).network().spec().input().channels());
    }
}
