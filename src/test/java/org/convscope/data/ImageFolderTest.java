package org.convscope.data;

import static org.convscope.data.IdxTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
    @TempDir
    Path dir;

    /** A solid image of the given colour, type and size. */
    static void write(Path file, int width, int height, Color colour, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, file.toString().endsWith(".png") ? "png" : "jpg", file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** count solid images per class, alternating between two sizes, so the folder has mixed sizes. */
    static void writeClasses(Path root, int count, int type, Color... colours) {
        for (int c = 0; c < colours.length; c++) {
            for (int i = 0; i < count; i++) {
                int w = i % 2 == 0 ? 10 : 24;
                int h = i % 2 == 0 ? 10 : 14;
                write(root.resolve("class" + c).resolve(String.format("img%02d.png", i)), w, h, colours[c], type);
            }
        }
    }

    @Test
    void colourImagesKeepThreeChannelsAndAreResizedToTheInput() {
        writeClasses(dir, 6, BufferedImage.TYPE_INT_RGB, Color.RED, new Color(0, 0, 255));
        ImageFolder folder = ImageFolder.scan(dir);
        assertEquals(List.of("class0", "class1"), folder.classes());
        assertEquals(3, folder.channels());
        assertEquals(10, folder.rows());
        TrainTest data = folder.load(8, 6);
        Dataset train = data.train();
        assertEquals(3, train.channels());
        assertEquals(8, train.rows());
        assertEquals(6, train.cols());
        assertEquals(2, train.numClasses());
        int plane = 8 * 6;
        for (int i = 0; i < train.size(); i++) {
            int base = i * 3 * plane + 17;
            int red = train.pixels()[base] & 0xff;
            int blue = train.pixels()[base + 2 * plane] & 0xff;
            if (train.label(i) == 0) assertEquals(List.of(255, 0), List.of(red, blue), "image " + i);
            else assertEquals(List.of(0, 255), List.of(red, blue), "image " + i);
        }
    }

    @Test
    void smallPicturesAreEnlargedToFillTheInputNotPadded() {
        writeClasses(dir, 2, BufferedImage.TYPE_BYTE_GRAY, Color.WHITE, Color.WHITE);
        Dataset d = ImageFolder.scan(dir).load(32, 32).train();
        for (int p = 0; p < 32 * 32; p++) assertEquals(255, d.pixels()[p] & 0xff, "pixel " + p);
    }

    @Test
    void grayImagesGiveOneChannelAndAColourImageMakesThemAllThree() {
        writeClasses(dir, 3, BufferedImage.TYPE_BYTE_GRAY, Color.WHITE, Color.BLACK);
        assertEquals(1, ImageFolder.scan(dir).channels());
        Dataset gray = ImageFolder.scan(dir).load(4, 4).train();
        assertEquals(1, gray.channels());
        assertEquals(255, gray.pixels()[0] & 0xff);

        write(dir.resolve("class1").resolve("zz-colour.png"), 5, 5, Color.GREEN, BufferedImage.TYPE_INT_RGB);
        ImageFolder mixed = ImageFolder.scan(dir);
        assertEquals(3, mixed.channels());
        Dataset all = mixed.load(4, 4).train();
        assertEquals(3, all.channels());
        // The white gray images are white in all three channels.
        assertEquals(255, all.pixels()[0] & 0xff);
        assertEquals(255, all.pixels()[16] & 0xff);
        assertEquals(255, all.pixels()[32] & 0xff);
    }

    @Test
    void resizingAveragesWhereItShrinks() {
        BufferedImage half = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = half.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 8, 16);
        g.dispose();
        for (String c : new String[] {"a", "b"}) {
            for (int i = 0; i < 2; i++) {
                try {
                    Files.createDirectories(dir.resolve(c));
                    ImageIO.write(half, "png", dir.resolve(c).resolve(i + ".png").toFile());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        Dataset d = ImageFolder.scan(dir).load(4, 4).train();
        byte[] first = java.util.Arrays.copyOf(d.pixels(), 4);
        assertEquals(List.of(255, 255, 0, 0), List.of(first[0] & 0xff, first[1] & 0xff, first[2] & 0xff, first[3] & 0xff));
    }

    @Test
    void withoutTrainAndTestFoldersOneInSixOfEveryClassIsHeldOutTheSameEveryTime() {
        writeClasses(dir, 13, BufferedImage.TYPE_BYTE_GRAY, Color.WHITE, Color.GRAY, Color.BLACK);
        ImageFolder a = ImageFolder.scan(dir);
        ImageFolder b = ImageFolder.scan(dir);
        assertEquals(a.test(), b.test());
        assertTrue(a.split().contains("1 in 6"), a.split());
        for (int c = 0; c < 3; c++) {
            assertEquals(2, a.test().get(c).size(), "13 images: 2 held out");
            assertEquals(11, a.train().get(c).size());
            Set<Path> all = new HashSet<>(a.train().get(c));
            all.addAll(a.test().get(c));
            assertEquals(13, all.size(), "train and test are disjoint and cover the class");
        }
        // Not simply the first files by name.
        List<Path> firstNames = new ArrayList<>();
        for (int c = 0; c < 3; c++) firstNames.addAll(a.test().get(c));
        assertTrue(firstNames.stream().anyMatch(p -> !p.getFileName().toString().startsWith("img00")
                && !p.getFileName().toString().startsWith("img01")));
        TrainTest data = a.load(5, 5);
        assertEquals(33, data.train().size());
        assertEquals(6, data.test().size());
    }

    @Test
    void trainAndTestSubFoldersAreTheTwoSets() {
        writeClasses(dir.resolve("train"), 4, BufferedImage.TYPE_BYTE_GRAY, Color.WHITE, Color.BLACK);
        writeClasses(dir.resolve("test"), 1, BufferedImage.TYPE_BYTE_GRAY, Color.WHITE, Color.BLACK);
        ImageFolder folder = ImageFolder.scan(dir);
        assertEquals(8, folder.trainCount());
        assertEquals(2, folder.testCount());
        assertTrue(folder.split().contains("test/"), folder.split());
        TrainTest data = folder.load(3, 3);
        assertEquals(0, data.test().label(0));
        assertEquals(1, data.test().label(1));
    }

    @Test
    void badFoldersAreExplainedInOneLineNamingTheFolderOrFile() throws IOException {
        Path missing = dir.resolve("nowhere");
        assertMessage(missing + ": no such directory", () -> ImageFolder.scan(missing));
        assertMessage(dir + ": no class folders; expected one sub-folder of PNG or JPG images per class",
                () -> ImageFolder.scan(dir));

        writeClasses(dir, 3, BufferedImage.TYPE_BYTE_GRAY, Color.WHITE);
        assertMessage(dir + ": only one class folder (class0); a classifier needs at least 2", () -> ImageFolder.scan(dir));

        Path empty = Files.createDirectories(dir.resolve("class1"));
        Files.writeString(empty.resolve("notes.txt"), "not an image");
        assertMessage(empty + ": empty class folder: no PNG or JPG images", () -> ImageFolder.scan(dir));

        Path broken = empty.resolve("broken.png");
        Files.write(broken, new byte[] {1, 2, 3, 4, 5});
        Files.write(empty.resolve("fine.png"), Files.readAllBytes(dir.resolve("class0").resolve("img00.png")));
        assertMessage(broken + ": not a PNG or JPG image", () -> ImageFolder.scan(dir));

        Files.delete(broken);
        Files.delete(empty.resolve("fine.png"));
        write(empty.resolve("only.png"), 4, 4, Color.BLACK, BufferedImage.TYPE_BYTE_GRAY);
        assertMessage(empty + ": only one image; a class needs at least 2, one to train on and one held out for testing",
                () -> ImageFolder.scan(dir));
    }

    @Test
    void truncatedImageIsNamedWhenLoading() throws IOException {
        writeClasses(dir, 3, BufferedImage.TYPE_INT_RGB, Color.RED, Color.BLUE);
        Path file = dir.resolve("class1").resolve("img01.png");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, 60));
        ImageFolder folder = ImageFolder.scan(dir);
        DatasetException e = org.junit.jupiter.api.Assertions.assertThrows(DatasetException.class, () -> folder.load(4, 4));
        assertTrue(e.getMessage().startsWith(file + ": truncated: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void smallerImagesArePaddedCentredLargerOnesResized() {
        byte[] pixels = new byte[2 * 2];
        java.util.Arrays.fill(pixels, (byte) 200);
        Dataset d = new Dataset("dots", 1, 2, 2, 1, pixels, new byte[1]);
        Dataset padded = DatasetFit.to(d, 4, 4);
        assertEquals("dots padded to 4×4", padded.name());
        byte[] p = padded.pixels();
        assertEquals(0, p[0]);
        assertEquals(200, p[5] & 0xff);
        assertEquals(200, p[10] & 0xff);
        assertEquals(0, p[15]);
        Dataset shrunk = DatasetFit.to(padded, 2, 2);
        assertEquals(50, shrunk.pixels()[0] & 0xff, "a quarter of each 2×2 block is bright");
        Dataset grown = DatasetFit.resized(d, 4, 4);
        assertEquals(200, grown.pixels()[0] & 0xff, "resizing fills the whole image, no border");
        assertEquals("28×28 images padded to 32×32", DatasetFit.describe(28, 28, 32, 32));
        assertEquals("", DatasetFit.describe(28, 28, 28, 28));
    }
}
