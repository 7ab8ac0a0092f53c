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
        show(colours, width, height, PixelFormat.getIntArgbPreInstance()); // opaque: premultiplied is the same
    }

    /** Shows width×height ARGB colours (non-premultiplied). */
    public void show(int[] argb, int width, int height) {
        show(argb, width, height, PixelFormat.getIntArgbInstance());
    }

    private void show(int[] argb, int width, int height, PixelFormat<java.nio.IntBuffer> format) {
        int fx = pixelated ? Math.max(1, (int) Math.floor(getFitWidth() / width + 1e-6)) : 1;
        int fy = pixelated ? Math.max(1, (int) Math.floor(getFitHeight() / height + 1e-6)) : 1;
        int w = width * fx;
        int h = height * fy;
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            pixels = new int[w * h];
            setImage(image);
        }
        for (int y = 0; y < height; y++) {
            int dst = y * fy * w;
            for (int x = 0, d = dst; x < width; x++) {
                int c = argb[y * width + x];
                for (int k = 0; k < fx; k++) pixels[d++] = c;
            }
            for (int k = 1; k < fy; k++) System.arraycopy(pixels, dst, pixels, dst + k * w, w);
        }
        image.getPixelWriter().setPixels(0, 0, w, h, format, IntBuffer.wrap(pixels), w);
    }

    /**
     * Paints the rows [top, bottom) and columns [left, right) of a width×height matrix whose image is already shown
     * at 1:1 (a view that is not pixelated): for redrawing just what a pen stroke touched.
     */
    public void paintRegion(float[] data, int width, int height, int left, int top, int right, int bottom,
                            ColorMap map, float min, float max) {
        if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
            paint(data, 0, width, height, map, min, max);
            return;
        }
        int w = right - left;
        int h = bottom - top;
        if (w <= 0 || h <= 0) return;
        if (colours.length < w * h) colours = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) colours[y * w + x] = map.argb(data[(top + y) * width + left + x], min, max);
        }
        image.getPixelWriter().setPixels(left, top, w, h, PixelFormat.getIntArgbPreInstance(), IntBuffer.wrap(colours), w);
    }

    /**
     * Paints a width×height matrix fitted into this view's fixed size, centred, keeping its aspect ratio (nearest
     * value), on the map's colour for min: for pictures whose size changes with every frame, without a new image.
     */
    public void paintFitted(float[] data, int width, int height, ColorMap map, float min, float max) {
        int w = (int) getFitWidth();
        int h = (int) getFitHeight();
        double scale = Math.min((double) w / width, (double) h / height);
        int sw = Math.max(1, (int) Math.round(width * scale));
        int sh = Math.max(1, (int) Math.round(height * scale));
        int x0 = (w - sw) / 2;
        int y0 = (h - sh) / 2;
        if (colours.length < w * h) colours = new int[w * h];
        java.util.Arrays.fill(colours, 0, w * h, map.argb(min, min, max));
        for (int y = 0; y < sh; y++) {
            int src = Math.min(height - 1, (int) (y / scale)) * width;
            for (int x = 0; x < sw; x++) {
                colours[(y0 + y) * w + x0 + x] = map.argb(data[src + Math.min(width - 1, (int) (x / scale))], min, max);
            }
        }
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            setImage(image);
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), IntBuffer.wrap(colours), w);
    }
}
