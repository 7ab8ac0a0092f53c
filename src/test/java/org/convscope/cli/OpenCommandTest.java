package org.convscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convscope open MODEL [IMAGE]} refuses a bad model or input in one line with the usual exit codes, before any
 * window opens (a window opened here would block the test: each of these runs must return).
 */
class OpenCommandTest {
    private static final String COLOUR = "src/test/resources/onnx/resblock/model.onnx";
    private static final String DIGITS = "src/test/resources/onnx/lenet/model.onnx";

    @TempDir
    Path dir;

    private static void assertFails(CliRun run, String expectedInMessage) {
        assertTrue(run.failedWithOneLine(), () -> "exit " + run.exit() + ", stderr: " + run.err());
        assertEquals(Cli.FAILED, run.exit(), run.err());
        assertTrue(run.err().contains(expectedInMessage), () -> "stderr: " + run.err());
    }

    @Test
    void aMissingOrBrokenModelIsNamed() throws IOException {
        assertFails(CliRun.of("open", dir.resolve("missing.onnx").toString()), "missing.onnx");
        Path broken = Files.write(dir.resolve("broken.onnx"), new byte[] {1, 2, 3, 4});
        assertFails(CliRun.of("open", broken.toString()), "broken.onnx: ");
        Path model = Files.writeString(dir.resolve("model.safetensors"), "not a model");
        assertFails(CliRun.of("open", model.toString()), "model.safetensors: ");
    }

    @Test
    void aBrokenPhotoOrATensorOfAnotherShapeIsNamed() throws IOException {
        Path photo = Files.writeString(dir.resolve("cat.png"), "this is not a picture");
        assertFails(CliRun.of("open", COLOUR, photo.toString()), "cat.png: not a PNG or JPG image");
        assertFails(CliRun.of("open", COLOUR, dir.resolve("gone.jpg").toString()), "gone.jpg: no such file");
        // LeNet's input tensor is 1×28×28; the residual block takes 3 channels.
        assertFails(CliRun.of("open", COLOUR, "src/test/resources/onnx/lenet/input.npy"), "input.npy: holds a [");
    }

    @Test
    void aDigitModelTakesAnImageNotATensor() throws IOException {
        assertFails(CliRun.of("open", DIGITS, "src/test/resources/onnx/lenet/input.npy"), "takes drawn digits");
        Path digit = Files.writeString(dir.resolve("digit.png"), "not a digit either");
        assertFails(CliRun.of("open", DIGITS, digit.toString()), "digit.png: not a PNG or JPG image");
    }

    @Test
    void aWrongCommandLineIsAUsageError() {
        CliRun none = CliRun.of("open");
        assertEquals(Cli.USAGE, none.exit(), none.err());
        assertTrue(none.err().contains("MODEL"), none.err());
        CliRun three = CliRun.of("open", COLOUR, "a.png", "b.png");
        assertEquals(Cli.USAGE, three.exit(), three.err());
    }
}
