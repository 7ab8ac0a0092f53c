package org.convscope.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a train/test pair of IDX files from a folder by their standard names:
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each raw or with {@code .gz}.
 * This covers MNIST, Fashion-MNIST and KMNIST. Also accepted: a prefix and "test" for "t10k"
 * (EMNIST: {@code emnist-digits-train-images-idx3-ubyte.gz}) and "." before "idx"
 * ({@code train-images.idx3-ubyte}, as some mirrors spell it).
 *
 * <p>Files whose name contains "emnist" are transposed while loading: EMNIST stores its
 * images column by column. The number of classes is the largest label of either set plus one.
 */
public final class DatasetFolder {
    /** System property naming the folder of bundled samples; default {@code ./samples}. */
    public static final String SAMPLES_PROPERTY = "convscope.samples";

    private static final Pattern IDX_NAME = Pattern.compile(
            "(?:(?<prefix>.+?)-)?(?<split>train|t10k|test)-(?<kind>images[-.]idx3|labels[-.]idx1)-ubyte(?:\\.gz)?");

    private static final Map<Path, TrainTest> BUNDLED = new java.util.HashMap<>(); // guarded by itself

    private DatasetFolder() {}

    /** The folder of bundled samples: system property {@value #SAMPLES_PROPERTY}, else ./samples. */
    public static Path samplesDir() {
        String property = System.getProperty(SAMPLES_PROPERTY);
        return Path.of(property == null || property.isBlank() ? "samples" : property);
    }

    /**
     * MNIST as bundled in {@code samples/mnist}, read once per process and folder and then shared: the explorer's test
     * digits, the lecture's and the studio's training set are the same 55 MB. A caller that comes while another one
     * reads waits for that read; a failed read is not kept, the next call tries again.
     */
    public static TrainTest bundledMnist() {
        Path dir = samplesDir().resolve("mnist").toAbsolutePath().normalize();
        synchronized (BUNDLED) {
            TrainTest loaded = BUNDLED.get(dir);
            if (loaded == null) {
                loaded = load(dir);
                BUNDLED.put(dir, loaded);
            }
            return loaded;
        }
    }

    /** Loads the only dataset in {@code dir}; more than one (differing prefixes) is an error. */
    public static TrainTest load(Path dir) {
        Map<String, Map<Role, Path>> found = scan(dir);
        if (found.size() > 1) {
            throw new DatasetException(dir, "several datasets " + found.keySet().stream()
                    .map(p -> p.isEmpty() ? "(no prefix)" : p).toList() + ", choose one by its prefix");
        }
        String prefix = found.isEmpty() ? "" : found.keySet().iterator().next();
        return load(dir, prefix, found.getOrDefault(prefix, Map.of()));
    }

    /** Loads the dataset whose files start with {@code prefix + "-"}, e.g. "emnist-digits"; "" = no prefix. */
    public static TrainTest load(Path dir, String prefix) {
        return load(dir, prefix, scan(dir).getOrDefault(prefix, Map.of()));
    }

    private enum Role {
        TRAIN_IMAGES(true, "images-idx3"), TRAIN_LABELS(true, "labels-idx1"),
        TEST_IMAGES(false, "images-idx3"), TEST_LABELS(false, "labels-idx1");

        final boolean train;
        final String kind;

        Role(boolean train, String kind) {
            this.train = train;
            this.kind = kind;
        }

        static Role of(String split, String kind) {
            boolean train = split.equals("train");
            String dashed = kind.replace('.', '-');
            return Stream.of(values()).filter(r -> r.train == train && r.kind.equals(dashed)).findFirst().orElseThrow();
        }

        /** The name to ask for when missing: "t10k" without a prefix (MNIST and alikes), "test" with one (EMNIST). */
        String fileName(String prefix) {
            String split = train ? "train" : prefix.isEmpty() ? "t10k" : "test";
            return (prefix.isEmpty() ? "" : prefix + "-") + split + "-" + kind + "-ubyte[.gz]";
        }
    }

    /** IDX files of dir by prefix and role; of several spellings of one file the shortest name wins (raw before .gz). */
    private static Map<String, Map<Role, Path>> scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(dir, Files.exists(dir) ? "not a directory" : "no such directory");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = new ArrayList<>(listing.filter(Files::isRegularFile).toList());
        } catch (IOException e) {
            throw new DatasetException(dir, "cannot list: " + DatasetException.describe(e), e);
        }
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString().length())
                .thenComparing(p -> p.getFileName().toString()));
        Map<String, Map<Role, Path>> found = new TreeMap<>();
        for (Path file : files) {
            Matcher m = IDX_NAME.matcher(file.getFileName().toString());
            if (m.matches()) {
                String prefix = m.group("prefix") == null ? "" : m.group("prefix");
                found.computeIfAbsent(prefix, p -> new EnumMap<>(Role.class))
                        .putIfAbsent(Role.of(m.group("split"), m.group("kind")), file);
            }
        }
        return found;
    }

    private static TrainTest load(Path dir, String prefix, Map<Role, Path> files) {
        for (Role role : Role.values()) {
            if (!files.containsKey(role)) {
                throw new DatasetException(dir, "missing " + role.fileName(prefix));
            }
        }
        Path trainImages = files.get(Role.TRAIN_IMAGES);
        Path trainLabels = files.get(Role.TRAIN_LABELS);
        Path testImages = files.get(Role.TEST_IMAGES);
        Path testLabels = files.get(Role.TEST_LABELS);
        Idx.Images train = readImages(trainImages);
        Idx.Images test = readImages(testImages);
        byte[] trainY = readLabels(trainLabels, trainImages, train.count());
        byte[] testY = readLabels(testLabels, testImages, test.count());
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new DatasetException(dir, "train images are " + train.rows() + "×" + train.cols()
                    + " (" + trainImages.getFileName() + "), test images are " + test.rows() + "×" + test.cols()
                    + " (" + testImages.getFileName() + ")");
        }
        int numClasses = Math.max(maxLabel(trainY), maxLabel(testY)) + 1;
        String name = prefix.isEmpty() ? folderName(dir) : prefix;
        return new TrainTest(dataset(name + " train", train, trainY, numClasses),
                dataset(name + " test", test, testY, numClasses));
    }

    private static Idx.Images readImages(Path file) {
        Idx.Images images = Idx.readImages(file);
        return file.getFileName().toString().toLowerCase(Locale.ROOT).contains("emnist") ? images.transposed() : images;
    }

    private static byte[] readLabels(Path labelFile, Path imageFile, int imageCount) {
        byte[] labels = Idx.readLabels(labelFile);
        if (labels.length != imageCount) {
            throw new DatasetException(labelFile, "has " + labels.length + " labels, but " + imageFile
                    + " has " + imageCount + " images");
        }
        return labels;
    }

    private static Dataset dataset(String name, Idx.Images images, byte[] labels, int numClasses) {
        return new Dataset(name, 1, images.rows(), images.cols(), numClasses, images.pixels(), labels);
    }

    private static int maxLabel(byte[] labels) {
        int max = 0;
        for (byte label : labels) {
            max = Math.max(max, label & 0xff);
        }
        return max;
    }

    private static String folderName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "dataset" : name.toString();
    }
}
