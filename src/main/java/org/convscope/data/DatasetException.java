package org.convscope.data;

import java.io.IOException;
import java.nio.file.Path;
import org.convscope.io.FileException;

/**
 * A dataset or image file that cannot be used. The message is one line, "file: problem",
 * so that callers can print {@link #getMessage()} as it is, without a stack trace.
 */
public final class DatasetException extends RuntimeException {

    public DatasetException(Path file, String problem) {
        this(file, problem, null);
    }

    public DatasetException(Path file, String problem, Throwable cause) {
        super(FileException.cut(String.valueOf(file), MAX_PATH) + ": " + FileException.oneLine(problem), cause);
    }

    /** Longest path shown; a longer one is cut. */
    private static final int MAX_PATH = 160;

    /** Describes an exception by its message, in words when it has none (never by its class name). */
    static String describe(Throwable e) {
        if (e instanceof IOException io) return FileException.reason(io);
        String message = e.getMessage();
        return message == null || message.isBlank() ? "unexpected error" : FileException.oneLine(message);
    }
}
