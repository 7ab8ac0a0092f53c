package org.convscope.ui.explorer;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import org.convscope.data.Photo;

/** A JavaFX image (pasted, dropped from a browser) as a {@link Photo}; transparent pixels blended onto white. */
final class FxPhoto {
    private FxPhoto() {}

    /** IllegalArgumentException when the image is empty, larger than {@link Photo#MAX_PIXELS} or cannot be read. */
    static Photo of(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        if (w < 1 || h < 1) throw new IllegalArgumentException("the image is empty");
        if ((long) w * h > Photo.MAX_PIXELS) {
            throw new IllegalArgumentException(w + "×" + h + " pixels; ConvScope reads photos of at most "
                    + Photo.MAX_PIXELS / 1_000_000 + " million pixels");
        }
        PixelReader reader = image.getPixelReader();
        if (reader == null) throw new IllegalArgumentException("its pixels cannot be read");
        int[] argb = new int[w * h];
        reader.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return Photo.ofArgb(w, h, argb);
    }
}
