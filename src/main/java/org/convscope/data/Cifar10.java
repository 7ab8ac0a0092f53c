package org.convscope.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.convscope.io.Heap;

/**
 * CIFAR-10's binary version, as distributed in {@code cifar-10-binary.tar.gz}: {@code data_batch_1.bin} …
 * {@code data_batch_5.bin} (the training set, in that order) and {@code test_batch.bin}, each a run of records of
 * {@value #RECORD} bytes: the label (0–9), then the 32×32 red values, the green and the blue, row by row. Class names
 * come from {@code batches.meta.txt} (one per line) when present, else the standard ten. Any number of training
 * batches is accepted (one is enough); the test batch is required. Every file's length is checked to be whole records
 * and every label below 10, and the whole set against the heap, before the pixels are read.
 */
public final class Cifar10 {
    public static final int ROWS = 32;
    public static final int COLS = 32;
    public static final int CHANNELS = 3;
    public static final int CLASSES = 10;
    /** Bytes per record: one label byte and 32×32×3 pixels. */
    public static final int RECORD = 1 + CHANNELS * ROWS * COLS;
    static final String TEST = "test_batch.bin";
    static final String META = "batches.meta.txt";
    private static final Pattern TRAIN = Pattern.compile("data_batch_(\\d+)\\.bin");
    private static final List<String> NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");

    private Cifar10() {}

    /** Whether {@code dir} holds CIFAR-10 binary batches (a {@code data_batch_N.bin} or {@code test_batch.bin}). */
    public static boolean isCifar(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString())
                    .anyMatch(n -> n.equals(TEST) || TRAIN.matcher(n).matches());
        } catch (IOException e) {
            throw new DatasetException(dir, "cannot list: " + DatasetException.describe(e), e);
        }
    }

    /** The training batches (in their numbers' order) and the test batch; one-line {@link DatasetException} otherwise. */
    public static TrainTest load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(dir, Files.exists(dir) ? "not a directory" : "no such directory");
        }
        List<Path> train = trainBatches(dir);
        Path test = dir.resolve(TEST);
        if (train.isEmpty()) throw new DatasetException(dir, "no training batch: expected data_batch_1.bin … data_batch_5.bin");
        if (!Files.isRegularFile(test)) throw new DatasetException(dir, "missing " + TEST + ", the test set");
        long trainRecords = 0;
        for (Path file : train) trainRecords += records(file);
        long testRecords = records(test);
        long bytes = (trainRecords + testRecords) * (RECORD - 1L) + trainRecords + testRecords;
        long most = (Integer.MAX_VALUE - 8) / (RECORD - 1);
        if (trainRecords > most || testRecords > most) {
            throw new DatasetException(dir, "too large: " + Math.max(trainRecords, testRecords) + " images in one set,"
                    + " at most " + most + " supported");
        }
        if (!Heap.fits(bytes)) {
            throw new DatasetException(dir, "its " + (trainRecords + testRecords) + " images need about "
                    + Heap.size(bytes) + ", more than the Java heap has free (start Java with a larger -Xmx)");
        }
        String name = folderName(dir);
        return new TrainTest(read(name + " train", train, (int) trainRecords), read(name + " test", List.of(test),
                (int) testRecords));
    }

    /**
     * One set of a folder's images, for ranking them (the explorer's top images): its test batch, or its training
     * batches when it has none; checked as {@link #load} checks them.
     */
    public static Dataset testOrTraining(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(dir, Files.exists(dir) ? "not a directory" : "no such directory");
        }
        Path test = dir.resolve(TEST);
        List<Path> files = Files.isRegularFile(test) ? List.of(test) : trainBatches(dir);
        if (files.isEmpty()) throw new DatasetException(dir, "holds no CIFAR-10 batch (" + TEST + ", data_batch_N.bin)");
        long records = 0;
        for (Path file : files) records += records(file);
        long most = (Integer.MAX_VALUE - 8) / (RECORD - 1);
        if (records > most) throw new DatasetException(dir, "too large: " + records + " images, at most " + most + " supported");
        if (!Heap.fits(records * RECORD)) {
            throw new DatasetException(dir, "its " + records + " images need about " + Heap.size(records * RECORD)
                    + ", more than the Java heap has free (start Java with a larger -Xmx)");
        }
        String set = files.getFirst().equals(test) ? " test" : " train";
        return read(folderName(dir) + set, files, (int) records);
    }

    /** The class names: {@code batches.meta.txt}'s lines when it has ten, else airplane, automobile, … truck. */
    public static List<String> classNames(Path dir) {
        Path meta = dir.resolve(META);
        if (!Files.isRegularFile(meta)) return NAMES;
        try {
            if (Files.size(meta) > 4096) return NAMES;
            List<String> lines = Files.readAllLines(meta, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            return lines.size() == CLASSES ? lines : NAMES;
        } catch (IOException | RuntimeException e) {
            return NAMES;
        }
    }

    private static List<Path> trainBatches(Path dir) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir)) {
            listing.filter(Files::isRegularFile).filter(p -> TRAIN.matcher(p.getFileName().toString()).matches())
                    .forEach(found::add);
        } catch (IOException e) {
            throw new DatasetException(dir, "cannot list: " + DatasetException.describe(e), e);
        }
        found.sort((a, b) -> Long.compare(number(a), number(b)));
        return found;
    }

    private static long number(Path file) {
        Matcher m = TRAIN.matcher(file.getFileName().toString());
        if (!m.matches()) throw new IllegalStateException(file + " is not a training batch");
        String digits = m.group(1);
        return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** The records a file holds, from its length: a positive whole number, or the file is refused. */
    private static long records(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + DatasetException.describe(e), e);
        }
        if (size == 0 || size % RECORD != 0) {
            throw new DatasetException(file, String.format(Locale.ROOT, "%,d bytes is not a whole number of CIFAR-10"
                    + " records (%,d bytes each: a label byte and 32×32×3 pixels)", size, RECORD));
        }
        return size / RECORD;
    }

    /** Reads {@code count} records from the files, checking every label. */
    private static Dataset read(String name, List<Path> files, int count) {
        int image = CHANNELS * ROWS * COLS;
        byte[] pixels = new byte[count * image]; // [count][3][32][32]
        byte[] labels = new byte[count];
        byte[] record = new byte[RECORD];
        int i = 0;
        for (Path file : files) {
            long inFile = 0;
            try (InputStream in = Files.newInputStream(file)) {
                while (i < count) {
                    int read = in.readNBytes(record, 0, RECORD);
                    if (read == 0) break;
                    if (read < RECORD) throw new DatasetException(file, "changed while it was read: a record is cut short");
                    int label = record[0] & 0xff;
                    if (label >= CLASSES) {
                        throw new DatasetException(file, "record " + (inFile + 1) + " has label " + label
                                + "; CIFAR-10 labels are 0–9");
                    }
                    labels[i] = (byte) label;
                    System.arraycopy(record, 1, pixels, i * image, image);
                    i++;
                    inFile++;
                }
            } catch (IOException e) {
                throw new DatasetException(file, "cannot read: " + DatasetException.describe(e), e);
            }
        }
        if (i != count) throw new DatasetException(files.get(files.size() - 1), "changed while it was read: fewer records");
        return new Dataset(name, CHANNELS, ROWS, COLS, CLASSES, pixels, labels);
    }

    private static String folderName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "cifar-10" : name.toString();
    }
}
