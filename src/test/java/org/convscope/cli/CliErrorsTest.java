package org.convscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.convscope.data.IdxFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: exit code not 0, one line naming the file and the problem, no stack trace. */
class CliErrorsTest {
    @TempDir
    Path dir;

    private static void assertFails(CliRun run, String expectedInMessage) {
        assertTrue(run.failedWithOneLine(), () -> "exit " + run.exit() + ", stderr: " + run.err());
        assertTrue(run.err().contains(expectedInMessage), () -> "stderr: " + run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("train", "--epochz", "3");
        assertFails(run, "'--epochz'");
        assertEquals(Cli.USAGE, run.exit());
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("trian");
        assertFails(run, "trian");
        assertEquals(Cli.USAGE, run.exit());
    }

    @Test
    void corruptModelFileIsNamed() throws IOException {
        Path model = Files.write(dir.resolve("broken.safetensors"), new byte[] {1, 2, 3});
        Path image = Files.write(dir.resolve("x.png"), new byte[] {0});
        assertFails(CliRun.of("classify", image.toString(), "--model", model.toString()), "broken.safetensors: ");
    }

    @Test
    void brokenImageIsNamedAndOtherImagesStillClassified() throws IOException {
        Path broken = Files.writeString(dir.resolve("digit.png"), "this is not a picture");
        CliRun run = CliRun.of("classify", broken.toString());
        assertFails(run, "digit.png: not a PNG or JPG image");
        assertEquals(Cli.FAILED, run.exit());
        assertFails(CliRun.of("classify", dir.resolve("missing.png").toString()), "missing.png");
    }

    /** A data folder whose training images are cut short. */
    @Test
    void truncatedDatasetIsNamed() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeIdx(data.resolve("train-images-idx3-ubyte.gz"), 0x803, new int[] {10, 28, 28}, 28 * 28 * 3);
        writeIdx(data.resolve("train-labels-idx1-ubyte.gz"), 0x801, new int[] {10}, 10);
        writeIdx(data.resolve("t10k-images-idx3-ubyte.gz"), 0x803, new int[] {2, 28, 28}, 28 * 28 * 2);
        writeIdx(data.resolve("t10k-labels-idx1-ubyte.gz"), 0x801, new int[] {2}, 2);
        assertFails(CliRun.of("train", "--data", data.toString(), "--out", dir.resolve("m.safetensors").toString()),
                "train-images-idx3-ubyte.gz: truncated");
        assertTrue(Files.notExists(dir.resolve("m.safetensors")));
    }

    @Test
    void mismatchedArchitectureIsExplained() throws IOException {
        Path arch = Files.writeString(dir.resolve("net.json"), """
                {"name":"wide","input":[3,32,32],"layers":[
                  {"type":"conv","name":"conv1","filters":4,"kernel":[5,5]},
                  {"type":"flatten","name":"flat"},{"type":"dense","name":"fc","units":10}]}""");
        assertFails(CliRun.of("train", "--arch", arch.toString(), "--limit", "10", "--out", dir.resolve("m.safetensors").toString()),
                "net.json (wide): expects 32×32×3 images, the bundled MNIST has 28×28×1");
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"input":[1,28,28],"layers":[{"type":"conv","name":"c","filters":2,"kernel":[5,5],"stride":2}]}""");
        assertFails(CliRun.of("train", "--arch", bad.toString()), "bad.json: c: stride 2 does not fit");
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertFails(CliRun.of("train", "--lr", "NaN", "--limit", "10"), "learning rate must be a positive number");
        assertFails(CliRun.of("train", "--epochs", "0"), "--epochs must be at least 1");
    }

    @Test
    void divergingTrainingStopsWithAReasonAndSavesNothingBroken() {
        Path out = dir.resolve("diverged.safetensors");
        CliRun run = CliRun.of("train", "--optimizer", "sgd", "--lr", "1e6", "--constant-lr", "--limit", "640",
                "--epochs", "1", "--out", out.toString());
        assertFails(run, "training diverged at step ");
        assertFails(run, "the loss became NaN (not a number); no model was saved");
        assertTrue(Files.notExists(out));
    }

    @Test
    void anArchitectureWithTooFewOutputsNamesItsFileAndTheData() throws IOException {
        Path arch = Files.writeString(dir.resolve("five.json"), """
                {"name":"five","input":[1,28,28],"layers":[{"type":"flatten","name":"flat"},
                  {"type":"dense","name":"fc","units":5}]}""");
        assertFails(CliRun.of("train", "--arch", arch.toString(), "--limit", "10"),
                "convscope train: five.json (five): has 5 outputs, the bundled MNIST has 10 classes");
    }

    @Test
    void aModelWithTooFewOutputsIsNamedByItsFile() throws IOException {
        Path data = Files.createDirectories(dir.resolve("bytes"));
        IdxFiles.write(data.resolve("train-images-idx3-ubyte"), IdxFiles.images(2, 28, 28, new byte[2 * 28 * 28]));
        IdxFiles.write(data.resolve("train-labels-idx1-ubyte"), IdxFiles.labels((byte) 0, (byte) 255));
        IdxFiles.write(data.resolve("t10k-images-idx3-ubyte"), IdxFiles.images(1, 28, 28, new byte[28 * 28]));
        IdxFiles.write(data.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels((byte) 7));
        assertFails(CliRun.of("train", "--data", data.toString(), "--model", "resources/models/lenet5-mnist.safetensors",
                "--out", dir.resolve("m.safetensors").toString()),
                "convscope train: lenet5-mnist.safetensors (lenet5): has 10 outputs, bytes has 256 classes");
    }

    /**
     * An input far larger than the data set's images: fitting the data set would take more than the heap (and its
     * byte count more than an int), so it is refused naming the architecture file and what it would cost.
     */
    @Test
    void anInputTooLargeToFitTheDataSetToIsRefusedBeforeAllocating() throws IOException {
        Path arch = Files.writeString(dir.resolve("huge-input.json"), """
                {"input":[1,3000,3000],"layers":[{"type":"flatten","name":"f"},{"type":"dense","name":"fc","units":10},
                  {"type":"softmax","name":"s"}]}""");
        CliRun run = CliRun.of("train", "--arch", arch.toString(), "--limit", "10", "--out",
                dir.resolve("m.safetensors").toString());
        assertFails(run, "convscope train: huge-input.json (network) takes 3000×3000 images: mnist: its 70,000 images"
                + " padded to 3000×3000 need 586.7 GB, more than half the heap (");
        assertTrue(Files.notExists(dir.resolve("m.safetensors")));
    }

    @Test
    void anArchitectureWhoseParametersExceedTheHeapNamesItsFile() throws IOException {
        Path arch = Files.writeString(dir.resolve("billions.json"), """
                {"input":[1,28,28],"layers":[{"type":"flatten","name":"f"},{"type":"dense","name":"fc","units":1000000000},
                  {"type":"softmax","name":"s"}]}""");
        // 784·10⁹ weights and 10⁹ biases, 4 bytes each
        long bytes = 4L * (784L * 1_000_000_000L + 1_000_000_000L);
        assertFails(CliRun.of("train", "--arch", arch.toString(), "--limit", "10", "--out",
                dir.resolve("m.safetensors").toString()), "convscope train: billions.json: network: its parameters need "
                + String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30)) + ", the heap allows ");
    }

    @Test
    void threadsAndBatchBeyondReasonAreUsageErrorsInOneLine() {
        for (String command : new String[] {"train", "bench", "infer"}) {
            CliRun run = command.equals("infer") ? CliRun.of(command, "--input", "x.npy", "--threads", "2147483647")
                    : CliRun.of(command, "--threads", "2147483647");
            assertFails(run, "--threads must be 1..256, got 2147483647");
            assertEquals(Cli.USAGE, run.exit());
            assertFails(command.equals("infer") ? CliRun.of(command, "--input", "x.npy", "--threads", "0")
                    : CliRun.of(command, "--threads", "0"), "--threads must be 1..256, got 0");
        }
        assertFails(CliRun.of("train", "--batch", "1000000"), "--batch must be 1..4096, got 1000000");
    }

    @Test
    void aPictureGivenAsTheModelIsNamedForWhatItIs() throws IOException {
        Path picture = Files.write(dir.resolve("three.png"), org.convscope.data.Pngs.of(28, 28));
        assertFails(CliRun.of("classify", picture.toString(), "--model", picture.toString()),
                "convscope classify: three.png: not a model file (it is a PNG image)");
    }

    @Test
    void aModelOfAnotherFormatVersionIsNotGuessedAt() throws Exception {
        Path model = dir.resolve("future.safetensors");
        var net = org.convscope.engine.Network.initialized(org.convscope.engine.spec.Presets.lenet5(), 1);
        org.convscope.model.ModelFile.save(model, net, java.util.Map.of());
        var content = org.convscope.io.SafeTensors.read(model);
        var meta = new java.util.LinkedHashMap<>(content.metadata());
        meta.put("format_version", "2");
        org.convscope.io.SafeTensors.write(model, content.tensors().values().stream().toList(), meta);
        Path image = Files.write(dir.resolve("x.png"), org.convscope.data.Pngs.of(28, 28));
        assertFails(CliRun.of("classify", image.toString(), "--model", model.toString()),
                "future.safetensors: model format_version 2 is not supported; this ConvScope reads version 1");
    }

    @Test
    void anArchitectureFileOfGigabytesIsNotRead() throws IOException {
        Path huge = dir.resolve("huge.json");
        try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30); // sparse: nothing is written
        }
        assertFails(CliRun.of("train", "--arch", huge.toString()),
                "huge.json: an architecture file of 3.0 GB is larger than the limit of 1.0 MB");
    }

    @Test
    void anUnexpectedFailureIsSaidInWordsWithoutAJavaClassName() {
        assertEquals("internal error (set CONVSCOPE_DEBUG=1 to see where)",
                Cli.oneLine(new NullPointerException("Cannot invoke \"JsonObject.get(String)\" because \"s\" is null")));
        assertEquals("access denied", Cli.oneLine(new java.io.UncheckedIOException(
                new java.nio.file.AccessDeniedException("/x"))));
        assertTrue(Cli.oneLine(new OutOfMemoryError("Java heap space")).startsWith("out of memory: the Java heap of "));
    }

    private static void writeIdx(Path file, int magic, int[] dims, int payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeInt(bytes, magic);
        for (int d : dims) writeInt(bytes, d);
        bytes.write(new byte[payload]);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            bytes.writeTo(out);
        }
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
