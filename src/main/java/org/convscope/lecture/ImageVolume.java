package org.convscope.lecture;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.convscope.data.ImageFile;
import org.convscope.engine.Dims;
import org.convscope.io.FileException;

/**
 * An image file (PNG or JPG, checked as {@link ImageFile#read} does) as a lecture input: the middle square of the picture, averaged down (or repeated up) to side × side
 * pixels of whole numbers 0..255, as the classic examples show pixels. A gray picture (or a colour file whose pixels
 * are all gray) is one channel; a colour picture is three, red, green and blue. Transparent pixels count as white.
 */
public final class ImageVolume {
    private ImageVolume() {}

    public static Volume load(Path file, int side) throws FileException {
        if (side < 1) throw new IllegalArgumentException("image side " + side + ", expected at least 1");
        return of(ImageFile.read(file), side);
    }

    /** A decoded image as a 1×side×side (gray) or 3×side×side (colour) volume. */
    public static Volume of(BufferedImage image, int side) {
        int crop = Math.min(image.getWidth(), image.getHeight());
        int x0 = (image.getWidth() - crop) / 2;
        int y0 = (image.getHeight() - crop) / 2;
        int[] argb = image.getRGB(x0, y0, crop, crop, null, 0, crop); // [crop][crop]
        boolean gray = true;
        for (int i = 0; i < argb.length; i++) {
            argb[i] = overWhite(argb[i]);
            int r = argb[i] >> 16 & 0xFF;
            gray &= r == (argb[i] >> 8 & 0xFF) && r == (argb[i] & 0xFF);
        }
        int channels = gray ? 1 : 3;
        float[] values = new float[channels * side * side]; // [channels][side][side]
        for (int y = 0; y < side; y++) {
            int sy0 = y * crop / side;
            int sy1 = Math.max(sy0 + 1, (y + 1) * crop / side);
            for (int x = 0; x < side; x++) {
                int sx0 = x * crop / side;
                int sx1 = Math.max(sx0 + 1, (x + 1) * crop / side);
                for (int c = 0; c < channels; c++) {
                    int shift = 16 - 8 * c;
                    long sum = 0;
                    for (int sy = sy0; sy < sy1; sy++) {
                        for (int sx = sx0; sx < sx1; sx++) sum += argb[sy * crop + sx] >> shift & 0xFF;
                    }
                    values[(c * side + y) * side + x] = Math.round((float) sum / ((sy1 - sy0) * (sx1 - sx0)));
                }
            }
        }
        return new Volume(new Dims(channels, side, side), values);
    }

    /** The pixel composited over white, opaque. */
    private static int overWhite(int argb) {
        int a = argb >>> 24;
        if (a == 0xFF) return argb;
        int out = 0xFF000000;
        for (int shift = 0; shift <= 16; shift += 8) {
            int v = argb >> shift & 0xFF;
            out |= (v * a + 0xFF * (0xFF - a) + 127) / 0xFF << shift;
        }
        return out;
    }
}
