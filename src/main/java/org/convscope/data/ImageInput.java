package org.convscope.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.Arrays;
import org.convscope.io.FileException;

/**
 * Loads a picture of a digit (PNG or JPG, any size, colour, gray or with alpha) as ink: its
 * luminance, turned around when the ink is darker than the paper (the median of the border),
 * and stretched so that the paper is 0 and a full stroke is 1. Faint ink, under a tenth of the
 * contrast, is cleared as paper texture or JPEG ringing. Transparent pixels count as paper.
 */
public final class ImageInput {
    /** Below this difference between background and the strongest ink, the image is blank. */
    private static final float MIN_CONTRAST = 0.1f;
    /** Ink below this fraction of the contrast is paper texture or JPEG ringing, and cleared. */
    private static final float NOISE_FLOOR = 0.1f;

    private ImageInput() {}

    /**
     * Reads and converts an image file (PNG or JPG, checked as {@link ImageFile#read} does); throws
     * {@link DatasetException} naming the file and the problem.
     */
    public static InkImage load(Path file) {
        try {
            return toInk(ImageFile.read(file));
        } catch (FileException e) {
            throw new DatasetException(file, e.problem(), e);
        }
    }

    /** Converts a decoded image to ink, detecting which of ink and paper is the darker. */
    public static InkImage toInk(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        float[] luma = new float[width * height]; // [height][width], 0 = black, 1 = white
        float[] alpha = new float[width * height]; // [height][width], 0 = transparent
        readLumaAlpha(image, luma, alpha);
        flattenTransparency(luma, alpha);

        float paper = borderMedian(luma, width, height);
        float darkest = paper;
        float lightest = paper;
        for (float v : luma) {
            darkest = Math.min(darkest, v);
            lightest = Math.max(lightest, v);
        }
        boolean darkInk = paper - darkest >= lightest - paper;
        float contrast = darkInk ? paper - darkest : lightest - paper;
        float[] ink = new float[luma.length];
        if (contrast < MIN_CONTRAST) {
            return new InkImage(width, height, ink);
        }
        for (int i = 0; i < ink.length; i++) {
            ink[i] = Math.max(0f, darkInk ? paper - luma[i] : luma[i] - paper);
        }
        float floor = NOISE_FLOOR * contrast;
        float full = strokeLevel(ink, contrast) - floor;
        for (int i = 0; i < ink.length; i++) {
            ink[i] = Math.clamp((ink[i] - floor) / full, 0f, 1f);
        }
        return new InkImage(width, height, ink);
    }

    /**
     * The ink level of a full stroke: the 90th percentile of the pixels above half the
     * strongest, rather than the strongest itself, which may be a speck or JPEG overshoot.
     */
    private static float strokeLevel(float[] ink, float strongest) {
        int[] histogram = new int[1025];
        int count = 0;
        for (float v : ink) {
            if (v >= strongest / 2) {
                histogram[Math.min(1024, (int) (v / strongest * 1024))]++;
                count++;
            }
        }
        int rank = (int) (0.9 * count);
        int bin = 1024;
        for (int seen = count; bin > 512 && seen - histogram[bin] > rank; bin--) {
            seen -= histogram[bin];
        }
        return strongest * bin / 1024;
    }

    /**
     * Luminance (Rec. 601 weights on sRGB) and alpha in [0, 1]. Gray images are read from their
     * raster: going through getRGB would treat Java's linear gray as sRGB and brighten it.
     */
    private static void readLumaAlpha(BufferedImage image, float[] luma, float[] alpha) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getColorModel() instanceof ComponentColorModel model
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            Raster raster = image.getRaster();
            float grayMax = (1 << model.getComponentSize(0)) - 1;
            boolean hasAlpha = model.hasAlpha();
            float alphaMax = hasAlpha ? (1 << model.getComponentSize(1)) - 1 : 1;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    luma[y * width + x] = raster.getSample(x, y, 0) / grayMax;
                    alpha[y * width + x] = hasAlpha ? raster.getSample(x, y, 1) / alphaMax : 1f;
                }
            }
            return;
        }
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                luma[y * width + x] = (0.299f * (argb >> 16 & 0xff) + 0.587f * (argb >> 8 & 0xff)
                        + 0.114f * (argb & 0xff)) / 255f;
                alpha[y * width + x] = (argb >>> 24) / 255f;
            }
        }
    }

    /**
     * Composites the image over a background opposite to its opaque pixels (white under dark
     * strokes, black under light ones), so that transparent pixels end up as paper.
     */
    private static void flattenTransparency(float[] luma, float[] alpha) {
        double weighted = 0;
        double opacity = 0;
        for (int i = 0; i < luma.length; i++) {
            weighted += alpha[i] * luma[i];
            opacity += alpha[i];
        }
        if (opacity == luma.length) {
            return;
        }
        float background = opacity > 0 && weighted / opacity < 0.5 ? 1f : 0f;
        for (int i = 0; i < luma.length; i++) {
            luma[i] = alpha[i] * luma[i] + (1 - alpha[i]) * background;
        }
    }

    /** Median luminance of the outermost rows and columns: the paper. */
    private static float borderMedian(float[] luma, int width, int height) {
        float[] border = new float[2 * width + 2 * Math.max(height - 2, 0)];
        int n = 0;
        for (int x = 0; x < width; x++) {
            border[n++] = luma[x];
            if (height > 1) {
                border[n++] = luma[(height - 1) * width + x];
            }
        }
        for (int y = 1; y < height - 1; y++) {
            border[n++] = luma[y * width];
            if (width > 1) {
                border[n++] = luma[y * width + width - 1];
            }
        }
        float[] sorted = Arrays.copyOf(border, n);
        Arrays.sort(sorted);
        return sorted[n / 2];
    }
}
