package org.convscope.io;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and checks the JSON header of a safetensors file; see {@link SafeTensors} for the format.
 *
 * <p>A streaming reader, rather than a parsed tree, lets the parser reject duplicate keys, which a
 * tree keeps only the last of, and stop at the first wrong token, before any deep or large value is
 * built.
 */
final class SafeTensorsHeader {
    static final String METADATA_KEY = "__metadata__";
    static final String F32 = "F32";
    /** Largest array the JVM allocates; a larger tensor does not fit one {@code float[]}. */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /** Elements shown when an error message quotes a shape, so a hostile header cannot flood it. */
    private static final int SHOWN_DIMS = 8;
    /** Most dimensions a shape may have; reading stops at the next, so a huge shape costs nothing. */
    static final int MAX_DIMS = 32;

    /**
     * One tensor's header entry, checked on its own: dtype F32, shape and offsets consistent.
     *
     * @param begin first byte of its data, relative to the start of the data section
     * @param end one past its last byte
     */
    record Entry(String name, int[] shape, long begin, long end) {
        int elementCount() {
            return (int) ((end - begin) / Float.BYTES);
        }
    }

    /** The header's tensor entries, in header order, and its {@code __metadata__}. */
    record Header(List<Entry> entries, Map<String, String> metadata) {}

    private final Path file;

    private SafeTensorsHeader(Path file) {
        this.file = file;
    }

    /**
     * Parses {@code header}, the header bytes of {@code file}, and checks that its entries tile a
     * data section of {@code dataBytes} bytes exactly: no overlap, no gap, nothing after the last.
     */
    static Header parse(Path file, byte[] header, long dataBytes) throws FileException {
        SafeTensorsHeader parser = new SafeTensorsHeader(file);
        Header parsed = parser.parseJson(parser.decodeUtf8(header));
        parser.checkLayout(parsed.entries(), dataBytes);
        return parsed;
    }

    private String decodeUtf8(byte[] header) throws FileException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header))
                    .toString();
        } catch (CharacterCodingException e) {
            throw fail("header is not valid UTF-8");
        }
    }

    private Header parseJson(String json) throws FileException {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = Map.of();
        try (JsonReader in = new JsonReader(new StringReader(json))) {
            in.setStrictness(Strictness.STRICT);
            if (in.peek() != JsonToken.BEGIN_OBJECT) {
                throw fail("header is " + describe(in.peek()) + ", expected a JSON object");
            }
            in.beginObject();
            Set<String> names = new HashSet<>();
            while (in.hasNext()) {
                String name = in.nextName();
                if (!names.add(name)) {
                    throw fail("header names " + FileException.cut(name) + " twice");
                }
                if (name.equals(METADATA_KEY)) {
                    metadata = readMetadata(in);
                } else {
                    entries.add(readEntry(in, name));
                }
            }
            in.endObject();
            if (!atEnd(in)) {
                throw fail("header has more after its JSON object");
            }
        } catch (FileException e) {
            throw e;
        } catch (IOException | IllegalStateException e) {
            throw fail("header is not valid JSON: " + JsonText.syntaxProblem(e));
        }
        return new Header(entries, metadata);
    }

    /** Whether only whitespace follows; a strict reader fails to peek at anything else. */
    private static boolean atEnd(JsonReader in) throws IOException {
        try {
            return in.peek() == JsonToken.END_DOCUMENT;
        } catch (MalformedJsonException e) {
            return false;
        }
    }

    private Map<String, String> readMetadata(JsonReader in) throws IOException {
        expect(in, JsonToken.BEGIN_OBJECT, METADATA_KEY);
        in.beginObject();
        Map<String, String> metadata = new LinkedHashMap<>();
        while (in.hasNext()) {
            String key = in.nextName();
            expect(in, JsonToken.STRING, METADATA_KEY + " entry " + FileException.cut(key));
            if (metadata.putIfAbsent(key, in.nextString()) != null) {
                throw fail(METADATA_KEY + " names " + FileException.cut(key) + " twice");
            }
        }
        in.endObject();
        return metadata;
    }

    private Entry readEntry(JsonReader in, String name) throws IOException {
        String where = "tensor " + FileException.cut(name);
        expect(in, JsonToken.BEGIN_OBJECT, where);
        in.beginObject();
        String dtype = null;
        List<String> shape = null;
        List<String> offsets = null;
        while (in.hasNext()) {
            String field = in.nextName();
            boolean duplicate = switch (field) {
                case "dtype" -> {
                    expect(in, JsonToken.STRING, where + ": dtype");
                    boolean seen = dtype != null;
                    dtype = in.nextString();
                    yield seen;
                }
                case "shape" -> {
                    boolean seen = shape != null;
                    shape = readIntegers(in, where + ": shape", MAX_DIMS, "dimensions");
                    yield seen;
                }
                case "data_offsets" -> {
                    boolean seen = offsets != null;
                    offsets = readIntegers(in, where + ": data_offsets", 2, "numbers, [begin, end]");
                    yield seen;
                }
                default -> throw fail(where + ": unknown field " + FileException.cut(field));
            };
            if (duplicate) {
                throw fail(where + ": field " + field + " appears twice");
            }
        }
        in.endObject();
        if (dtype == null || shape == null || offsets == null) {
            String missing = dtype == null ? "dtype" : shape == null ? "shape" : "data_offsets";
            throw fail(where + ": missing field " + missing);
        }
        return checkEntry(name, dtype, shape, offsets);
    }

    /**
     * Reads an array of at most {@code max} JSON numbers as their literal text, so the checks can quote them; reading
     * stops at the first number too many.
     */
    private List<String> readIntegers(JsonReader in, String where, int max, String unit) throws IOException {
        expect(in, JsonToken.BEGIN_ARRAY, where);
        in.beginArray();
        List<String> numbers = new ArrayList<>();
        while (in.hasNext()) {
            expect(in, JsonToken.NUMBER, where + " element");
            if (numbers.size() == max) {
                throw fail(where + " has more than " + max + " " + unit);
            }
            numbers.add(FileException.cut(in.nextString(), 24));
        }
        in.endArray();
        return numbers;
    }

    private Entry checkEntry(String name, String dtype, List<String> shapeText,
            List<String> offsetsText) throws FileException {
        String where = "tensor " + FileException.cut(name);
        if (!dtype.equals(F32)) {
            throw fail(where + ": dtype " + FileException.cut(dtype) + " is not supported, only " + F32);
        }
        String shown = show(shapeText);
        int[] shape = new int[shapeText.size()];
        for (int i = 0; i < shape.length; i++) {
            long dim = parseNonNegative(shapeText.get(i), where + ": shape " + shown);
            if (dim > Integer.MAX_VALUE) {
                throw fail(where + ": shape " + shown + " has a dimension too large: " + dim);
            }
            shape[i] = (int) dim;
        }
        if (offsetsText.size() != 2) {
            throw fail(where + ": data_offsets " + show(offsetsText)
                    + " must hold 2 numbers, [begin, end]");
        }
        String offsets = show(offsetsText);
        long begin = parseNonNegative(offsetsText.get(0), where + ": data_offsets " + offsets);
        long end = parseNonNegative(offsetsText.get(1), where + ": data_offsets " + offsets);
        if (end < begin) {
            throw fail(where + ": data_offsets " + offsets + " end before they begin");
        }
        long count = NamedTensor.elementCount(shape);
        long bytes = end - begin;
        boolean countable = count >= 0 && count <= Long.MAX_VALUE / Float.BYTES;
        if (countable && bytes != count * Float.BYTES) {
            String held = bytes % Float.BYTES == 0
                    ? bytes / Float.BYTES + " floats"
                    : bytes + " bytes, not a whole number of floats";
            throw fail(where + ": data_offsets " + offsets + " hold " + held
                    + ", shape " + shown + " needs " + count);
        }
        if (!countable || count > MAX_ARRAY_LENGTH) {
            throw fail(where + ": shape " + shown + " has more elements than a float array holds");
        }
        return new Entry(name, shape, begin, end);
    }

    /** Checks that the entries cover the data section exactly once, in any header order. */
    private void checkLayout(List<Entry> entries, long dataBytes) throws FileException {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long covered = 0;
        Entry previous = null;
        for (Entry entry : byOffset) {
            if (entry.begin() < covered) {
                throw fail("tensors " + FileException.cut(previous.name()) + " and " + FileException.cut(entry.name())
                        + " overlap: data_offsets " + offsets(previous) + " and " + offsets(entry));
            }
            if (entry.begin() > covered) {
                throw fail("data bytes [" + covered + ", " + entry.begin()
                        + ") belong to no tensor, a gap before tensor " + FileException.cut(entry.name()));
            }
            covered = entry.end();
            previous = entry;
        }
        if (covered > dataBytes) {
            throw fail("truncated: tensor " + FileException.cut(previous.name()) + " ends at data byte " + covered
                    + ", data section has " + dataBytes);
        }
        if (covered < dataBytes) {
            throw fail((dataBytes - covered) + " trailing bytes after the last tensor's data");
        }
    }

    private long parseNonNegative(String literal, String where) throws FileException {
        try {
            long value = Long.parseLong(literal);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Not an integer, or too large: reported below like a negative one.
        }
        throw fail(where + " holds " + literal + ", expected a non-negative integer");
    }

    private void expect(JsonReader in, JsonToken expected, String where) throws IOException {
        JsonToken found = in.peek();
        if (found != expected) {
            throw fail(where + " is " + describe(found) + ", expected " + describe(expected));
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_OBJECT -> "an object";
            case BEGIN_ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case NAME -> "a name";
            case END_OBJECT, END_ARRAY, END_DOCUMENT -> "nothing";
        };
    }

    private static String offsets(Entry entry) {
        return "[" + entry.begin() + ", " + entry.end() + "]";
    }

    private static String show(List<String> numbers) {
        if (numbers.size() <= SHOWN_DIMS) {
            return "[" + String.join(", ", numbers) + "]";
        }
        return "[" + String.join(", ", numbers.subList(0, SHOWN_DIMS)) + ", ... ("
                + numbers.size() + " in all)]";
    }

    private FileException fail(String problem) {
        return new FileException(file, problem);
    }
}
