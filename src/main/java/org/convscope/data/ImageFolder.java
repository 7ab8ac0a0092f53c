package org.convscope.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.convscope.io.FileException;
import org.convscope.io.MemoryBudget;

/**
 * A folder of images with one sub-folder per class ({@code cats/a.png}, {@code dogs/b.jpg}…), classes numbered in
 * the order of their names. With {@code train/} and {@code test/} sub-folders, each holding the same class folders,
 * those are the two sets; otherwise {@value #HOLD_OUT_EVERY}th of every class is held out for testing, picked by a
 * seeded shuffle (the same every time). {@link #scan} only lists the files and reads the image headers; {@link #load}
 * decodes the images and resizes them to the network's input. Colour images are kept as three channels (R, G, B),
 * and when any image of the folder has colour, all become three channels; otherwise one, the gray level.
 *
 * @param classes  class names, index = label
 * @param train    [class] image files
 * @param test     [class] image files
 * @param channels 3 when any image has colour, else 1
 * @param rows     height of the first image, the suggested input height
 * @param cols     width of the first image
 * @param split    how the test set was chosen, in words
 */
public record ImageFolder(Path dir, List<String> classes, List<List<Path>> train, List<List<Path>> test, int channels,
                          int rows, int cols, String split) {
    /** One image in this many of each class is held out for testing when the folder has no train/ and test/. */
    public static final int HOLD_OUT_EVERY = 6;
    /** Seed of the shuffle that picks the held-out images. */
    public static final long SPLIT_SEED = 1;

    public ImageFolder {
        classes = List.copyOf(classes);
        train = train.stream().map(List::copyOf).toList();
        test = test.stream().map(List::copyOf).toList();
    }

    /** Lists the classes and their images and reads the image headers; one-line {@link DatasetException} otherwise. */
    public static ImageFolder scan(Path dir) {
        requireDirectory(dir);
        Path trainDir = dir.resolve("train");
        Path testDir = dir.resolve("test");
        if (Files.isDirectory(trainDir) && Files.isDirectory(testDir)) {
            List<String> classes = classFolders(trainDir);
            List<String> testClasses = classFolders(testDir);
            if (!testClasses.equals(classes)) {
                throw new DatasetException(testDir, "class folders " + testClasses + " differ from train/'s " + classes);
            }
            List<List<Path>> train = new ArrayList<>();
            List<List<Path>> test = new ArrayList<>();
            for (String c : classes) {
                train.add(images(trainDir.resolve(c)));
                test.add(images(testDir.resolve(c)));
            }
            return withHeaders(dir, classes, train, test, "the test set is the test/ sub-folder");
        }
        List<String> classes = classFolders(dir);
        List<List<Path>> train = new ArrayList<>();
        List<List<Path>> test = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path classDir = dir.resolve(classes.get(c));
            List<Path> files = new ArrayList<>(images(classDir));
            if (files.size() < 2) {
                throw new DatasetException(classDir, "only one image; a class needs at least 2, one to train on and"
                        + " one held out for testing");
            }
            Collections.shuffle(files, new Random(SPLIT_SEED * 31 + c));
            int held = Math.max(1, files.size() / HOLD_OUT_EVERY);
            test.add(files.subList(0, held).stream().sorted().toList());
            train.add(files.subList(held, files.size()).stream().sorted().toList());
        }
        return withHeaders(dir, classes, train, test, "1 in " + HOLD_OUT_EVERY + " images of every class held out"
                + " for testing (seeded, the same every time); add train/ and test/ sub-folders to choose them");
    }

    public int trainCount() {
        return train.stream().mapToInt(List::size).sum();
    }

    public int testCount() {
        return test.stream().mapToInt(List::size).sum();
    }

    /** Decodes every image and resizes it to rows×cols; a file that cannot be decoded is named in the error. */
    public TrainTest load(int rows, int cols) {
        String name = folderName(dir);
        return new TrainTest(load(name + " train", train, rows, cols), load(name + " test", test, rows, cols));
    }

    private Dataset load(String name, List<List<Path>> files, int rows, int cols) {
        int count = files.stream().mapToInt(List::size).sum();
        int size = channels * rows * cols;
        long bytes = (long) count * size;
        String shortfall = MemoryBudget.shortfallOfOneArray(bytes);
        if (shortfall != null) {
            throw new DatasetException(dir, count + " images of " + rows + "×" + cols + "×" + channels + ": " + shortfall);
        }
        byte[] pixels = new byte[(int) bytes];
        byte[] labels = new byte[count];
        int i = 0;
        for (int c = 0; c < files.size(); c++) {
            for (Path file : files.get(c)) {
                Dataset one = decode(file);
                Dataset fitted = DatasetFit.resized(one, rows, cols);
                System.arraycopy(fitted.pixels(), 0, pixels, i * size, size);
                labels[i++] = (byte) c;
            }
        }
        return new Dataset(name, channels, rows, cols, classes.size(), pixels, labels);
    }

    /** One image as a one-sample data set of this folder's channels, at its own size. */
    private Dataset decode(Path file) {
        BufferedImage image;
        try {
            image = ImageFile.read(file);
        } catch (FileException e) {
            throw new DatasetException(file, e.problem(), e);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] pixels = new byte[channels * w * h]; // [channels][h][w]
        if (ImagePixels.isGray(image)) {
            byte[] gray = ImagePixels.gray(image);
            for (int c = 0; c < channels; c++) System.arraycopy(gray, 0, pixels, c * w * h, w * h);
        } else {
            ImagePixels.rgb(image, pixels, channels);
        }
        return new Dataset(file.getFileName().toString(), channels, h, w, 1, pixels, new byte[1]);
    }

    private static ImageFolder withHeaders(Path dir, List<String> classes, List<List<Path>> train,
                                           List<List<Path>> test, String split) {
        int channels = 1;
        int[] size = null;
        for (List<List<Path>> set : List.of(train, test)) {
            for (List<Path> files : set) {
                for (Path file : files) {
                    ImagePixels.Header header = ImagePixels.header(file);
                    if (header.colour()) channels = 3;
                    if (size == null) size = new int[] {header.height(), header.width()};
                }
            }
        }
        return new ImageFolder(dir, classes, train, test, channels, size[0], size[1], split);
    }

    private static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(dir, Files.exists(dir) ? "not a directory" : "no such directory");
        }
    }

    /** The sub-folders, sorted by name; hidden ones are skipped. */
    private static List<String> classFolders(Path dir) {
        List<String> names;
        try (Stream<Path> listing = Files.list(dir)) {
            names = listing.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(dir, "cannot list: " + DatasetException.describe(e), e);
        }
        if (names.isEmpty()) {
            throw new DatasetException(dir, "no class folders; expected one sub-folder of PNG or JPG images per class");
        }
        if (names.size() > 256) throw new DatasetException(dir, names.size() + " class folders, at most 256");
        if (names.size() < 2) {
            throw new DatasetException(dir, "only one class folder (" + names.get(0) + "); a classifier needs at least 2");
        }
        return names;
    }

    /** The PNG and JPG files of a class folder, sorted; other files are ignored. */
    private static List<Path> images(Path classDir) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(classDir)) {
            files = listing.filter(Files::isRegularFile).filter(ImageFolder::isImage).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(classDir, "cannot list: " + DatasetException.describe(e), e);
        }
        if (files.isEmpty()) throw new DatasetException(classDir, "empty class folder: no PNG or JPG images");
        return files;
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }

    private static String folderName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "images" : name.toString();
    }
}
