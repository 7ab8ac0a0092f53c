package org.convscope.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A problem with one file: it cannot be read or saved, or its content is malformed.
 *
 * <p>The message is a single line, {@code "<file name>: <problem>"}, fit to show to a user as it
 * is, e.g. {@code "model.safetensors: truncated: header says 1200 bytes, file has 100"}. The full
 * path stays available through {@link #file()}. However a file's content is quoted, the line stays
 * short: control characters become spaces, the file name is cut to {@value #MAX_NAME} characters
 * and the whole line to {@value #MAX_LINE}; values quoted from a file should be {@link #cut} first,
 * so that what is cut is the value and not the end of the sentence.
 */
public final class FileException extends IOException {
    /** Longest file name shown; a longer one keeps its start and end. */
    public static final int MAX_NAME = 60;
    /** Longest problem on its own ({@link #oneLine}). */
    public static final int MAX_PROBLEM = 200;
    /** Longest message, name and problem together: the problem is cut to what the name leaves. */
    public static final int MAX_LINE = 200;
    /** Longest value quoted from a file by {@link #cut}. */
    public static final int MAX_VALUE = 40;
    private final transient Path file;
    private final String problem;

    public FileException(Path file, String problem) {
        this(file, problem, null);
    }

    public FileException(Path file, String problem, Throwable cause) {
        this(file, displayName(file), oneLine(problem), cause);
    }

    private FileException(Path file, String name, String problem, Throwable cause) {
        super(name + ": " + shorten(problem, MAX_LINE - name.length() - 2), cause);
        this.file = file;
        this.problem = shorten(problem, MAX_LINE - name.length() - 2);
    }

    /** The file the problem is about, as the caller named it. */
    public Path file() {
        return file;
    }

    /** The message without the leading file name. */
    public String problem() {
        return problem;
    }

    /**
     * A one-line reason for an I/O failure. {@link FileSystemException}s carry the path as their
     * message, which would repeat (or, for a temporary file, leak) a name the user never chose;
     * their reason, or a phrase for the common subclasses, says what went wrong instead. An
     * exception without a message is described in words, never by its class name.
     */
    public static String reason(IOException e) {
        String reason = switch (e) {
            case NoSuchFileException _ -> "no such file or directory";
            case AccessDeniedException _ -> "access denied";
            case NotDirectoryException _ -> "not a directory";
            case FileSystemException fse when fse.getReason() != null -> fse.getReason();
            case ClosedByInterruptException _ -> "interrupted";
            case EOFException _ when e.getMessage() == null -> "unexpected end of file";
            default -> e.getMessage();
        };
        return reason == null || reason.isBlank() ? "input or output error" : oneLine(reason);
    }

    /**
     * A value quoted from a file, fit for a one-line message: at most {@value #MAX_VALUE} characters
     * (a longer one keeps its start and says how long it was), control characters as spaces.
     */
    public static String cut(String value) {
        return cut(value, MAX_VALUE);
    }

    /** As {@link #cut(String)}, at most {@code max} characters (at least 10). */
    public static String cut(String value, int max) {
        String text = String.valueOf(value).replaceAll("\\p{Cc}", " ");
        if (text.length() <= max) {
            return text;
        }
        String more = "… (" + text.length() + " characters)";
        return text.substring(0, Math.max(1, max - more.length())) + more;
    }

    /**
     * A problem as one line of at most {@value #MAX_PROBLEM} characters. Gson's link to its troubleshooting guide,
     * which some of its messages carry on a line of their own, is advice for programmers and is dropped.
     */
    public static String oneLine(String text) {
        String line = String.valueOf(text).replaceAll("\\R\\s*See https://github\\.com/google/gson/\\S*", "")
                .strip().replaceAll("\\s*\\R\\s*", " ").replaceAll("\\p{Cc}", " ");
        return shorten(line, MAX_PROBLEM);
    }

    private static String shorten(String line, int max) {
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /** The name shown for a file: its last element, with a long one shortened in the middle. */
    public static String displayName(Path file) {
        Path name = file.getFileName();
        String text = String.valueOf(name != null ? name : file).replaceAll("\\p{Cc}", " ");
        if (text.length() <= MAX_NAME) {
            return text;
        }
        int tail = (MAX_NAME - 1) / 2;
        return text.substring(0, MAX_NAME - 1 - tail) + "…" + text.substring(text.length() - tail);
    }
}
