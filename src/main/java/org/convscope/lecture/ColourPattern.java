package org.convscope.lecture;

import org.convscope.data.Photo;

/**
 * A colour test picture for networks that take photos, where red, green and blue differ everywhere: the colour wheel
 * (hue by angle around the middle, white at the middle, full colour at the rim) on black, crossed by a white and a
 * black bar, so that first-layer filters find colour blobs and edges in every direction.
 */
public final class ColourPattern {
    /** Side of the picture, in pixels. */
    public static final int SIDE = 256;

    private ColourPattern() {}

    public static Photo photo() {
        int plane = SIDE * SIDE;
        float[] planes = new float[3 * plane]; // [3][SIDE][SIDE]
        double mid = (SIDE - 1) / 2.0;
        double rim = SIDE * 0.45;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double dx = x - mid;
                double dy = y - mid;
                double r = Math.hypot(dx, dy) / rim;
                double hue = (Math.atan2(dy, dx) / (2 * Math.PI) + 1) % 1;
                float[] rgb = r > 1 ? new float[3] : hueToRgb(hue, r);
                if (Math.abs(y - SIDE * 0.7) < SIDE * 0.03) rgb = new float[] {1, 1, 1};
                if (Math.abs(x - SIDE * 0.3) < SIDE * 0.03) rgb = new float[3];
                for (int c = 0; c < 3; c++) planes[c * plane + y * SIDE + x] = rgb[c];
            }
        }
        return new Photo(SIDE, SIDE, planes);
    }

    /** The colour of hue (0 to 1 around the wheel) at saturation s and full brightness. */
    private static float[] hueToRgb(double hue, double s) {
        float[] rgb = new float[3];
        int[] offsets = {5, 3, 1}; // HSV to RGB: f(n) = V − V·S·max(0, min(k, 4 − k, 1)), k = (n + 6·hue) mod 6
        for (int c = 0; c < 3; c++) {
            double k = (offsets[c] + hue * 6) % 6;
            rgb[c] = (float) (1 - s * Math.max(0, Math.min(1, Math.min(k, 4 - k))));
        }
        return rgb;
    }
}
