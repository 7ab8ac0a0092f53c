package org.convscope.engine;

import java.util.Locale;
import org.convscope.engine.spec.InvalidNetworkException;

/**
 * Checks an allocation that a file or a specification asks for against the heap before it is made, so that a model
 * too large for this machine is one line ("needs 4.1 GB, the heap allows 1.5 GB"), not an OutOfMemoryError.
 */
public final class MemoryBudget {
    /** The share of the heap limit one request may take: the app needs the rest. */
    private static final double SHARE = 0.8;

    private MemoryBudget() {}

    /** Throws {@link InvalidNetworkException} "WHAT need N GB, the heap allows M GB" when bytes do not fit. */
    public static void require(String what, long bytes) {
        long allowed = (long) (Runtime.getRuntime().maxMemory() * SHARE);
        if (bytes < 0 || bytes > allowed) {
            throw new InvalidNetworkException(what + " need " + (bytes < 0 || bytes == Long.MAX_VALUE ? "more than 8 EB" : size(bytes))
                    + ", the heap allows " + size(allowed) + " (start Java with a larger -Xmx)");
        }
    }

    /** {@link #require} for a count of floats (4 bytes each); a saturated count is "more than 8 EB". */
    public static void requireFloats(String what, long floats) {
        require(what, times(floats, 4));
    }

    /** "1.5 GB", "312 MB", "40 KB". */
    public static String size(long bytes) {
        if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        if (bytes >= 1L << 20) return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
        return String.format(Locale.ROOT, "%.0f KB", Math.max(1, bytes / 1024.0));
    }

    /** a·b for a, b ≥ 0, or Long.MAX_VALUE when it would overflow. */
    public static long times(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }

    /** a·b·c·… for factors ≥ 0, saturating at Long.MAX_VALUE. */
    public static long product(long... factors) {
        long p = 1;
        for (long f : factors) p = times(p, f);
        return p;
    }

    /** a + b for a, b ≥ 0, saturating at Long.MAX_VALUE. */
    public static long plus(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }
}
