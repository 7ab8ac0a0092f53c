package org.convscope.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A photo as the networks of the world take it: red, green and blue planes of values in [0, 1] (a gray image has
 * three equal planes). {@link PhotoPreprocess} turns it into a network's input.
 *
 * @param planes [3][height][width]
 */
public record Photo(int width, int height, float[] planes) {
    /** The most pixels a photo may have: a 12000×8000 camera image, 384 MB of floats once decoded. */
    public static final long MAX_PIXELS = 96_000_000L;

    public Photo {
        if ((long) width * height * 3 != planes.length) {
            throw new IllegalArgumentException("a " + width + "×" + height + " photo needs " + 3L * width * height + " values");
        }
    }

    /** Reads a PNG or JPG file, its size checked against {@link #MAX_PIXELS} before the pixels are decoded. */
    public static Photo load(Path file) {
        if (!Files.isRegularFile(file)) throw new DatasetException(file, Files.exists(file) ? "not a regular file" : "no such file");
        ImagePixels.Header header = ImagePixels.header(file);
        long pixels = (long) header.width() * header.height();
        if (pixels > MAX_PIXELS) {
            throw new DatasetException(file, header.width() + "×" + header.height() + " pixels; ConvScope reads photos of"
                    + " at most " + MAX_PIXELS / 1_000_000 + " million pixels");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(file, "cannot read: " + DatasetException.describe(e), e);
        }
        if (image == null) throw new DatasetException(file, "not a PNG or JPG image");
        return of(image);
    }

    /** The photo of a decoded image (transparent pixels are blended onto white), read a row at a time. */
    public static Photo of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] planes = new float[3 * w * h];
        if (readBytes(image, planes)) return new Photo(w, h, planes);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) blend(row[x], planes, y * w + x, w * h);
        }
        return new Photo(w, h, planes);
    }

    /**
     * What JPEG and RGB PNG files decode to (three interleaved sRGB bytes a pixel, no alpha), read from the raster's
     * bytes directly: going through {@link BufferedImage#getRGB} converts every pixel through the colour model, a
     * third of the time from a file to the screen for a large photo. False for any other layout (read the slow way).
     */
    private static boolean readBytes(BufferedImage image, float[] planes) {
        var raster = image.getRaster();
        var model = image.getColorModel();
        if (!(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel sm)
                || model.hasAlpha() || model.getNumComponents() != 3 || !model.getColorSpace().isCS_sRGB()
                || sm.getNumBands() != 3 || sm.getPixelStride() != 3 || raster.getSampleModelTranslateX() != 0
                || raster.getSampleModelTranslateY() != 0 || image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            return false;
        }
        byte[] data = buffer.getData();
        int[] bands = sm.getBandOffsets(); // red, green, blue
        int w = image.getWidth();
        int plane = w * image.getHeight();
        int stride = sm.getScanlineStride();
        for (int y = 0, i = 0; y < image.getHeight(); y++) {
            for (int x = 0, p = buffer.getOffset() + y * stride; x < w; x++, i++, p += 3) {
                planes[i] = (data[p + bands[0]] & 0xff) / 255f;
                planes[plane + i] = (data[p + bands[1]] & 0xff) / 255f;
                planes[2 * plane + i] = (data[p + bands[2]] & 0xff) / 255f;
            }
        }
        return true;
    }

    /** The photo of width×height non-premultiplied ARGB pixels, row by row; transparent ones blended onto white. */
    public static Photo ofArgb(int w, int h, int[] argbPixels) {
        if ((long) w * h != argbPixels.length) throw new IllegalArgumentException("a " + w + "×" + h + " image needs "
                + (long) w * h + " pixels, got " + argbPixels.length);
        float[] planes = new float[3 * w * h];
        for (int i = 0; i < argbPixels.length; i++) blend(argbPixels[i], planes, i, w * h);
        return new Photo(w, h, planes);
    }

    /** Pixel i's channels, blended onto white: v = (c·a + 255·(1 − a)) / 255 with a = alpha/255. */
    private static void blend(int argb, float[] planes, int i, int plane) {
        float a = (argb >>> 24) / 255f;
        planes[i] = ((argb >> 16 & 0xff) * a + 255 * (1 - a)) / 255f;
        planes[plane + i] = ((argb >> 8 & 0xff) * a + 255 * (1 - a)) / 255f;
        planes[2 * plane + i] = ((argb & 0xff) * a + 255 * (1 - a)) / 255f;
    }

    /** Channel c ∈ {0, 1, 2} as an image of its own. */
    InkImage channel(int c) {
        int plane = width * height;
        float[] values = new float[plane];
        System.arraycopy(planes, c * plane, values, 0, plane);
        return new InkImage(width, height, values);
    }
}
