package org.convscope.engine;

/**
 * The shape of one sample: channels × height × width in memory (channel-major), written height × width × depth. A
 * flat vector of n units is n × 1 × 1.
 */
public record Dims(int channels, int height, int width) {
    /** The most values one sample may have: arrays are indexed by int, and a batch must fit too. */
    public static final int MAX_SIZE = 1 << 30;

    public Dims {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("dimensions must be positive, got " + height + "×" + width + "×" + channels
                    + " (height × width × depth)");
        }
        if ((long) channels * height * width > MAX_SIZE) {
            throw new IllegalArgumentException(height + "×" + width + "×" + channels + " is too large: at most "
                    + MAX_SIZE + " values per sample");
        }
    }

    public static Dims vector(int units) {
        return new Dims(units, 1, 1);
    }

    /** Number of floats in one sample. */
    public int size() {
        return channels * height * width;
    }

    public boolean isVector() {
        return height == 1 && width == 1;
    }

    /**
     * "28×28×6" (height × width × depth, as the classic texts and every screen of the app write a volume), or "120"
     * for a vector.
     */
    @Override
    public String toString() {
        return isVector() ? Integer.toString(channels) : height + "×" + width + "×" + channels;
    }
}
