package org.convscope.data;

import java.nio.file.Path;

/**
 * A dataset or image file that cannot be used. The message is one line, "file: problem",
 * so that callers can print {@link #getMessage()} as it is, without a stack trace.
 */
public final class DatasetException extends RuntimeException {

    public DatasetException(Path file, String problem) {
        super(oneLine(file + ": " + problem));
    }

    public DatasetException(Path file, String problem, Throwable cause) {
        super(oneLine(file + ": " + problem), cause);
    }

    /** Describes an exception by its message, or by its type when it has none. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
