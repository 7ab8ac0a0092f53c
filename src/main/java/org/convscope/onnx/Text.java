package org.convscope.onnx;

import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** Names and numbers from a file, cut and cleaned so a message stays one short line. */
final class Text {
    /** Longest name shown; a longer one is cut with an ellipsis. */
    static final int NAME_CHARS = 48;
    /** Most dimensions shown of a shape. */
    private static final int DIMS_SHOWN = 6;

    private Text() {}

    /** {@code 'name'}, {@link #cut} to {@value #NAME_CHARS} characters. */
    static String quote(String name) {
        return "'" + cut(name) + "'";
    }

    /** {@code name} cut to {@value #NAME_CHARS} characters with an ellipsis, control characters shown as '?'. */
    static String cut(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), NAME_CHARS));
        int shown = 0;
        for (int i = 0; i < name.length(); i = name.offsetByCodePoints(i, 1)) {
            if (shown == NAME_CHARS - 1 && name.codePointCount(i, name.length()) > 1) {
                out.append('…');
                break;
            }
            int c = name.codePointAt(i);
            out.appendCodePoint(Character.isISOControl(c) ? '?' : c);
            shown++;
        }
        return out.toString();
    }

    /** {@code [1, 3, 224, 224]}; past {@value #DIMS_SHOWN} dimensions {@code [1, 2, 3, 4, 5, 6, … 9 dims]}. */
    static String dims(long[] dims) {
        String shown = LongStream.of(dims).limit(DIMS_SHOWN)
                .mapToObj(Long::toString).collect(Collectors.joining(", "));
        return "[" + shown + (dims.length > DIMS_SHOWN ? ", … " + dims.length + " dims" : "") + "]";
    }
}
