package org.convscope.ui.view;

import java.nio.IntBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Writes a matrix of values into a {@link WritableImage}, one pixel per value, through one bulk pixel write. */
public final class Heatmap {
    private Heatmap() {}

    /** Range of data[off, off + count). */
    public static float[] range(float[] data, int off, int count) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = off; i < off + count; i++) {
            min = Math.min(min, data[i]);
            max = Math.max(max, data[i]);
        }
        return count == 0 ? new float[] {0, 0} : new float[] {min, max};
    }

    /**
     * Paints the width×height values at data[off…] into image (which must be width×height) with the colour map over
     * [min, max]. {@code pixels} is a reusable buffer of at least width·height ints.
     */
    public static void paint(WritableImage image, float[] data, int off, int width, int height, ColorMap map,
                             float min, float max, int[] pixels) {
        int count = width * height;
        for (int i = 0; i < count; i++) pixels[i] = map.argb(data[off + i], min, max);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(),
                IntBuffer.wrap(pixels, 0, count), width);
    }

    /** A new image with the values painted. */
    public static WritableImage image(float[] data, int off, int width, int height, ColorMap map, float min, float max) {
        WritableImage image = new WritableImage(width, height);
        paint(image, data, off, width, height, map, min, max, new int[width * height]);
        return image;
    }
}
