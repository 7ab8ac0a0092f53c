package org.convscope.ui.view;

/**
 * Colour maps for values: {@link #INK} (white to black, as digits are drawn), {@link #VIRIDIS} (dark blue to yellow,
 * for activations) and {@link #DIVERGING} (blue for negative, white for zero, red for positive, so that negative
 * weights stay visible). Each is a 256-entry lookup table of opaque ARGB colours.
 */
public enum ColorMap {
    INK(false, new int[] {0xFFFFFF, 0x000000}),
    VIRIDIS(false, new int[] {0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725}),
    DIVERGING(true, new int[] {0x2166AC, 0x67A9CF, 0xF7F7F7, 0xEF8A62, 0xB2182B});

    private final boolean symmetric;
    private final int[] table = new int[256];

    ColorMap(boolean symmetric, int[] stops) {
        this.symmetric = symmetric;
        for (int i = 0; i < 256; i++) {
            double pos = i / 255.0 * (stops.length - 1);
            int lo = Math.min((int) pos, stops.length - 2);
            double f = pos - lo;
            table[i] = 0xFF000000 | lerp(stops[lo], stops[lo + 1], f);
        }
    }

    private static int lerp(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return r << 16 | g << 8 | bl;
    }

    /** Whether the map is centred on zero (its range is ±max|value|). */
    public boolean symmetric() {
        return symmetric;
    }

    /** The colour of position t in [0, 1] along the map. */
    public int argbAt(double t) {
        int i = (int) Math.round(Math.max(0, Math.min(1, t)) * 255);
        return table[i];
    }

    /**
     * The colour of a value within [min, max]. Symmetric maps put 0 at the centre and ±max(|min|, |max|) at the ends;
     * an empty range gives the map's centre (symmetric) or its start.
     */
    public int argb(float value, float min, float max) {
        if (symmetric) {
            float extent = Math.max(Math.abs(min), Math.abs(max));
            return extent == 0 ? table[128] : argbAt(0.5 + 0.5 * value / extent);
        }
        return max <= min ? table[0] : argbAt((value - min) / (max - min));
    }

    /** The value range this map shows for data within [min, max] (symmetric maps widen it around 0). */
    public float[] displayRange(float min, float max) {
        if (!symmetric) return new float[] {min, max};
        float extent = Math.max(Math.abs(min), Math.abs(max));
        return new float[] {-extent, extent};
    }
}
