package org.convscope.ui.explorer;

import org.convscope.data.Photo;

/**
 * The picture a colour model starts on, before the user opens a photo: made here, not downloaded. A sky that pales
 * towards the horizon, a yellow sun, a green hill and a red house with a brown roof: colour blobs and edges in every
 * direction, which is what first-layer filters respond to.
 */
public final class GeneratedPhoto {
    public static final String NAME = "generated picture";
    public static final int WIDTH = 320;
    public static final int HEIGHT = 240;

    private GeneratedPhoto() {}

    public static Photo make() {
        int plane = WIDTH * HEIGHT;
        float[] rgb = new float[3 * plane];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                float[] c = colour(x, y);
                for (int k = 0; k < 3; k++) rgb[k * plane + y * WIDTH + x] = c[k];
            }
        }
        return new Photo(WIDTH, HEIGHT, rgb);
    }

    private static float[] colour(int x, int y) {
        double hill = 160 - 30 * Math.sin(x / 60.0);
        boolean wall = x >= 70 && x < 150 && y >= 130 && y < 200;
        boolean door = x >= 100 && x < 120 && y >= 165 && y < 200;
        boolean roof = y >= 90 && y < 130 && Math.abs(x - 110) <= (y - 90) * 1.15;
        double sun = Math.hypot(x - 250, y - 55);
        if (door) return new float[] {0.30f, 0.18f, 0.10f};
        if (wall) return new float[] {0.80f, 0.12f, 0.10f};
        if (roof) return new float[] {0.45f, 0.25f, 0.12f};
        if (sun < 28) return new float[] {1f, 0.85f, 0.15f};
        if (y >= hill) {
            float shade = (float) (0.15 * Math.sin(x / 7.0) * Math.sin(y / 5.0));
            return new float[] {0.20f + shade, 0.55f + shade, 0.18f};
        }
        float t = (float) (y / hill);
        return new float[] {0.35f + 0.5f * t, 0.60f + 0.3f * t, 0.95f};
    }
}
