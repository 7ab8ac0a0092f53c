package org.convscope.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.convscope.engine.Dims;
import org.convscope.io.FileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image files as lecture inputs (gray → one channel, colour → three) and numbers typed into kernel cells. */
class ImageAndCellInputTest {
    @Test
    void aColourImageIsThreeChannelsOfItsMiddleSquare(@TempDir Path dir) throws Exception {
        // 30×20: the middle 20×20 square is columns 5..24; red on its left half, blue on its right half
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) for (int x = 0; x < 30; x++) image.setRGB(x, y, x < 15 ? 0xFF0000 : 0x0000FF);
        Path file = dir.resolve("two.png");
        ImageIO.write(image, "png", file.toFile());
        Volume v = ImageVolume.load(file, 4);
        assertEquals(new Dims(3, 4, 4), v.dims());
        for (int y = 0; y < 4; y++) {
            assertEquals(255, v.at(0, y, 0));
            assertEquals(0, v.at(2, y, 0));
            assertEquals(0, v.at(0, y, 3));
            assertEquals(255, v.at(2, y, 3));
            assertEquals(0, v.at(1, y, 1), "no green anywhere");
        }
    }

    @Test
    void aGrayImageIsOneChannelAveragedDown() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) image.setRGB(x, y, x % 2 == 0 ? 0xFF000000 : 0xFFC8C8C8);
        image.setRGB(3, 3, 0x00000000); // transparent: white
        Volume v = ImageVolume.of(image, 2);
        assertEquals(new Dims(1, 2, 2), v.dims());
        assertEquals(100, v.at(0, 0, 0), "black and 200 gray average to 100");
        assertEquals(Math.round((0 + 200 + 0 + 255) / 4f), v.at(0, 1, 1), "the transparent pixel counts as white");
    }

    @Test
    void aFileThatIsNoImageIsOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.png");
        Files.writeString(file, "hello");
        FileException e = assertThrows(FileException.class, () -> ImageVolume.load(file, 10));
        assertTrue(e.getMessage().startsWith("notes.png: "), e.getMessage());
        FileException missing = assertThrows(FileException.class, () -> ImageVolume.load(dir.resolve("gone.png"), 10));
        assertEquals("gone.png: no such file", missing.getMessage());
    }

    @Test
    void cellsTakeNumbersAsTyped() {
        assertEquals(-2, Numbers.parse("−2"));
        assertEquals(-0.5f, Numbers.parse(" -0,5 "));
        assertEquals(1 / 9f, Numbers.parse("1/9"));
        assertEquals("\"abc\" is not a number: type e.g. 2, −0.5 or 1/9",
                assertThrows(IllegalArgumentException.class, () -> Numbers.parse("abc")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Numbers.parse("1/0")).getMessage()
                .contains("not a finite number"));
        assertEquals("type a number", assertThrows(IllegalArgumentException.class, () -> Numbers.parse("")).getMessage());
    }

    @Test
    void editingAFilterCellChangesOnlyThatCell() {
        ConvSetup s = ConvSetup.single(Volume.of(new float[][] {{1, 2}, {3, 4}}), Volume.of(new float[][] {{1, 0}, {0, 1}}), 1, 0);
        ConvSetup edited = s.withFilterValue(0, 1, 5);
        assertEquals(Volume.of(new float[][] {{1, 5}, {0, 1}}), edited.filters().getFirst());
        assertEquals(1 + 10 + 4, ConvStepper.start(edited).result().values()[0]);
        assertEquals(Volume.of(new float[][] {{1, 0}, {0, 1}}), s.filters().getFirst(), "the old setup is unchanged");
        assertThrows(IllegalArgumentException.class, () -> s.withFilterValue(0, 4, 1));
    }
}
