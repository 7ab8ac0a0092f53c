package org.convscope.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a file is by its first bytes, for messages such as "not a model file (it is a PNG image)": a user who picks
 * the wrong file learns which file they picked, instead of a complaint about the content of the one expected.
 */
public final class FileSignature {
    /** Bytes read from the start of a file; enough for every signature below. */
    public static final int LENGTH = 12;

    private FileSignature() {}

    /** The kind of file whose content starts with {@code head}, in words ("a PNG image"); empty when unknown. */
    public static Optional<String> of(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of("a PNG image");
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) return Optional.of("a JPEG image");
        if (startsWith(head, 'G', 'I', 'F', '8')) return Optional.of("a GIF image");
        if (startsWith(head, 'B', 'M') && head.length >= LENGTH) return Optional.of("a BMP image");
        if (startsWith(head, 'I', 'I', 0x2A, 0) || startsWith(head, 'M', 'M', 0, 0x2A)) {
            return Optional.of("a TIFF image");
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12 && head[8] == 'W' && head[9] == 'E'
                && head[10] == 'B' && head[11] == 'P') {
            return Optional.of("a WebP image");
        }
        if (startsWith(head, 0x1F, 0x8B)) return Optional.of("gzip data");
        if (startsWith(head, 'P', 'K', 3, 4)) return Optional.of("a ZIP archive");
        if (startsWith(head, '%', 'P', 'D', 'F')) return Optional.of("a PDF document");
        if (startsWith(head, 0, 0, 8, 1) || startsWith(head, 0, 0, 8, 3)) return Optional.of("an IDX data file");
        if (head.length > 0 && (head[0] == '{' || head[0] == '[')) return Optional.of("JSON text");
        if (onnx(head)) return Optional.of("an ONNX model: its name must end in .onnx");
        return Optional.empty();
    }

    /** The same for a file; empty when unknown or unreadable. */
    public static Optional<String> of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in.readNBytes(LENGTH));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * An ONNX model as exporters write it: ir_version (field 1, a small varint), then producer_name (field 2) of a few
     * ASCII letters. As a safetensors header length these bytes would claim terabytes, so no model file is mistaken.
     */
    private static boolean onnx(byte[] head) {
        if (head.length < 8 || head[0] != 0x08 || head[1] < 3 || head[1] > 12 || head[2] != 0x12) return false;
        if (head[3] < 1 || head[3] > 64) return false;
        for (int i = 4; i < 8; i++) {
            if (!Character.isLetterOrDigit(head[i])) return false;
        }
        return true;
    }

    private static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) return false;
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) return false;
        }
        return true;
    }
}
