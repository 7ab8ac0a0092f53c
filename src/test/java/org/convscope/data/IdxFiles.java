package org.convscope.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests (also of other packages: the studio's data tests). */
public final class IdxFiles {
    private IdxFiles() {}

    /** The bytes of an IDX file: magic, sizes, data. */
    public static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        buffer.putInt(magic);
        for (int d : dims) {
            buffer.putInt(d);
        }
        return buffer.put(data).array();
    }

    public static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return idx(Idx.IMAGES_MAGIC, new int[] {count, rows, cols}, pixels);
    }

    public static byte[] labels(byte... labels) {
        return idx(Idx.LABELS_MAGIC, new int[] {labels.length}, labels);
    }

    public static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** count images of rows × cols whose pixel p of image n is (n * 31 + p) mod 256. */
    public static byte[] pattern(int count, int rows, int cols) {
        byte[] pixels = new byte[count * rows * cols];
        for (int n = 0; n < count; n++) {
            for (int p = 0; p < rows * cols; p++) {
                pixels[n * rows * cols + p] = (byte) (n * 31 + p);
            }
        }
        return pixels;
    }
}
