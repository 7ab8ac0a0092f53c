package org.convscope.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.convscope.io.FileException;

/** The pixels of a decoded image as bytes, for data sets: the gray level, or R, G and B planes. */
final class ImagePixels {
    private ImagePixels() {}

    /** Size and whether an image file has colour, from its header, without decoding the pixels. */
    record Header(int width, int height, boolean colour) {}

    static Header header(Path file) {
        ImageFile.Header header;
        try {
            header = ImageFile.header(file);
        } catch (FileException e) {
            throw new DatasetException(file, e.problem(), e);
        }
        ImageReader reader = ImageFile.reader(header.format());
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            ImageTypeSpecifier type = reader.getRawImageType(0);
            boolean colour = type == null || isColour(type.getColorModel());
            return new Header(header.width(), header.height(), colour);
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(file, "cannot read the image: " + DatasetException.describe(e), e);
        } finally {
            reader.dispose();
        }
    }

    private static boolean isColour(ColorModel model) {
        if (model instanceof IndexColorModel palette) {
            for (int i = 0; i < palette.getMapSize(); i++) {
                int r = palette.getRed(i);
                if (r != palette.getGreen(i) || r != palette.getBlue(i)) return true;
            }
            return false;
        }
        return model.getColorSpace().getType() != ColorSpace.TYPE_GRAY;
    }

    static boolean isGray(BufferedImage image) {
        return image.getColorModel() instanceof ComponentColorModel model
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /** The gray levels of a gray image, [h][w], read from the raster (getRGB would gamma-convert Java's linear gray). */
    static byte[] gray(BufferedImage image) {
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        float max = (1 << image.getColorModel().getComponentSize(0)) - 1;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) out[y * w + x] = (byte) Math.round(raster.getSample(x, y, 0) * 255 / max);
        }
        return out;
    }

    /** R, G and B planes ([3][h][w]) or, for one channel, the Rec. 601 luminance ([h][w]). */
    static void rgb(BufferedImage image, byte[] out, int channels) {
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = w * h;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int r = argb >> 16 & 0xff;
                int g = argb >> 8 & 0xff;
                int b = argb & 0xff;
                int i = y * w + x;
                if (channels == 3) {
                    out[i] = (byte) r;
                    out[plane + i] = (byte) g;
                    out[2 * plane + i] = (byte) b;
                } else {
                    out[i] = (byte) Math.round(0.299f * r + 0.587f * g + 0.114f * b);
                }
            }
        }
    }
}
