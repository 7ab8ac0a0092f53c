package org.convscope.ui.training;

import java.nio.IntBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.convscope.ui.view.ColorMap;

/**
 * Paints many small matrices into one image, tiled in a grid with a one-pixel gap, each value a scale×scale block
 * (crisp at any pipeline, unlike a scaled ImageView), through a single bulk pixel write; the image is reused while
 * its size stays the same.
 */
public final class Mosaic {
    static final int GAP_ARGB = 0xFF3A3F47;

    private WritableImage image;
    private int[] pixels = new int[0];

    /**
     * Tiles {@code count} matrices of tileH×tileW taken from data[offset(i)…] in {@code columns} columns, each value
     * {@code scale} pixels wide.
     *
     * @param range [min, max] for the colour map
     */
    public WritableImage paint(float[] data, int count, int columns, int tileH, int tileW, int scale, Offsets offsets,
                        ColorMap map, float[] range) {
        int rows = (count + columns - 1) / columns;
        int cellW = tileW * scale + 1;
        int cellH = tileH * scale + 1;
        int width = columns * cellW + 1;
        int height = rows * cellH + 1;
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new WritableImage(width, height);
            pixels = new int[width * height];
        }
        java.util.Arrays.fill(pixels, GAP_ARGB);
        for (int i = 0; i < count; i++) {
            int x0 = 1 + (i % columns) * cellW;
            int y0 = 1 + (i / columns) * cellH;
            int off = offsets.of(i);
            for (int y = 0; y < tileH * scale; y++) {
                int row = (y0 + y) * width + x0;
                int src = off + (y / scale) * tileW;
                for (int x = 0; x < tileW * scale; x++) {
                    pixels[row + x] = map.argb(data[src + x / scale], range[0], range[1]);
                }
            }
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(),
                IntBuffer.wrap(pixels), width);
        return image;
    }

    /** Where tile i starts in the data. */
    @FunctionalInterface
    public interface Offsets {
        int of(int tile);
    }
}
