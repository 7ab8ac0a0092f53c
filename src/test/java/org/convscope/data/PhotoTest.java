package org.convscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A photo's planes are its pixels' red, green and blue over 255, whatever layout the image decoded to: the bytes read
 * directly (JPEG's three interleaved bytes) give what the colour model gives pixel by pixel.
 */
class PhotoTest {
    private static BufferedImage noise(int type, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, type);
        Random random = new Random(5);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) image.setRGB(x, y, 0xff000000 | random.nextInt(1 << 24));
        return image;
    }

    /** The definition: pixel (x, y)'s channel k = its byte in getRGB / 255, planes in R, G, B order. */
    private static float[] byDefinition(BufferedImage image) {
        int w = image.getWidth();
        int plane = w * image.getHeight();
        float[] planes = new float[3 * plane];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                planes[y * w + x] = (rgb >> 16 & 0xff) / 255f;
                planes[plane + y * w + x] = (rgb >> 8 & 0xff) / 255f;
                planes[2 * plane + y * w + x] = (rgb & 0xff) / 255f;
            }
        }
        return planes;
    }

    @Test
    void everyOpaqueLayoutGivesItsPixelsOver255() {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR}) {
            BufferedImage image = noise(type, 37, 23);
            Photo photo = Photo.of(image);
            assertEquals(37, photo.width());
            assertEquals(23, photo.height());
            assertArrayEquals(byDefinition(image), photo.planes(), "image type " + type);
        }
    }

    @Test
    void aPartOfALargerImageIsThatPartOnly() {
        BufferedImage whole = noise(BufferedImage.TYPE_3BYTE_BGR, 40, 30);
        BufferedImage part = whole.getSubimage(7, 5, 20, 11);
        assertArrayEquals(byDefinition(part), Photo.of(part).planes());
    }

    @Test
    void aJpegFileReadsAsTheDecoderDecodesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("photo.jpg");
        ImageIO.write(noise(BufferedImage.TYPE_3BYTE_BGR, 64, 48), "jpg", file.toFile());
        BufferedImage decoded = ImageIO.read(file.toFile());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, decoded.getType(), "the layout the direct read is for");
        assertArrayEquals(byDefinition(decoded), Photo.load(file).planes());
    }
}
