package org.convscope.ui.explorer.network;

import org.convscope.ui.view.ColorMap;

/**
 * Maps drawn into one ARGB pixel buffer, each scaled to a square tile by nearest value: many channels in one image,
 * no node per channel or per pixel.
 */
final class Thumbnails {
    private Thumbnails() {}

    /**
     * Paints the h×w map at data[off…] into the size×size square at (x0, y0) of a buffer {@code stride} pixels wide:
     * pixel (x, y) shows value [⌊y·h/size⌋][⌊x·w/size⌋].
     */
    static void tile(int[] dst, int stride, int x0, int y0, int size, float[] data, int off, int h, int w,
                     ColorMap map, float min, float max) {
        for (int y = 0; y < size; y++) {
            int src = off + (int) ((long) y * h / size) * w;
            int d = (y0 + y) * stride + x0;
            for (int x = 0; x < size; x++) dst[d + x] = map.argb(data[src + (int) ((long) x * w / size)], min, max);
        }
    }

    /**
     * Paints three h×w channels (R, G, B planes of data[0…]) as one colour picture in the size×size square at
     * (x0, y0), each channel stretched by the range of all three: the image as the network sees it.
     */
    static void rgb(int[] dst, int stride, int x0, int y0, int size, float[] data, int h, int w) {
        int plane = h * w;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < 3 * plane; i++) {
            min = Math.min(min, data[i]);
            max = Math.max(max, data[i]);
        }
        float scale = max > min ? 255f / (max - min) : 0;
        for (int y = 0; y < size; y++) {
            int src = (int) ((long) y * h / size) * w;
            int d = (y0 + y) * stride + x0;
            for (int x = 0; x < size; x++) {
                int i = src + (int) ((long) x * w / size);
                int r = Math.round((data[i] - min) * scale);
                int g = Math.round((data[plane + i] - min) * scale);
                int b = Math.round((data[2 * plane + i] - min) * scale);
                dst[d + x] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
    }

    /** Paints n values as a grid of cells (row-major, {@code columns} wide), each cell×cell, at (x0, y0). */
    static void units(int[] dst, int stride, int x0, int y0, int cell, int columns, float[] data, int off, int n,
                      ColorMap map, float min, float max) {
        for (int u = 0; u < n; u++) {
            int colour = map.argb(data[off + u], min, max);
            int cx = x0 + (u % columns) * cell;
            int cy = y0 + (u / columns) * cell;
            for (int y = 0; y < cell; y++) java.util.Arrays.fill(dst, (cy + y) * stride + cx, (cy + y) * stride + cx + cell, colour);
        }
    }
}
