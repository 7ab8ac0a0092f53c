package org.convscope.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.List;
import org.convscope.io.FileException;

/**
 * The fields of a JSON object read strictly: each one present, of its type and range, or a {@link Problem} that says
 * which field of what is wrong, in words ("session: "step" is "abc", expected a whole number from 0").
 */
final class JsonFields {
    private final JsonObject object;
    private final String where;

    /** A field that is missing, of the wrong type or out of range. */
    static final class Problem extends IllegalArgumentException {
        Problem(String message) {
            super(message);
        }
    }

    private JsonFields(JsonObject object, String where) {
        this.object = object;
        this.where = where;
    }

    /** {@code element} as an object whose fields are read; {@code where} names it in messages. */
    static JsonFields of(JsonElement element, String where) {
        if (element == null || !element.isJsonObject()) throw new Problem(where + " is " + shown(element) + ", expected an object");
        return new JsonFields(element.getAsJsonObject(), where);
    }

    /** Whether the object has {@code field} (for a field added in a later version, read when present). */
    boolean has(String field) {
        return object.has(field);
    }

    JsonFields object(String field) {
        return of(required(field), where + "." + field);
    }

    JsonArray array(String field, int maxSize) {
        JsonElement e = required(field);
        if (!e.isJsonArray()) throw expected(field, e, "a list");
        if (e.getAsJsonArray().size() > maxSize) {
            throw new Problem(where + ": \"" + field + "\" has " + e.getAsJsonArray().size() + " entries, at most "
                    + maxSize + " expected");
        }
        return e.getAsJsonArray();
    }

    String text(String field, int maxLength) {
        JsonElement e = required(field);
        if (!(e instanceof JsonPrimitive p) || !p.isString()) throw expected(field, e, "a string");
        if (p.getAsString().length() > maxLength) throw expected(field, e, "at most " + maxLength + " characters");
        return p.getAsString();
    }

    /** One of {@code allowed}, as written in the file. */
    String choice(String field, List<String> allowed) {
        String value = text(field, 64);
        if (!allowed.contains(value)) throw expected(field, required(field), "one of " + String.join(", ", allowed));
        return value;
    }

    long wholeNumber(String field, long min, long max) {
        return wholeNumber(required(field), field, min, max);
    }

    int integer(String field, int min, int max) {
        return (int) wholeNumber(field, min, max);
    }

    /** A finite number from {@code min} to {@code max}. */
    double number(String field, double min, double max) {
        return number(required(field), field, min, max);
    }

    /** A finite number, or NaN where the file has null (a value that could not be measured). */
    double numberOrNaN(String field) {
        JsonElement e = required(field);
        return e.isJsonNull() ? Double.NaN : number(e, field, -Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /** An element of a list as a whole number from {@code min} to {@code max}; {@code field} names it. */
    long wholeNumber(JsonElement e, String field, long min, long max) {
        if (e instanceof JsonPrimitive p && p.isNumber()) {
            try {
                BigDecimal value = new BigDecimal(p.getAsString());
                if (value.stripTrailingZeros().scale() <= 0 && value.compareTo(BigDecimal.valueOf(min)) >= 0
                        && value.compareTo(BigDecimal.valueOf(max)) <= 0) {
                    return value.longValueExact();
                }
            } catch (NumberFormatException | ArithmeticException ignored) {
                // reported below
            }
        }
        throw expected(field, e, "a whole number from " + min + (max == Long.MAX_VALUE ? "" : " to " + max));
    }

    double number(JsonElement e, String field, double min, double max) {
        if (e instanceof JsonPrimitive p && p.isNumber()) {
            try {
                double value = Double.parseDouble(p.getAsString());
                if (value >= min && value <= max) return value;
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw expected(field, e, "a number from " + min + " to " + max);
    }

    private JsonElement required(String field) {
        JsonElement e = object.get(field);
        if (e == null) throw new Problem(where + ": \"" + field + "\" is missing");
        return e;
    }

    private Problem expected(String field, JsonElement found, String expected) {
        return new Problem(where + ": \"" + field + "\" is " + shown(found) + ", expected " + expected);
    }

    private static String shown(JsonElement e) {
        if (e == null) return "missing";
        String text = e.toString();
        return FileException.cut(text, 30);
    }
}
