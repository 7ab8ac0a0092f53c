package org.convscope.ui.explorer.network;

import java.nio.IntBuffer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.convscope.ui.view.ColorMap;

/**
 * An image of a matrix, one square block of screen pixels per value: the values are enlarged here by a whole factor
 * (nearest neighbour), because not every rendering pipeline honours {@code setSmooth(false)} and a smoothed 5×5
 * kernel is a blur, not a kernel. Sizes that are not a multiple fall back to smooth scaling of the remainder.
 */
public final class PixelView extends ImageView {
    private final boolean pixelated;
    private WritableImage image;
    private int[] pixels = new int[0];
    private int[] colours = new int[0];

    /** A view shown at displayWidth×displayHeight; pixelated enlarges by whole factors, otherwise the image is smoothed. */
    public PixelView(double displayWidth, double displayHeight, boolean pixelated) {
        this.pixelated = pixelated;
        setSmooth(!pixelated);
        setFitWidth(displayWidth);
        setFitHeight(displayHeight);
    }

    /** Paints data[off…] (width×height values) with the map over [min, max]. */
    public void paint(float[] data, int off, int width, int height, ColorMap map, float min, float max) {
        int count = width * height;
        if (colours.length < count) colours = new int[count];
        for (int i = 0; i < count; i++) colours[i] = map.argb(data[off + i], min, max);
        show(colours, width, height);
    }

    /** Shows width×height ARGB colours (non-premultiplied). */
    public void show(int[] argb, int width, int height) {
        int fx = pixelated ? Math.max(1, (int) Math.floor(getFitWidth() / width + 1e-6)) : 1;
        int fy = pixelated ? Math.max(1, (int) Math.floor(getFitHeight() / height + 1e-6)) : 1;
        int w = width * fx;
        int h = height * fy;
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            pixels = new int[w * h];
            setImage(image);
        }
        for (int y = 0; y < h; y++) {
            int src = (y / fy) * width;
            int dst = y * w;
            for (int x = 0; x < w; x++) pixels[dst + x] = argb[src + x / fx];
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(pixels), w);
    }
}
