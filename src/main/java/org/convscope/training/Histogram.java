package org.convscope.training;

/**
 * Counts of values in equal-width bins between the smallest and the largest value (all in the last bin when they are
 * equal). Non-finite values are left out. The array must not be modified.
 *
 * @param counts [bins]: counts[b] holds the values in [min + b·w, min + (b+1)·w), the last bin also the maximum
 */
public record Histogram(float min, float max, int[] counts) {
    public static final int BINS = 32;

    /** The histogram of values[from, from + length) in {@code bins} bins. */
    public static Histogram of(float[] values, int from, int length, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be ≥ 1, got " + bins);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = from; i < from + length; i++) {
            float v = values[i];
            if (!Float.isFinite(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        int[] counts = new int[bins];
        if (lo > hi) return new Histogram(0, 0, counts);
        double scale = hi > lo ? bins / ((double) hi - lo) : 0;
        for (int i = from; i < from + length; i++) {
            float v = values[i];
            if (!Float.isFinite(v)) continue;
            int b = hi > lo ? (int) ((v - (double) lo) * scale) : bins - 1;
            counts[Math.min(b, bins - 1)]++;
        }
        return new Histogram(lo, hi, counts);
    }

    public static Histogram of(float[] values) {
        return of(values, 0, values.length, BINS);
    }

    /** How many values were counted. */
    public long total() {
        long n = 0;
        for (int c : counts) n += c;
        return n;
    }
}
