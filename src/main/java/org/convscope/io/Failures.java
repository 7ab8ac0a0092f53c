package org.convscope.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Any failure as one line in words for a user: ConvScope's own exceptions and argument errors by their message (they
 * name the file and the problem), input and output errors by their reason, running out of memory as such, and
 * anything else as an internal error, never by a Java class name. With {@code CONVSCOPE_DEBUG} set, {@link
 * #report} also prints the stack trace.
 */
public final class Failures {
    /** Environment variable that adds stack traces to one-line failures. */
    public static final String DEBUG = "CONVSCOPE_DEBUG";

    private Failures() {}

    /** The failure in words, one line; wrappers (execution, completion) are looked through. */
    public static String describe(Throwable failure) {
        Throwable t = unwrap(failure);
        String message = t.getMessage();
        String line = switch (t) {
            case IOException io -> FileException.reason(io);
            case UncheckedIOException u -> FileException.reason(u.getCause());
            case OutOfMemoryError _ -> "out of memory: the Java heap of " + MemoryBudget.size(Runtime.getRuntime().maxMemory())
                    + " is too small for this";
            case StackOverflowError _ -> "internal error: too deep a recursion";
            case Throwable own when message != null && !message.isBlank() && isOurs(own) -> message;
            default -> "internal error (set " + DEBUG + "=1 to see where)";
        };
        return line.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** {@link #describe}, after printing the stack trace to standard error when {@value #DEBUG} is set. */
    public static String report(Throwable failure) {
        if (System.getenv(DEBUG) != null) failure.printStackTrace();
        return describe(failure);
    }

    /** The failure inside execution and completion wrappers. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Our own exceptions, and argument and state errors, whose messages are written for users. */
    private static boolean isOurs(Throwable t) {
        return t.getClass().getName().startsWith("org.convscope.")
                || t.getClass() == IllegalArgumentException.class || t.getClass() == IllegalStateException.class;
    }
}
