package org.convscope.ui.explorer;

import javafx.scene.paint.Color;

/**
 * A saliency map as overlay pixels: the alpha grows with |s| relative to the largest |s| (min(1, 1.4·|s|/max)·220),
 * in the for colour where the pixel supports the class explained and the against colour where it argues against it.
 */
final class SaliencyColours {
    private SaliencyColours() {}

    /** Fills out[0, s.length) with non-premultiplied ARGB. */
    static void paint(float[] s, Color supports, Color against, int[] out) {
        float max = 0;
        for (float v : s) max = Math.max(max, Math.abs(v));
        int positive = rgb(supports);
        int negative = rgb(against);
        for (int i = 0; i < s.length; i++) {
            float t = max == 0 ? 0 : s[i] / max;
            int alpha = Math.round(Math.min(1f, Math.abs(t) * 1.4f) * 220);
            out[i] = alpha << 24 | (t >= 0 ? positive : negative);
        }
    }

    private static int rgb(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
