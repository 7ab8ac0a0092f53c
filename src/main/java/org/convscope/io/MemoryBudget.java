package org.convscope.io;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a reader may allocate: the heap the JVM may still grow to, less {@value #HEADROOM_MB} MB kept for the rest of
 * the application. A reader computes what a file's claims would cost, in {@code long}, and asks here before it
 * allocates, so that a small file claiming gigabytes is refused in words ("needs 4.1 GB, the heap allows 1.5 GB")
 * instead of ending in an {@link OutOfMemoryError}.
 *
 * <p>The heap in use counts garbage not yet collected; a request that does not fit is therefore checked once more
 * after a collection, unless it could not fit even in an empty heap. Collections are asked for at most once every
 * {@value #GC_INTERVAL_MILLIS} ms, so that a stream of hostile files cannot keep the collector busy; in between, the
 * heap in use after the last one stands for the live data.
 */
public final class MemoryBudget {
    /** Kept free for everything else the application does meanwhile, in MB. */
    public static final long HEADROOM_MB = 64;
    private static final long HEADROOM = HEADROOM_MB << 20;
    private static final long GC_INTERVAL_MILLIS = 2000;
    /** The largest array the JVM allocates, in elements. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final AtomicLong lastGc = new AtomicLong(System.nanoTime() - GC_INTERVAL_MILLIS * 1_000_000L);

    private MemoryBudget() {}

    /** The heap in use right after the last collection asked for here; −1 before the first. */
    private static volatile long usedAfterCollection = -1;

    /** Bytes that may be allocated now, as far as the heap in use (garbage included) tells. */
    public static long allowance() {
        return Math.max(0, Runtime.getRuntime().maxMemory() - used() - HEADROOM);
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * Null when {@code bytes} may be allocated, else the shortfall in words: "needs 4.1 GB, the heap allows 1.5 GB".
     * A negative request (an overflowed count) never fits.
     */
    public static String shortfall(long bytes) {
        if (bytes >= 0 && bytes <= allowance()) {
            return null;
        }
        long ceiling = Runtime.getRuntime().maxMemory() - HEADROOM;
        if (bytes >= 0 && bytes <= ceiling) {
            if (mayCollect()) {
                System.gc(); // garbage may be all that is in the way; only on this rare path
                usedAfterCollection = used();
                if (bytes <= allowance()) {
                    return null;
                }
            } else if (usedAfterCollection >= 0 && bytes <= Runtime.getRuntime().maxMemory() - usedAfterCollection - HEADROOM) {
                // collected moments ago: what was in use then is the live data, the rest since is mostly garbage
                // (photos opened one after another make tens of MB of it each; refusing them would be wrong)
                return null;
            }
        }
        return "needs " + (bytes < 0 ? "more than " + size(Long.MAX_VALUE) : size(bytes))
                + ", the heap allows " + size(allowance());
    }

    /**
     * {@link #shortfall} for one array, which lies in one space of the heap: with the Parallel collector (the app's),
     * the old generation, at most two thirds of the heap, is the largest, so a 1.3 GB array does not fit in a 2 GB heap
     * that has 1.7 GB free in all. Null when it fits, else the shortfall in words ("needs 1.3 GB in one piece, the
     * heap's largest space has 1.2 GB free").
     */
    public static String shortfallOfOneArray(long bytes) {
        String total = shortfall(bytes);
        if (total != null) return total;
        if (bytes > MAX_ARRAY) return "needs " + size(bytes) + ", more than one array holds (2.0 GB)";
        if (bytes <= largestSpaceFree()) return null;
        if (mayCollect()) {
            System.gc();
            usedAfterCollection = used();
            if (bytes <= largestSpaceFree()) return null;
        }
        return "needs " + size(bytes) + " in one piece, the heap's largest space has " + size(largestSpaceFree())
                + " free";
    }

    /** What the heap space with the most room has free, less the headroom; the heap's allowance if none says. */
    private static long largestSpaceFree() {
        long best = -1;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pool.getType() == MemoryType.HEAP ? pool.getUsage() : null;
            if (usage != null && usage.getMax() > 0) best = Math.max(best, usage.getMax() - usage.getUsed());
        }
        return best < 0 ? allowance() : Math.max(0, best - HEADROOM);
    }

    private static boolean mayCollect() {
        long now = System.nanoTime();
        long last = lastGc.get();
        return now - last >= GC_INTERVAL_MILLIS * 1_000_000L && lastGc.compareAndSet(last, now);
    }

    /** Throws a {@link FileException} naming {@code file} when {@code bytes} for {@code what} do not fit. */
    public static void require(Path file, long bytes, String what) throws FileException {
        String shortfall = shortfall(bytes);
        if (shortfall != null) {
            throw new FileException(file, what + " " + shortfall);
        }
    }

    /** A byte count in words with one decimal: "812 bytes", "3.4 KB", "4.1 GB" (units of 1024). */
    public static String size(long bytes) {
        String[] units = {"KB", "MB", "GB", "TB", "PB", "EB"};
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
