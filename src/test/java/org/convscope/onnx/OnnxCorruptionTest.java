package org.convscope.onnx;

import static org.convscope.onnx.OnnxTestModels.floatsAttr;
import static org.convscope.onnx.OnnxTestModels.intAttr;
import static org.convscope.onnx.OnnxTestModels.intsAttr;
import static org.convscope.onnx.OnnxTestModels.stringAttr;
import static org.convscope.onnx.OnnxTestModels.tensorAttr;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.convscope.io.FileException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small valid model cut short at every length and with every single bit flipped: each file
 * either still reads or ends in a {@link FileException} with one short line, never any other
 * exception, and no read allocates much more than the file.
 */
class OnnxCorruptionTest {
    /** A read of this small a file may allocate this much, and no more. */
    private static final long ALLOCATION_LIMIT = 4L << 20;

    @TempDir
    Path dir;

    private byte[] valid;
    private Path file;

    @BeforeEach
    void model() {
        valid = OnnxTestModels.model()
                .metadata("labels", "zero,one")
                .input("x", "batch", 1, 4, 4)
                .initializer("w", new long[] {2, 1, 3, 3}, new float[18])
                .longInitializer("shape", new long[] {2}, 1, -1)
                .node("Conv", List.of("x", "w"), List.of("c"), intsAttr("kernel_shape", 3, 3),
                        intsAttr("pads", 1, 1, 1, 1), intAttr("group", 1))
                .node("Constant", List.of(), List.of("k"),
                        tensorAttr("value", OnnxTestModels.tensor("", new long[] {1}, 0.5f)))
                .node("Mul", List.of("c", "k"), List.of("m"))
                .node("Reshape", List.of("m", "shape"), List.of("r"))
                .node("Custom", List.of("r"), List.of("y"), floatsAttr("f", 1, 2),
                        stringAttr("mode", "constant"))
                .output("y", "batch", 32)
                .bytes();
        file = dir.resolve("m.onnx");
        warmUp();
    }

    /** Loads the classes a read needs, which the first read would otherwise count as allocated. */
    private void warmUp() {
        for (byte[] bytes : List.of(valid, Arrays.copyOf(valid, valid.length / 2))) {
            try {
                OnnxReader.read(Files.write(file, bytes));
            } catch (IOException e) {
                // the cut one is refused, as it should
            }
        }
    }

    @Test
    void theModelItselfReads() throws IOException {
        Files.write(file, valid);
        try {
            OnnxReader.read(file);
        } catch (FileException e) {
            fail("the valid model is refused: " + e.getMessage());
        }
    }

    @Test
    void everyTruncation() throws IOException {
        for (int length = 0; length < valid.length; length++) {
            check(Arrays.copyOf(valid, length), "cut to " + length + " bytes");
        }
    }

    @Test
    void everyBitFlipped() throws IOException {
        for (int at = 0; at < valid.length; at++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = valid.clone();
                flipped[at] ^= (byte) (1 << bit);
                check(flipped, "bit " + bit + " of byte " + at + " flipped");
            }
        }
    }

    @Test
    void everyByteSetToExtremes() throws IOException {
        for (int at = 0; at < valid.length; at++) {
            for (byte value : new byte[] {0, (byte) 0x7f, (byte) 0x80, (byte) 0xff}) {
                byte[] changed = valid.clone();
                changed[at] = value;
                check(changed, "byte " + at + " set to " + value);
            }
        }
    }

    private void check(byte[] bytes, String change) throws IOException {
        Files.write(file, bytes);
        long before = Refusals.allocated();
        try {
            OnnxModel model = OnnxReader.read(file);
            for (OnnxTensor tensor : model.graph().initializers().values()) {
                decode(tensor);
            }
        } catch (FileException e) {
            Refusals.assertMessage(e.getMessage());
        } catch (RuntimeException | Error e) {
            throw new AssertionError(change + ": " + e, e);
        }
        long allocated = Refusals.allocated() - before;
        assertTrue(allocated < ALLOCATION_LIMIT, change + ": reading allocated " + allocated + " bytes");
    }

    /** Decodes as the importer would; a tensor of another type is refused in words, not by a crash. */
    private static void decode(OnnxTensor tensor) {
        try {
            if (tensor.dataType() == OnnxTensor.DataType.FLOAT) {
                tensor.toFloats();
            } else {
                tensor.toLongs();
            }
        } catch (OnnxException e) {
            Refusals.assertMessage(e.getMessage());
        }
    }
}
