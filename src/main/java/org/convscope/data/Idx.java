package org.convscope.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.zip.ZipException;
import org.convscope.io.MemoryBudget;

/**
 * Reader of IDX files (the MNIST format) holding unsigned bytes, either raw or gzipped;
 * gzip is recognised by its magic bytes {@code 1f 8b}, not by the file name.
 *
 * <p>Layout, big-endian: two zero bytes, the element type {@code 0x08} (unsigned byte),
 * the number of dimensions d, d sizes of 32 bits each, then the data in row-major order.
 * The file must hold exactly the bytes its header announces, and gzip data nothing after its last member.
 *
 * <p>The header's claim is checked before anything is allocated: against the bytes the file has (raw), against the
 * heap ({@link MemoryBudget}), and for gzip data while it inflates, the buffer growing only with the bytes actually
 * inflated, so a few bytes claiming a billion labels cost nothing.
 */
public final class Idx {
    /** Magic number of an image file: unsigned bytes, 3 dimensions (count × rows × cols). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of a label file: unsigned bytes, 1 dimension (count). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int BUFFER = 1 << 16;
    /** First buffer for inflated data; it doubles as the data comes, up to what the header claims. */
    private static final int FIRST_CHUNK = 1 << 20;
    private static final int MAX_BYTES = Integer.MAX_VALUE - 8;

    private Idx() {}

    /** The images of one IDX file, one byte per pixel, 0 = background. */
    public record Images(int count, int rows, int cols,
                         byte[] pixels /* [count][rows][cols] */) {
        public Images {
            if (count <= 0 || rows <= 0 || cols <= 0) {
                throw new IllegalArgumentException(
                        "count, rows, cols must be > 0, found " + count + ", " + rows + ", " + cols);
            }
            if (pixels.length != (long) count * rows * cols) {
                throw new IllegalArgumentException("pixels.length is " + pixels.length + ", expected "
                        + count + "×" + rows + "×" + cols + " = " + (long) count * rows * cols);
            }
        }

        /** The same images with rows and columns swapped (EMNIST stores its images transposed). */
        public Images transposed() {
            byte[] out = new byte[pixels.length];
            int size = rows * cols;
            for (int n = 0; n < count; n++) {
                int base = n * size;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        out[base + c * rows + r] = pixels[base + r * cols + c];
                    }
                }
            }
            return new Images(count, cols, rows, out);
        }
    }

    /** Reads an image file (magic {@code 0x00000803}); throws {@link DatasetException}. */
    public static Images readImages(Path file) {
        Contents contents = read(file, IMAGES_MAGIC, "image", "pixels");
        int[] dims = contents.dims();
        return new Images(dims[0], dims[1], dims[2], contents.data());
    }

    /** Reads a label file (magic {@code 0x00000801}), one unsigned byte per label; throws {@link DatasetException}. */
    public static byte[] readLabels(Path file) {
        return read(file, LABELS_MAGIC, "label", "labels").data();
    }

    private record Contents(int[] dims, byte[] data) {}

    private static Contents read(Path file, int magic, String kind, String unit) {
        boolean gzip = false;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            gzip = startsWithGzipMagic(raw);
            long rawBytes = gzip ? -1 : Files.size(file);
            InputStream in = gzip ? new StrictGzipInputStream(raw) : raw;
            try {
                return parse(file, in, magic, kind, unit, rawBytes);
            } catch (DatasetException formatError) {
                if (gzip) {
                    // A damaged gzip can inflate to plausible garbage: blame the gzip if its checksum fails.
                    in.transferTo(OutputStream.nullOutputStream());
                }
                throw formatError;
            }
        } catch (NoSuchFileException e) {
            throw new DatasetException(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new DatasetException(file, "permission denied", e);
        } catch (StrictGzipInputStream.TrailingDataException e) {
            throw new DatasetException(file, e.getMessage(), e);
        } catch (ZipException | EOFException e) {
            throw new DatasetException(file, (gzip ? "corrupt or truncated gzip data: " : "truncated: ") + e.getMessage(), e);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + DatasetException.describe(e), e);
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    /** @param rawBytes the file's size when it is not compressed, else -1 */
    private static Contents parse(Path file, InputStream in, int magic, String kind, String unit, long rawBytes)
            throws IOException {
        int dimCount = magic & 0xff;
        int headerBytes = 4 + 4 * dimCount;
        byte[] magicBytes = in.readNBytes(4);
        if (magicBytes.length < 4) {
            throw new DatasetException(file, "truncated: an IDX header needs " + headerBytes
                    + " bytes, file has " + magicBytes.length);
        }
        int found = readInt(magicBytes, 0);
        if (found != magic) {
            throw new DatasetException(file, String.format(
                    "not an IDX %s file (magic 0x%08X, expected 0x%08X)", kind, found, magic));
        }
        byte[] sizes = in.readNBytes(4 * dimCount);
        if (sizes.length < 4 * dimCount) {
            throw new DatasetException(file, "truncated: an IDX " + kind + " header needs "
                    + headerBytes + " bytes, file has " + (4 + sizes.length));
        }
        int[] dims = new int[dimCount];
        long size = 1;
        for (int i = 0; i < dimCount; i++) {
            dims[i] = readInt(sizes, 4 * i);
            if (dims[i] <= 0) {
                throw new DatasetException(file, "dimension " + i + " is " + dims[i] + ", expected > 0");
            }
            size *= dims[i];
        }
        String shape = Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("×"));
        String announced = "header says " + shape + (dimCount > 1 ? " = " + size : "") + " bytes of " + unit;
        if (size > MAX_BYTES) {
            throw new DatasetException(file, "too large: " + announced + ", at most " + MAX_BYTES + " supported");
        }
        if (rawBytes >= 0 && rawBytes - headerBytes < size) {
            throw new DatasetException(file, "truncated: " + announced + ", file has " + (rawBytes - headerBytes));
        }
        if (rawBytes >= 0 && rawBytes - headerBytes > size) {
            throw new DatasetException(file, "trailing garbage: " + announced + ", file has "
                    + (rawBytes - headerBytes - size) + " more bytes after them");
        }
        String shortfall = rawBytes >= 0 ? MemoryBudget.shortfallOfOneArray(size)
                : MemoryBudget.shortfall(size + size / 2);
        if (shortfall != null) {
            throw new DatasetException(file, "too large: " + announced + ": " + shortfall);
        }
        byte[] data = rawBytes >= 0 ? in.readNBytes((int) size) : inflate(in, (int) size);
        if (data.length < size) {
            throw new DatasetException(file, "truncated: " + announced + ", file has " + data.length);
        }
        long extra = in.transferTo(OutputStream.nullOutputStream());
        if (extra > 0) {
            throw new DatasetException(file, "trailing garbage: " + announced
                    + ", file has " + extra + " more bytes after them");
        }
        return new Contents(dims, data);
    }

    /**
     * Up to {@code size} bytes of inflated data, in a buffer that grows with the data that comes: a short file
     * claiming much costs what it holds, not what it claims. Shorter than {@code size} when the data ends early.
     */
    private static byte[] inflate(InputStream in, int size) throws IOException {
        byte[] data = new byte[Math.min(size, FIRST_CHUNK)];
        int filled = 0;
        while (filled < size) {
            if (filled == data.length) data = Arrays.copyOf(data, (int) Math.min(size, 2L * data.length));
            int read = in.read(data, filled, data.length - filled);
            if (read < 0) return Arrays.copyOf(data, filled);
            filled += read;
        }
        return data;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
