package org.convscope.io;

import java.io.IOException;
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
 * path stays available through {@link #file()}.
 */
public final class FileException extends IOException {
    private final transient Path file;
    private final String problem;

    public FileException(Path file, String problem) {
        this(file, problem, null);
    }

    public FileException(Path file, String problem, Throwable cause) {
        super(displayName(file) + ": " + oneLine(problem), cause);
        this.file = file;
        this.problem = oneLine(problem);
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
     * their reason, or a phrase for the common subclasses, says what went wrong instead.
     */
    public static String reason(IOException e) {
        String reason = switch (e) {
            case NoSuchFileException _ -> "no such file or directory";
            case AccessDeniedException _ -> "access denied";
            case NotDirectoryException _ -> "not a directory";
            case FileSystemException fse when fse.getReason() != null -> fse.getReason();
            default -> e.getMessage();
        };
        return reason == null || reason.isBlank() ? e.getClass().getSimpleName() : oneLine(reason);
    }

    private static String displayName(Path file) {
        Path name = file.getFileName();
        return name != null ? name.toString() : file.toString();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
