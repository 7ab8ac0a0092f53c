package org.convscope.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Parses the header dictionary of a NumPy {@code .npy} file, a Python literal such as
 * <pre>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</pre>
 * padded with spaces and a newline. It holds exactly the keys {@code descr} (a dtype string;
 * a list for a structured dtype), {@code fortran_order} ({@code True} or {@code False}) and
 * {@code shape} (a tuple of integers, {@code (3,)} for one dimension, {@code ()} for a scalar), in
 * any order, each once. Strings are quoted with {@code '} or {@code "}; integers may carry the
 * {@code L} suffix files from Python 2 have.
 */
final class NpyHeader {
    /** Dimensions shown when a message quotes a shape, so a hostile header cannot flood it. */
    private static final int SHOWN_DIMS = 8;

    /** The parsed header; {@code shape} may still hold negative or huge dimensions. */
    record Header(String descr, boolean fortranOrder, long[] shape) {}

    private final Path file;
    private final String text;
    private int pos;

    private NpyHeader(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /**
     * Parses {@code text}, the header of {@code file}.
     *
     * @throws FileException naming {@code file} and the first thing wrong
     */
    static Header parse(Path file, String text) throws FileException {
        return new NpyHeader(file, text).dictionary();
    }

    /** A shape as Python writes a tuple, e.g. {@code (2, 3)}, {@code (3,)} or {@code ()}. */
    static String show(long[] shape) {
        LongStream dims = Arrays.stream(shape).limit(SHOWN_DIMS);
        String shown = dims.mapToObj(Long::toString).collect(Collectors.joining(", "));
        if (shape.length > SHOWN_DIMS) {
            return "(" + shown + ", ... " + shape.length + " dimensions in all)";
        }
        return "(" + shown + (shape.length == 1 ? ",)" : ")");
    }

    private Header dictionary() throws FileException {
        skipSpaces();
        expect('{');
        String descr = null;
        Boolean fortranOrder = null;
        long[] shape = null;
        skipSpaces();
        while (peek() != '}') {
            String key = string("a key");
            skipSpaces();
            expect(':');
            skipSpaces();
            boolean seen = switch (key) {
                case "descr" -> {
                    boolean before = descr != null;
                    descr = descr();
                    yield before;
                }
                case "fortran_order" -> {
                    boolean before = fortranOrder != null;
                    fortranOrder = bool();
                    yield before;
                }
                case "shape" -> {
                    boolean before = shape != null;
                    shape = shape();
                    yield before;
                }
                default -> throw fail("header has the key '" + key
                        + "'; a .npy header holds descr, fortran_order and shape");
            };
            if (seen) {
                throw fail("header names '" + key + "' twice");
            }
            skipSpaces();
            if (peek() != ',') {
                break;
            }
            pos++;
            skipSpaces();
        }
        expect('}');
        skipSpaces();
        if (pos < text.length()) {
            throw syntax("nothing after the closing }");
        }
        String missing = descr == null ? "descr" : fortranOrder == null ? "fortran_order"
                : shape == null ? "shape" : null;
        if (missing != null) {
            throw fail("header has no '" + missing + "'");
        }
        return new Header(descr, fortranOrder, shape);
    }

    private String descr() throws FileException {
        if (peek() == '[') {
            throw fail("dtype is structured (a list of named fields);"
                    + " ConvScope reads float32 (or float64) arrays");
        }
        return string("the dtype string");
    }

    private String string(String what) throws FileException {
        char quote = peek();
        if (quote != '\'' && quote != '"') {
            throw syntax("expected " + what + " in quotes");
        }
        int end = text.indexOf(quote, pos + 1);
        if (end < 0) {
            throw syntax("a string that never ends");
        }
        String value = text.substring(pos + 1, end);
        if (value.indexOf('\\') >= 0) {
            throw syntax("a string with an escape sequence, which no dtype or key needs");
        }
        pos = end + 1;
        return value;
    }

    private boolean bool() throws FileException {
        for (String word : List.of("True", "False")) {
            if (text.startsWith(word, pos)) {
                pos += word.length();
                return word.equals("True");
            }
        }
        throw syntax("expected True or False for 'fortran_order'");
    }

    private long[] shape() throws FileException {
        expect('(');
        List<Long> dims = new ArrayList<>();
        boolean trailingComma = false;
        skipSpaces();
        while (peek() != ')') {
            dims.add(integer());
            skipSpaces();
            trailingComma = peek() == ',';
            if (!trailingComma) {
                break;
            }
            pos++;
            skipSpaces();
        }
        expect(')');
        if (dims.size() == 1 && !trailingComma) {
            throw fail("shape (" + dims.getFirst() + ") is a number, not a tuple;"
                    + " one dimension is written (" + dims.getFirst() + ",)");
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private long integer() throws FileException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String literal = text.substring(start, pos);
        if (peek() == 'L' || peek() == 'l') {
            pos++;
        }
        try {
            return Long.parseLong(literal);
        } catch (NumberFormatException e) {
            if (literal.matches("-?[0-9]+")) {
                throw fail("shape has a dimension too large: " + abbreviate(literal));
            }
            pos = start;
            throw syntax("expected an integer in 'shape'");
        }
    }

    private static String abbreviate(String literal) {
        return literal.length() <= 30 ? literal : literal.substring(0, 30) + "... ("
                + literal.length() + " digits)";
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) throws FileException {
        if (peek() != c) {
            throw syntax("expected '" + c + "'");
        }
        pos++;
    }

    private FileException syntax(String problem) {
        String found = pos < text.length() ? "at character " + (pos + 1) : "at its end";
        return fail("header is not a .npy dictionary: " + problem + " " + found);
    }

    private FileException fail(String problem) {
        return new FileException(file, problem);
    }
}
