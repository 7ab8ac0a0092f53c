package org.convscope.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks that a file's claimed content fits the Java heap before a reader allocates it, so a file
 * claiming gigabytes ends in one line naming it instead of an {@link OutOfMemoryError}.
 */
public final class HeapCheck {
    private HeapCheck() {}

    /**
     * Bytes the heap can still give: its limit ({@code -Xmx}) minus what is in use now. Garbage
     * not yet collected counts as in use, so this errs on the low side.
     */
    public static long available() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /**
     * Throws unless {@code bytes} more fit the heap. When they do not fit at first sight, a
     * garbage collection is requested and the heap measured again: uncollected garbage must not
     * make a file that fits look too large.
     *
     * @param what what needs the memory, for the message, e.g. {@code "shape (600000000,)"}
     * @throws FileException naming {@code file}: {@code "<what> needs 2.4 GB of memory, the Java
     *     heap has 0.9 GB free (of 1.0 GB; -Xmx sets the limit)"}
     */
    public static void require(Path file, long bytes, String what) throws FileException {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
        if (bytes <= available()) {
            return;
        }
        System.gc();
        long free = available();
        if (bytes > free) {
            throw new FileException(file, what + " needs " + gigabytes(bytes)
                    + " of memory, the Java heap has " + gigabytes(free) + " free (of "
                    + gigabytes(Runtime.getRuntime().maxMemory()) + "; -Xmx sets the limit)");
        }
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
