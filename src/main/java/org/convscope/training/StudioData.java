package org.convscope.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.convscope.data.Cifar10;
import org.convscope.data.DatasetException;
import org.convscope.data.DatasetFit;
import org.convscope.data.DatasetFolder;
import org.convscope.data.ImageFolder;
import org.convscope.data.TrainTest;
import org.convscope.engine.Dims;

/**
 * The data a studio session trains on: the bundled MNIST, an IDX data set folder (Fashion-MNIST, EMNIST…), CIFAR-10's
 * binary batches ({@link Cifar10}) or a folder of images with one sub-folder per class. Opening one reads enough to
 * know its image shape and classes (IDX and CIFAR-10 data is loaded whole, an image folder only listed); {@link #fitted} gives the images at the network's input size. Opening
 * and fitting read files: call them off the FX thread. Bad data gives a one-line {@link DatasetException}.
 */
public final class StudioData {
    public enum Kind {
        MNIST("Bundled MNIST"), IDX("IDX data set folder"), CIFAR10("CIFAR-10 binary folder (data_batch_1.bin …)"),
        IMAGES("Image folder (one sub-folder per class)");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private final Kind kind;
    private final Path folder;
    private final TrainTest idx; // IDX or CIFAR-10 data, loaded whole; null for an image folder
    private final ImageFolder images;

    private StudioData(Kind kind, Path folder, TrainTest idx, ImageFolder images) {
        this.kind = kind;
        this.folder = folder;
        this.idx = idx;
        this.images = images;
    }

    public static StudioData bundledMnist() {
        return new StudioData(Kind.MNIST, DatasetFolder.samplesDir().resolve("mnist"), DatasetFolder.bundledMnist(), null);
    }

    public static StudioData idx(Path folder) {
        return new StudioData(Kind.IDX, folder, DatasetFolder.load(folder), null);
    }

    public static StudioData cifar10(Path folder) {
        return new StudioData(Kind.CIFAR10, folder, Cifar10.load(folder), null);
    }

    public static StudioData images(Path folder) {
        return new StudioData(Kind.IMAGES, folder, null, ImageFolder.scan(folder));
    }

    public static StudioData open(Kind kind, Path folder) {
        return switch (kind) {
            case MNIST -> bundledMnist();
            case IDX -> idx(folder);
            case CIFAR10 -> cifar10(folder);
            case IMAGES -> images(folder);
        };
    }

    /**
     * The data a session names in {@link #key()}: empty for the bundled MNIST, otherwise a folder, read as IDX when it
     * holds IDX files and as an image folder otherwise.
     */
    public static StudioData resolve(String key) {
        if (key == null || key.isEmpty()) return bundledMnist();
        Path folder = Path.of(key);
        return open(resolveKind(folder), folder);
    }

    /** IDX when the folder holds IDX files, CIFAR-10 when it holds its batches, otherwise an image folder. */
    public static Kind resolveKind(Path folder) {
        return hasIdxFiles(folder) ? Kind.IDX : Cifar10.isCifar(folder) ? Kind.CIFAR10 : Kind.IMAGES;
    }

    private static boolean hasIdxFiles(Path folder) {
        if (!Files.isDirectory(folder)) return false;
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).contains("-ubyte"));
        } catch (IOException e) {
            throw new DatasetException(folder, "cannot list: " + e.getMessage(), e);
        }
    }

    public Kind kind() {
        return kind;
    }

    public Path folder() {
        return folder;
    }

    /** How a saved session finds this data again (see {@link #resolve}). */
    public String key() {
        return kind == Kind.MNIST ? "" : folder.toString();
    }

    /** The images' own shape (an image folder: the channels of all, the size of the first). */
    public Dims dims() {
        return idx != null ? new Dims(idx.train().channels(), idx.train().rows(), idx.train().cols())
                : new Dims(images.channels(), images.rows(), images.cols());
    }

    public int numClasses() {
        return idx != null ? idx.train().numClasses() : images.classes().size();
    }

    public int trainCount() {
        return idx != null ? idx.train().size() : images.trainCount();
    }

    public int testCount() {
        return idx != null ? idx.test().size() : images.testCount();
    }

    /** The short name of the data a session names in {@link #key()}, without reading it: "MNIST", or the folder's name. */
    public static String titleOf(String key) {
        if (key == null || key.isEmpty()) return "MNIST";
        Path name = Path.of(key).toAbsolutePath().normalize().getFileName();
        return name == null ? key : name.toString();
    }

    /** A short name: "MNIST", or the folder's name. */
    public String title() {
        if (kind == Kind.MNIST) return "MNIST";
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }

    /** What the data is and how its test set is held out, in words. */
    public String summary() {
        String shape = switch (kind) {
            case IMAGES -> (dims().channels() == 3 ? "colour (3 channels)" : "grayscale (1 channel)") + " images, resized"
                    + " to the network's input; classes " + String.join(", ", abbreviated(images.classes()));
            case CIFAR10 -> dims() + " colour images; classes " + String.join(", ", abbreviated(Cifar10.classNames(folder)));
            default -> dims() + " images";
        };
        String split = switch (kind) {
            case IMAGES -> images.split();
            case CIFAR10 -> "the test set is test_batch.bin";
            default -> "the test set is the t10k/test files";
        };
        return String.format(Locale.ROOT, "%s: %,d training and %,d test images, %d classes, %s. Held out: %s.",
                title(), trainCount(), testCount(), numClasses(), shape, split);
    }

    private static java.util.List<String> abbreviated(java.util.List<String> names) {
        if (names.size() <= 6) return names;
        return Stream.concat(names.stream().limit(5), Stream.of("…")).toList();
    }

    /**
     * The train and test images at rows×cols: IDX images padded (when smaller on both sides) or resized, image folders
     * decoded and resized. Call off the FX thread.
     */
    public TrainTest fitted(int rows, int cols) {
        if (images != null) return images.load(rows, cols);
        return DatasetFit.to(idx, rows, cols);
    }

    /** How {@link #fitted} changes the images for this input, in words, or "". */
    public String fitting(int rows, int cols) {
        if (kind == Kind.IMAGES) return "images resized to " + rows + "×" + cols;
        return DatasetFit.describe(dims().height(), dims().width(), rows, cols);
    }
}
