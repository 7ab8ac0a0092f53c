package org.convscope.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;

/**
 * JSON read strictly (no comments, unquoted names or other leniencies that would hide damage), with syntax errors in
 * words fit for a one-line message, without Gson's advice to programmers.
 */
public final class JsonText {
    private JsonText() {}

    /** A JSON document that is not valid; the message says what and where, e.g. "syntax error at line 1 column 5". */
    public static final class SyntaxException extends IllegalArgumentException {
        SyntaxException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Parses {@code json}, one value and nothing after it but whitespace. */
    public static JsonElement parse(String json) {
        try (JsonReader in = new JsonReader(new StringReader(json))) {
            in.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(in);
            if (in.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new SyntaxException("not valid JSON: more after the first value", null);
            }
            return element;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new SyntaxException("not valid JSON: " + syntaxProblem(e), e);
        }
    }

    /**
     * Gson's message without the parts meant for programmers: the advice to parse leniently and the troubleshooting
     * link on a second line, and the exception's class when it wraps another. What is left says what and where,
     * e.g. "syntax error at line 1 column 5 path $.a", cut to a line.
     */
    public static String syntaxProblem(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof JsonParseException)) t = t.getCause();
        String first = String.valueOf(t.getMessage()).lines().findFirst().orElse("");
        first = first.replaceFirst("^(?:[a-z]+\\.)+[A-Za-z]+(?:Exception|Error): ", "");
        first = first.replaceFirst("^Use JsonReader\\.setStrictness\\(.*?\\) to accept malformed JSON", "syntax error");
        return FileException.cut(first, 120);
    }
}
