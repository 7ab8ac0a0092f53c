package org.convscope.io;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes float tensors in the <a href="https://github.com/huggingface/safetensors">
 * safetensors</a> format, the format of ConvScope's model files.
 *
 * <h2>Format</h2>
 * <pre>
 * [8 bytes]  N, the header length: unsigned 64-bit little-endian
 * [N bytes]  the header: a UTF-8 JSON object, may end in spaces
 * [rest]     the data section: every tensor's values, little-endian, back to back
 * </pre>
 * Each key of the header object names a tensor and maps to
 * {@code {"dtype":"F32","shape":[6,1,5,5],"data_offsets":[begin,end]}}: row-major values in bytes
 * {@code [begin, end)} of the data section, so {@code end - begin = 4 * product(shape)}. The
 * optional key {@code "__metadata__"} maps to an object of string values. The tensors' byte ranges
 * tile the data section exactly: no overlap, no gap, nothing after the last one.
 *
 * <p>This class handles dtype {@code F32} only. It writes the header in list order with
 * {@code __metadata__} first, pads it with spaces to a multiple of 8 bytes, and saves through
 * {@link AtomicFiles}, so a failed save leaves the old file as it was.
 *
 * <h2>Reading untrusted files</h2>
 * {@link #read} checks the header against the file's real size before it allocates any tensor:
 * a header of at most {@value #MAX_HEADER_BYTES} bytes, strict JSON without duplicate keys, every
 * field of the expected type, non-negative integers, sizes that agree with shapes, and the tiling
 * above. Any violation is a {@link FileException} whose one-line message names the file and the
 * problem.
 */
public final class SafeTensors {
    /** Largest header accepted or written, as in the reference implementation. */
    public static final int MAX_HEADER_BYTES = 100_000_000;
    private static final int LENGTH_BYTES = Long.BYTES;
    /** Bytes of memory per header byte while it is parsed: the bytes, the text and the parsed values. */
    private static final int HEADER_COPIES = 4;
    /** Floats converted per bulk copy: large enough to be fast, small enough to stay in cache. */
    private static final int CHUNK_FLOATS = 1 << 16;

    private SafeTensors() {}

    /**
     * Saves {@code tensors}, in list order, and {@code metadata} to {@code file}, atomically.
     *
     * @throws IllegalArgumentException if two tensors share a name, a tensor is named
     *     {@code __metadata__}, or a name, key or value is not valid Unicode
     * @throws FileException naming {@code file} if the save fails
     */
    public static void write(Path file, List<NamedTensor> tensors, Map<String, String> metadata)
            throws FileException {
        Objects.requireNonNull(file, "file");
        byte[] header = header(checkNames(tensors), checkEntries(metadata));
        AtomicFiles.write(file, out -> {
            ByteBuffer chunk = littleEndian(CHUNK_FLOATS * Float.BYTES);
            out.write(chunk.putLong(0, header.length).array(), 0, LENGTH_BYTES);
            out.write(header);
            FloatBuffer floats = chunk.asFloatBuffer();
            for (NamedTensor tensor : tensors) {
                float[] data = tensor.data();
                for (int from = 0; from < data.length; from += CHUNK_FLOATS) {
                    int count = Math.min(CHUNK_FLOATS, data.length - from);
                    floats.put(0, data, from, count);
                    out.write(chunk.array(), 0, count * Float.BYTES);
                }
            }
        });
    }

    /**
     * Loads every tensor and the metadata of {@code file}.
     *
     * @throws FileException naming {@code file} if it cannot be read or is not a valid F32
     *     safetensors file
     */
    public static SafeTensorsFile read(Path file) throws FileException {
        return read(file, "safetensors file");
    }

    /**
     * As {@link #read(Path)}, {@code kind} naming what the file should be ("model file") when it
     * is clearly something else: "not a model file (it is a PNG image)".
     */
    public static SafeTensorsFile read(Path file, String kind) throws FileException {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer head = littleEndian((int) Math.min(size, FileSignature.LENGTH));
            ChannelReads.readFully(channel, 0, head);
            checkKind(file, kind, head.array());
            if (size < LENGTH_BYTES) {
                throw new FileException(file, "truncated: file has " + size
                        + " bytes, too few for the 8-byte header length");
            }
            long headerBytes = head.getLong(0);
            if (Long.compareUnsigned(headerBytes, size - LENGTH_BYTES) > 0) {
                throw new FileException(file, "truncated: header says "
                        + Long.toUnsignedString(headerBytes) + " bytes, file has " + size);
            }
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new FileException(file, "header of " + headerBytes
                        + " bytes is larger than the limit of " + MAX_HEADER_BYTES);
            }
            // The bytes, their text and the parser's copies of names and metadata.
            MemoryBudget.require(file, HEADER_COPIES * headerBytes, "header of " + MemoryBudget.size(headerBytes));
            byte[] header = new byte[(int) headerBytes];
            ChannelReads.readFully(channel, LENGTH_BYTES, ByteBuffer.wrap(header));
            long dataStart = LENGTH_BYTES + headerBytes;
            var parsed = SafeTensorsHeader.parse(file, header, size - dataStart);
            MemoryBudget.require(file, size - dataStart, "tensor data of " + MemoryBudget.size(size - dataStart));
            Map<String, NamedTensor> tensors = new LinkedHashMap<>();
            for (SafeTensorsHeader.Entry entry : parsed.entries()) {
                float[] data = readFloats(channel, dataStart + entry.begin(), entry.elementCount());
                tensors.put(entry.name(), new NamedTensor(entry.name(), entry.shape(), data));
            }
            return new SafeTensorsFile(tensors, parsed.metadata());
        } catch (FileException e) {
            throw e;
        } catch (IOException e) {
            throw new FileException(file, "cannot read: " + FileException.reason(e), e);
        }
    }

    /**
     * A safetensors file starts with the header's length and then the header, a JSON object: a
     * file that starts as a known other kind does instead is not one at all, and saying which kind
     * it is tells more than a complaint about its "header".
     */
    private static void checkKind(Path file, String kind, byte[] head) throws FileException {
        boolean headerStarts = head.length > LENGTH_BYTES
                && (head[LENGTH_BYTES] == '{' || Character.isWhitespace(head[LENGTH_BYTES]));
        var other = FileSignature.of(head);
        if (!headerStarts && other.isPresent()) {
            throw new FileException(file, "not a " + kind + " (it is " + other.get() + ")");
        }
    }

    private static float[] readFloats(FileChannel channel, long position, int count)
            throws IOException {
        float[] data = new float[count];
        ByteBuffer chunk = littleEndian(Math.min(count, CHUNK_FLOATS) * Float.BYTES);
        FloatBuffer floats = chunk.asFloatBuffer();
        for (int from = 0; from < count; from += CHUNK_FLOATS) {
            int chunkFloats = Math.min(CHUNK_FLOATS, count - from);
            chunk.clear().limit(chunkFloats * Float.BYTES);
            ChannelReads.readFully(channel, position, chunk);
            floats.get(0, data, from, chunkFloats);
            position += (long) chunkFloats * Float.BYTES;
        }
        return data;
    }

    private static ByteBuffer littleEndian(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static List<NamedTensor> checkNames(List<NamedTensor> tensors) {
        Set<String> names = new HashSet<>();
        for (NamedTensor tensor : tensors) {
            Objects.requireNonNull(tensor, "tensors contains null");
            if (tensor.name().equals(SafeTensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException(
                        "a tensor cannot be named " + SafeTensorsHeader.METADATA_KEY);
            }
            if (!names.add(tensor.name())) {
                throw new IllegalArgumentException("two tensors are named " + tensor.name());
            }
        }
        return tensors;
    }

    private static Map<String, String> checkEntries(Map<String, String> metadata) {
        metadata.forEach((key, value) -> {
            Objects.requireNonNull(key, "metadata has a null key");
            Objects.requireNonNull(value, () -> "metadata " + key + " is null");
        });
        return metadata;
    }

    /**
     * The header for {@code tensors} stored back to back in list order, {@code metadata} first if
     * any, padded with spaces to a multiple of 8 bytes so the data section starts aligned.
     */
    private static byte[] header(List<NamedTensor> tensors, Map<String, String> metadata) {
        StringWriter json = new StringWriter();
        try (JsonWriter out = new JsonWriter(json)) {
            out.beginObject();
            if (!metadata.isEmpty()) {
                out.name(SafeTensorsHeader.METADATA_KEY).beginObject();
                for (Map.Entry<String, String> entry : metadata.entrySet()) {
                    out.name(entry.getKey()).value(entry.getValue());
                }
                out.endObject();
            }
            long offset = 0;
            for (NamedTensor tensor : tensors) {
                long end = offset + (long) tensor.data().length * Float.BYTES;
                out.name(tensor.name()).beginObject()
                        .name("dtype").value(SafeTensorsHeader.F32)
                        .name("shape").beginArray();
                for (int dim : tensor.shape()) {
                    out.value(dim);
                }
                out.endArray()
                        .name("data_offsets").beginArray().value(offset).value(end).endArray()
                        .endObject();
                offset = end;
            }
            out.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        ByteBuffer utf8 = encodeUtf8(json.toString());
        int length = utf8.remaining();
        int padded = (length + 7) / 8 * 8;
        if (padded > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("header of " + padded
                    + " bytes is larger than the limit of " + MAX_HEADER_BYTES);
        }
        byte[] header = new byte[padded];
        utf8.get(header, 0, length);
        Arrays.fill(header, length, padded, (byte) ' ');
        return header;
    }

    private static ByteBuffer encodeUtf8(String json) {
        try {
            return StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(json));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(
                    "a tensor name or metadata entry is not valid Unicode (a lone surrogate)", e);
        }
    }
}
