package org.convscope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes float arrays in NumPy's <a
 * href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">{@code .npy}
 * format</a>, what {@code np.save} writes and {@code np.load} reads.
 *
 * <h2>Format</h2>
 * <pre>
 * [6 bytes]   magic: \x93NUMPY
 * [2 bytes]   format version: major, minor (1.0, 2.0 or 3.0)
 * [2|4 bytes] H, the header length: unsigned little-endian, 2 bytes in 1.0, 4 in 2.0 and 3.0
 * [H bytes]   the header: a Python dict literal (see {@link NpyHeader}), Latin-1 (UTF-8 in 3.0),
 *             padded with spaces and a newline so that the data starts at a multiple of 64
 * [rest]      product(shape) values of the dtype, C order (last dimension fastest)
 * </pre>
 *
 * <p>{@link #read} takes float32 ({@code '<f4'}, or big-endian {@code '>f4'}) and converts
 * float64 ({@code '<f8'}, {@code '>f8'}) to float32; it refuses every other dtype, Fortran
 * order, and any file whose shape does not match its size exactly. It checks the header against
 * the file's size, the largest Java array and the free heap before it allocates the data. {@link
 * #write} writes {@code '<f4'} in version 1.0 (2.0 when the header needs more than 65,535 bytes)
 * byte for byte as NumPy does, through {@link AtomicFiles}.
 */
public final class Npy {
    /** Largest header accepted or written; NumPy's own headers for float arrays are 128 bytes. */
    public static final int MAX_HEADER_BYTES = 1 << 20;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The data starts at a multiple of this, as NumPy aligns it. */
    private static final int ALIGN = 64;
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /** Values converted per bulk copy: large enough to be fast, small enough to stay in cache. */
    private static final int CHUNK_VALUES = 1 << 16;
    /** A NumPy dtype string: byte order, kind, size in bytes (or characters), e.g. {@code <f4}. */
    private static final Pattern DESCR = Pattern.compile("([<>|=]?)([a-zA-Z])(\\d*)");

    /** A dtype this class reads: float32 or float64 in a known byte order. */
    private record Dtype(int bytes, ByteOrder order) {
        String name() {
            return bytes == Float.BYTES ? "float32" : "float64";
        }
    }

    private Npy() {}

    /**
     * Loads the float32 or float64 array of {@code file} as float32.
     *
     * @throws FileException naming {@code file} if it cannot be read, is not a .npy file, holds
     *     another dtype, Fortran order, a shape its size does not match, an array larger than a
     *     Java array or the free heap, or float64 values beyond float32's range
     */
    public static NpyArray read(Path file) throws FileException {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int major = version(file, channel, size);
            int preamble = MAGIC.length + 2 + (major == 1 ? Short.BYTES : Integer.BYTES);
            if (size < preamble) {
                throw truncatedPreamble(file, size);
            }
            long headerBytes = headerLength(channel, preamble);
            if (headerBytes > size - preamble) {
                throw new FileException(file, "truncated: header says " + headerBytes
                        + " bytes, file has " + (size - preamble) + " after the preamble");
            }
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new FileException(file, "header of " + headerBytes
                        + " bytes is larger than the limit of " + MAX_HEADER_BYTES);
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerBytes);
            ChannelReads.readFully(channel, preamble, header);
            NpyHeader.Header parsed = NpyHeader.parse(file, decode(file, header.array(), major));
            Dtype dtype = dtype(file, parsed.descr());
            if (parsed.fortranOrder()) {
                throw new FileException(file, "fortran_order is True (column-major); ConvScope"
                        + " reads C-order arrays: save np.ascontiguousarray(a) instead");
            }
            long dataStart = preamble + headerBytes;
            int[] shape = checkShape(file, parsed.shape(), dtype, size - dataStart);
            float[] data = new float[(int) NamedTensor.elementCount(shape)];
            readValues(file, channel, dataStart, dtype, data);
            return new NpyArray(shape, data);
        } catch (FileException e) {
            throw e;
        } catch (IOException e) {
            throw new FileException(file, "cannot read: " + FileException.reason(e), e);
        }
    }

    /**
     * Saves {@code array} to {@code file} as {@code '<f4'}, atomically: the same bytes as
     * {@code np.save(file, a.astype('<f4'))}.
     *
     * @throws IllegalArgumentException if the shape has so many dimensions that the header would
     *     exceed {@link #MAX_HEADER_BYTES}
     * @throws FileException naming {@code file} if the save fails
     */
    public static void write(Path file, NpyArray array) throws FileException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(array, "array");
        byte[] head = preambleAndHeader(array.shape());
        float[] data = array.data();
        AtomicFiles.write(file, out -> {
            out.write(head);
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_VALUES * Float.BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            FloatBuffer floats = chunk.asFloatBuffer();
            for (int from = 0; from < data.length; from += CHUNK_VALUES) {
                int count = Math.min(CHUNK_VALUES, data.length - from);
                floats.put(0, data, from, count);
                out.write(chunk.array(), 0, count * Float.BYTES);
            }
        });
    }

    /** Checks the magic and the format version; returns the major version, 1, 2 or 3. */
    private static int version(Path file, FileChannel channel, long size) throws IOException {
        ByteBuffer start = ByteBuffer.allocate((int) Math.min(size, MAGIC.length + 2));
        ChannelReads.readFully(channel, 0, start);
        byte[] bytes = start.array();
        int compared = Math.min(bytes.length, MAGIC.length);
        if (!Arrays.equals(bytes, 0, compared, MAGIC, 0, compared)) {
            throw new FileException(file,
                    "not a NumPy .npy file: it does not start with \\x93NUMPY");
        }
        if (bytes.length < MAGIC.length + 2) {
            throw truncatedPreamble(file, size);
        }
        int major = bytes[MAGIC.length] & 0xff;
        int minor = bytes[MAGIC.length + 1] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new FileException(file, "format version " + major + "." + minor
                    + " is not supported; ConvScope reads versions 1.0, 2.0 and 3.0");
        }
        return major;
    }

    private static FileException truncatedPreamble(Path file, long size) {
        return new FileException(file, "truncated: file has " + size
                + " bytes, too few for the .npy preamble (magic, version, header length)");
    }

    private static long headerLength(FileChannel channel, int preamble) throws IOException {
        int bytes = preamble - MAGIC.length - 2;
        ByteBuffer length = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        ChannelReads.readFully(channel, MAGIC.length + 2, length);
        return bytes == Short.BYTES
                ? Short.toUnsignedLong(length.getShort(0))
                : Integer.toUnsignedLong(length.getInt(0));
    }

    /** Versions 1.0 and 2.0 write the header in Latin-1, which any bytes decode as; 3.0 UTF-8. */
    private static String decode(Path file, byte[] header, int major) throws FileException {
        if (major < 3) {
            return new String(header, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(header)).toString();
        } catch (CharacterCodingException e) {
            throw new FileException(file, "header is not valid UTF-8, as format version 3.0 says");
        }
    }

    private static Dtype dtype(Path file, String descr) throws FileException {
        Matcher m = DESCR.matcher(descr);
        if (m.matches() && m.group(2).equals("f")
                && (m.group(3).equals("4") || m.group(3).equals("8"))) {
            int bytes = Integer.parseInt(m.group(3));
            return switch (m.group(1)) {
                case "<" -> new Dtype(bytes, ByteOrder.LITTLE_ENDIAN);
                case ">" -> new Dtype(bytes, ByteOrder.BIG_ENDIAN);
                default -> throw new FileException(file, "dtype '" + descr + "' does not say its"
                        + " byte order; ConvScope reads '<f4' or '>f4' (float32) and '<f8' or"
                        + " '>f8' (float64)");
            };
        }
        String name = m.matches() ? dtypeName(m.group(2), m.group(3)) : null;
        String found = name == null ? "'" + descr + "'" : name + " ('" + descr + "')";
        throw new FileException(file, "dtype " + found
                + "; ConvScope reads float32 (or float64) arrays: save a.astype(np.float32)");
    }

    /** NumPy's name of a dtype kind and size, e.g. int64 for {@code i8}; null if unknown. */
    private static String dtypeName(String kind, String size) {
        String bits = size.isEmpty() ? "" : Integer.toString(Integer.parseInt(size) * 8);
        return switch (kind) {
            case "b" -> "bool";
            case "i" -> "int" + bits;
            case "u" -> "uint" + bits;
            case "f" -> "float" + bits;
            case "c" -> "complex" + bits;
            case "O" -> "object";
            case "U" -> "str";
            case "S" -> "bytes";
            case "V" -> "void";
            case "M" -> "datetime64";
            case "m" -> "timedelta64";
            default -> null;
        };
    }

    /**
     * Checks the claimed shape against the data bytes present, the largest Java array and the
     * free heap, in that order; returns it as ints.
     */
    private static int[] checkShape(Path file, long[] shape, Dtype dtype, long dataBytes)
            throws FileException {
        String shown = "shape " + NpyHeader.show(shape);
        long count = 1;
        boolean zero = false;
        for (long dim : shape) {
            if (dim < 0) {
                throw new FileException(file, shown + " has a negative dimension");
            }
            zero |= dim == 0;
        }
        for (long dim : shape) {
            if (zero) {
                count = 0;
                break;
            }
            if (count > Long.MAX_VALUE / dim / dtype.bytes()) {
                throw new FileException(file, shown + " claims more elements than a file can"
                        + " hold (the product overflows 64 bits)");
            }
            count *= dim;
        }
        long needed = count * dtype.bytes();
        if (needed > dataBytes) {
            throw new FileException(file, "truncated: " + shown + " of " + dtype.name()
                    + " needs " + needed + " bytes of data, file has " + dataBytes);
        }
        if (needed < dataBytes) {
            throw new FileException(file, (dataBytes - needed) + " trailing bytes after the"
                    + " data of " + shown + " " + dtype.name());
        }
        if (count > MAX_ARRAY_LENGTH) {
            throw new FileException(file, shown + " has " + count
                    + " elements, more than a Java array holds (" + MAX_ARRAY_LENGTH + ")");
        }
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) {
            if (shape[i] > Integer.MAX_VALUE) {
                throw new FileException(file, shown + " has a dimension larger than "
                        + Integer.MAX_VALUE);
            }
            dims[i] = (int) shape[i];
        }
        Heap.require(file, count * Float.BYTES, shown + " as float32");
        return dims;
    }

    private static void readValues(Path file, FileChannel channel, long position, Dtype dtype,
            float[] data) throws IOException {
        int chunkValues = Math.max(1, Math.min(data.length, CHUNK_VALUES));
        ByteBuffer chunk = ByteBuffer.allocate(chunkValues * dtype.bytes()).order(dtype.order());
        FloatBuffer floats = chunk.asFloatBuffer();
        DoubleBuffer doubles = chunk.asDoubleBuffer();
        for (int from = 0; from < data.length; from += chunkValues) {
            int count = Math.min(chunkValues, data.length - from);
            chunk.clear().limit(count * dtype.bytes());
            ChannelReads.readFully(channel, position, chunk);
            position += (long) count * dtype.bytes();
            if (dtype.bytes() == Float.BYTES) {
                floats.get(0, data, from, count);
                continue;
            }
            for (int i = 0; i < count; i++) {
                double value = doubles.get(i);
                data[from + i] = (float) value;
                if (Float.isInfinite(data[from + i]) && !Double.isInfinite(value)) {
                    throw new FileException(file, "element " + (from + i) + " is " + value
                            + ", beyond float32's range (±" + Float.MAX_VALUE + ")");
                }
            }
        }
    }

    /**
     * The preamble and the header NumPy writes for a C-order {@code '<f4'} array of this shape:
     * the dict, spaces up to the 64-byte boundary after a final newline, version 1.0 unless the
     * header needs more than 65,535 bytes.
     */
    private static byte[] preambleAndHeader(int[] shape) {
        long[] dims = Arrays.stream(shape).asLongStream().toArray();
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': "
                + tuple(dims) + ", }";
        for (int lengthBytes : new int[] {Short.BYTES, Integer.BYTES}) {
            int preamble = MAGIC.length + 2 + lengthBytes;
            int padding = ALIGN - (preamble + dict.length() + 1) % ALIGN;
            int headerBytes = dict.length() + padding + 1;
            if (lengthBytes == Short.BYTES && headerBytes > 0xffff) {
                continue;
            }
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new IllegalArgumentException("a shape of " + shape.length
                        + " dimensions needs a header larger than " + MAX_HEADER_BYTES + " bytes");
            }
            ByteBuffer out = ByteBuffer.allocate(preamble + headerBytes)
                    .order(ByteOrder.LITTLE_ENDIAN);
            out.put(MAGIC).put((byte) (lengthBytes == Short.BYTES ? 1 : 2)).put((byte) 0);
            if (lengthBytes == Short.BYTES) {
                out.putShort((short) headerBytes);
            } else {
                out.putInt(headerBytes);
            }
            out.put(dict.getBytes(StandardCharsets.US_ASCII));
            out.put(" ".repeat(padding).getBytes(StandardCharsets.US_ASCII)).put((byte) '\n');
            return out.array();
        }
        throw new AssertionError("version 2.0 always fits");
    }

    /** Python's repr of a tuple of ints, unabbreviated: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    private static String tuple(long[] dims) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            text.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return text.append(dims.length == 1 ? ",)" : ")").toString();
    }
}
