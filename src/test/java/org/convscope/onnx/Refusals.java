package org.convscope.onnx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.convscope.io.FileException;

/** Asserts how {@link OnnxReader} refuses a file: one short line, no Java names, little memory. */
final class Refusals {
    /** More than any refusal of a small file may allocate. */
    static final long SMALL_ALLOCATION = 64L << 20;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Refusals() {}

    /** Reads {@code file}, expecting a refusal; returns its problem (the message without the file name). */
    static String problem(Path file) {
        return refuse(file, SMALL_ALLOCATION).problem();
    }

    static FileException refuse(Path file, long allocationLimit) {
        long before = allocated();
        FileException e = assertThrows(FileException.class, () -> OnnxReader.read(file));
        long allocated = allocated() - before;
        assertTrue(allocated < allocationLimit, "reading allocated " + allocated + " bytes: " + e.getMessage());
        assertMessage(e.getMessage());
        return e;
    }

    /** One line of at most ~200 characters, without Java class or exception names. */
    static void assertMessage(String message) {
        assertTrue(message.length() <= 200, "message of " + message.length() + " characters: " + message);
        assertFalse(message.contains("\n"), message);
        assertFalse(message.matches(".*(Exception|java\\.|com\\.google|\\$).*"), message);
    }

    /** Bytes this thread has allocated so far. */
    static long allocated() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
