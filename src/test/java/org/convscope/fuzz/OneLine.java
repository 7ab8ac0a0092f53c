package org.convscope.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convscope.io.FileException;

/**
 * What every fuzz target asserts of a refusal: the one line a user sees. It starts with the file's name, is one line
 * of at most {@value #MAX_PROBLEM} characters after it, and says nothing meant for programmers: no Java class or
 * package name, no enum constant message, no Gson advice.
 */
public final class OneLine {
    /** The problem after the file name; {@link FileException} keeps it to {@value FileException#MAX_PROBLEM}. */
    public static final int MAX_PROBLEM = FileException.MAX_PROBLEM;
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:java|javax|com|org|sun|jdk)\\.[a-z]+\\.[A-Za-z]|[A-Z][A-Za-z]*(?:Exception|Error)\\b|No enum constant"
                    + "|Cannot invoke|setStrictness|Troubleshooting|because \"");

    private OneLine() {}

    /**
     * Asserts that {@code message}, about {@code shownName}, is fit to show a user as it is. Text that looks like
     * internals but comes from the {@code input} itself is the file's content quoted, not a leak.
     */
    public static void assertFit(String shownName, String message, byte[] input) {
        assertTrue(message.startsWith(shownName + ": "), () -> "names the file first: " + message);
        String problem = message.substring(shownName.length() + 2);
        assertFalse(problem.isBlank(), "says what is wrong");
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "one line: " + message);
        assertTrue(problem.length() <= MAX_PROBLEM, () -> problem.length() + " characters: " + message);
        String quoted = new String(input, StandardCharsets.UTF_8) + new String(input, StandardCharsets.ISO_8859_1);
        Matcher internals = INTERNALS.matcher(problem);
        while (internals.find()) {
            String found = internals.group();
            assertTrue(quoted.contains(found), () -> "words, not internals (" + found + "): " + message);
        }
    }

    /** A scratch file of this fuzz target, rewritten with every input. */
    public static Path scratch(String name) {
        try {
            Path dir = Files.createTempDirectory("convscope-fuzz");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve(name);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bytes} to {@code file}. */
    public static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
