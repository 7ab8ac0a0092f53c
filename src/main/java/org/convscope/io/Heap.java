package org.convscope.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How much the Java heap can still give, so a reader can refuse a file whose contents would not fit
 * before it allocates anything for them.
 */
public final class Heap {
    /** Kept free for everything else the program allocates meanwhile. */
    static final long HEADROOM_BYTES = 32L << 20;

    private Heap() {}

    /**
     * Bytes the heap can still grow by: {@code maxMemory − (totalMemory − freeMemory)}. Garbage not
     * yet collected counts as used, so when {@code wanted} bytes do not seem to fit the heap is
     * collected once and measured again.
     */
    public static long available(long wanted) {
        long available = measure();
        if (wanted > available - HEADROOM_BYTES) {
            System.gc();
            available = measure();
        }
        return available;
    }

    /** Whether {@code bytes} more fit in the heap, with room to spare for the rest of the program. */
    public static boolean fits(long bytes) {
        return bytes >= 0 && bytes <= available(bytes) - HEADROOM_BYTES;
    }

    /**
     * Refuses {@code bytes} that do not fit in the heap: {@code "<file>: <purpose> needs about
     * 3.1 GB, the Java heap has 0.9 GB free (start Java with a larger -Xmx)"}.
     *
     * @param purpose what needs the memory, e.g. {@code "reading this 1.5 GB file"}
     */
    public static void require(Path file, long bytes, String purpose) throws FileException {
        if (!fits(bytes)) {
            throw new FileException(file, purpose + " needs about " + size(bytes)
                    + ", the Java heap has " + size(Math.max(0, measure() - HEADROOM_BYTES))
                    + " free (start Java with a larger -Xmx)");
        }
    }

    /** A byte count for people: {@code "812 bytes"}, {@code "3.4 kB"}, {@code "47.0 MB"}, {@code "1.5 GB"}. */
    public static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static long measure() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }
}
