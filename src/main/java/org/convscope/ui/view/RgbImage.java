package org.convscope.ui.view;

import java.nio.IntBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** A colour image from three planes of values in [0, 1] ([3][height][width], R then G then B), each pixel scale×scale. */
public final class RgbImage {
    private RgbImage() {}

    public static WritableImage of(float[] data, int offset, int width, int height, int scale) {
        int plane = width * height;
        int w = width * scale;
        int h = height * scale;
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = offset + (y / scale) * width + x / scale;
                pixels[y * w + x] = 0xFF000000 | channel(data[i]) << 16 | channel(data[i + plane]) << 8
                        | channel(data[i + 2 * plane]);
            }
        }
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), IntBuffer.wrap(pixels), w);
        return image;
    }

    private static int channel(float v) {
        return Math.round(Math.clamp(v, 0f, 1f) * 255);
    }
}
