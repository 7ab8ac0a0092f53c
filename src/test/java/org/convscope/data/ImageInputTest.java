package org.convscope.data;

import static org.convscope.data.IdxTest.assertMessage;
import static org.convscope.data.IdxTest.assertStartsWith;
import static org.convscope.data.PreprocessTest.maxAbsDiff;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInputTest {
    @TempDir
    Path dir;

    private Path save(BufferedImage image, String format, String name) {
        Path file = dir.resolve(name);
        try {
            assertTrue(ImageIO.write(image, format, file.toFile()), "a writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static BufferedImage drawing(Color paper, Color ink, int type) {
        return Drawings.canvas(200, 150, paper, ink, 70, 20, 6, type);
    }

    private static float[] preprocessed(Path file) {
        return Preprocess.mnist(ImageInput.load(file)).centred().ink();
    }

    @Test
    void polarityDoesNotMatter() {
        float[] darkOnLight = preprocessed(save(drawing(Color.WHITE, Color.BLACK, BufferedImage.TYPE_INT_RGB), "png", "a.png"));
        float[] lightOnDark = preprocessed(save(drawing(Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB), "png", "b.png"));
        assertArrayEquals(darkOnLight, lightOnDark, 1e-5f);
        assertTrue(PreprocessTest.bounds(ImageInput.load(dir.resolve("a.png")))[0] >= 60, "paper is not ink");
    }

    @Test
    void grayColouredJpegAndTransparentImagesGiveTheSameDigit() {
        float[] reference = preprocessed(save(drawing(Color.WHITE, Color.BLACK, BufferedImage.TYPE_INT_RGB), "png", "ref.png"));
        Path gray = save(drawing(Color.BLACK, Color.WHITE, BufferedImage.TYPE_BYTE_GRAY), "png", "gray.png");
        Path blueOnCream = save(drawing(new Color(240, 230, 200), new Color(20, 30, 140), BufferedImage.TYPE_INT_RGB),
                "png", "blue.png");
        Path jpeg = save(drawing(new Color(200, 200, 200), new Color(40, 40, 40), BufferedImage.TYPE_INT_RGB),
                "jpg", "photo.jpg");
        Path transparent = save(drawing(new Color(0, 0, 0, 0), Color.BLACK, BufferedImage.TYPE_INT_ARGB),
                "png", "transparent.png");
        Path whiteOnTransparent = save(drawing(new Color(0, 0, 0, 0), Color.WHITE, BufferedImage.TYPE_INT_ARGB),
                "png", "white.png");
        for (Path file : new Path[] {gray, blueOnCream, transparent, whiteOnTransparent}) {
            assertTrue(maxAbsDiff(reference, preprocessed(file)) < 0.02, file + ": " + maxAbsDiff(reference, preprocessed(file)));
        }
        double jpegDiff = PreprocessTest.meanAbsDiff(reference, preprocessed(jpeg));
        assertTrue(jpegDiff < 0.02, "jpeg mean difference " + jpegDiff);
    }

    @Test
    void blankImageHasNoInk() {
        InkImage ink = ImageInput.load(save(drawing(Color.GRAY, Color.GRAY, BufferedImage.TYPE_INT_RGB), "png", "blank.png"));
        assertEquals(200, ink.width());
        assertEquals(150, ink.height());
        assertTrue(Preprocess.mnist(ink).isEmpty());
    }

    @Test
    void inkIsStretchedFromPaperToStrongestStroke() {
        InkImage ink = ImageInput.load(save(drawing(new Color(180, 180, 180), new Color(90, 90, 90),
                BufferedImage.TYPE_INT_RGB), "png", "grey.png"));
        float max = 0;
        for (float v : ink.ink()) {
            max = Math.max(max, v);
        }
        assertEquals(1f, max, 1e-6f);
        assertEquals(0f, ink.at(0, 0));
    }

    @Test
    void notAnImage() throws IOException {
        Path text = Files.writeString(dir.resolve("foo.png"), "hello, I am not a picture");
        assertMessage(text + ": not a PNG or JPG image", () -> ImageInput.load(text));
    }

    @Test
    void brokenPng() throws IOException {
        byte[] png = Files.readAllBytes(save(drawing(Color.WHITE, Color.BLACK, BufferedImage.TYPE_INT_RGB), "png", "x.png"));
        Path broken = dir.resolve("broken.png");
        Files.write(broken, Arrays.copyOf(png, png.length / 3));
        String message = assertThrows(DatasetException.class, () -> ImageInput.load(broken)).getMessage();
        assertStartsWith(broken + ": truncated: chunk IDAT claims ", message);
    }

    @Test
    void missingFileAndFolder() {
        Path missing = dir.resolve("nope.png");
        assertMessage(missing + ": no such file", () -> ImageInput.load(missing));
        assertMessage(dir + ": not a regular file", () -> ImageInput.load(dir));
    }

    @Test
    void aPngWithAWrongChecksumIsDamaged() throws IOException {
        byte[] png = Files.readAllBytes(save(drawing(Color.WHITE, Color.BLACK, BufferedImage.TYPE_INT_RGB), "png", "x.png"));
        png[png.length - 12 - 1] ^= 1; // the last byte of the CRC before IEND's
        Path file = Files.write(dir.resolve("crc.png"), png);
        assertMessage(file + ": damaged: chunk IDAT has a wrong CRC", () -> ImageInput.load(file));
    }

    @Test
    void aPngWithoutItsEndIsTruncated() throws IOException {
        byte[] png = Files.readAllBytes(save(drawing(Color.WHITE, Color.BLACK, BufferedImage.TYPE_INT_RGB), "png", "x.png"));
        Path file = Files.write(dir.resolve("no-iend.png"), Arrays.copyOf(png, png.length - 12));
        assertMessage(file + ": truncated: the image ends before its IEND chunk", () -> ImageInput.load(file));
    }

    @Test
    void dataAfterAPngsEndIsAnError() throws IOException {
        byte[] png = Files.readAllBytes(save(drawing(Color.WHITE, Color.BLACK, BufferedImage.TYPE_INT_RGB), "png", "x.png"));
        Path file = Files.write(dir.resolve("appended.png"), Arrays.copyOf(png, png.length + 3));
        assertMessage(file + ": damaged: data after the end of the image (IEND)", () -> ImageInput.load(file));
    }

    @Test
    void aTruncatedJpegIsNotClassifiedInPart() throws IOException {
        byte[] jpeg = Files.readAllBytes(save(drawing(Color.WHITE, Color.BLACK, BufferedImage.TYPE_INT_RGB), "jpg", "x.jpg"));
        Path file = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length * 2 / 3));
        assertMessage(file + ": truncated: the image ends before its end-of-image marker", () -> ImageInput.load(file));
    }

    @Test
    void dataAfterAJpegsEndIsAllowedAsInAPhonesMotionPhoto() throws IOException {
        Path whole = save(drawing(Color.WHITE, Color.BLACK, BufferedImage.TYPE_INT_RGB), "jpg", "x.jpg");
        byte[] jpeg = Files.readAllBytes(whole);
        byte[] withVideo = Arrays.copyOf(jpeg, jpeg.length + 1000);
        Path file = Files.write(dir.resolve("motion.jpg"), withVideo);
        assertArrayEquals(preprocessed(whole), preprocessed(file));
    }

    @Test
    void onlyPngAndJpegAreRead() throws IOException {
        for (String format : new String[] {"gif", "bmp", "tiff"}) {
            Path file = save(drawing(Color.WHITE, Color.BLACK, BufferedImage.TYPE_INT_RGB), format, "x.png");
            String kind = format.equals("tiff") ? "TIFF" : format.toUpperCase(java.util.Locale.ROOT);
            assertMessage(file + ": not a PNG or JPG image (it is a " + kind + " image)", () -> ImageInput.load(file));
        }
    }

    @Test
    void aHugePictureIsRefusedFromItsHeaderBeforeDecoding() throws IOException {
        // The 439 KB PNG of 20000×20000 pixels; here only its header and a token of data, with valid CRCs.
        Path file = Files.write(dir.resolve("huge.png"), Pngs.of(20000, 20000));
        long before = IdxTest.allocatedByThisThread();
        assertMessage(file + ": 20000×20000 pixels is more than the limit of 25 megapixels", () -> ImageInput.load(file));
        assertTrue(IdxTest.allocatedByThisThread() - before < 10 << 20, "nothing the size of the picture was allocated");
    }
}
