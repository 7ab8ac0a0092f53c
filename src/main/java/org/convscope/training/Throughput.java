package org.convscope.training;

/** Images per second over roughly the last two seconds of training (pauses do not count). */
final class Throughput {
    private static final long WINDOW_NANOS = 2_000_000_000L;
    private static final int SLOTS = 256;

    private final long[] times = new long[SLOTS];
    private final long[] images = new long[SLOTS];
    private int head;
    private int count;
    private long total;

    /** Marks the start of a stretch of training (after a pause). */
    void start(long now) {
        count = 0;
        add(now, 0);
    }

    void add(long now, int batchImages) {
        total += batchImages;
        times[head] = now;
        images[head] = total;
        head = (head + 1) % SLOTS;
        count = Math.min(count + 1, SLOTS);
    }

    double imagesPerSecond() {
        if (count < 2) return 0;
        int newest = Math.floorMod(head - 1, SLOTS);
        int oldest = Math.floorMod(head - count, SLOTS);
        for (int k = 0; k < count - 1; k++) {
            int i = Math.floorMod(head - count + k, SLOTS);
            if (times[newest] - times[i] <= WINDOW_NANOS) {
                oldest = i;
                break;
            }
        }
        long nanos = times[newest] - times[oldest];
        return nanos <= 0 ? 0 : (images[newest] - images[oldest]) * 1e9 / nanos;
    }
}
