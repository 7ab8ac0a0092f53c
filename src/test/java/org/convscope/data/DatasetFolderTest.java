package org.convscope.data;

import static org.convscope.data.IdxFiles.gzip;
import static org.convscope.data.IdxFiles.images;
import static org.convscope.data.IdxFiles.labels;
import static org.convscope.data.IdxFiles.pattern;
import static org.convscope.data.IdxFiles.write;
import static org.convscope.data.IdxTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFolderTest {
    @TempDir
    Path dir;

    /** Writes 3 train and 2 test images of 2 × 3 under the given prefix ("" or "name-") and test split name. */
    private void writeSet(String prefix, String testSplit, String suffix) {
        write(dir.resolve(prefix + "train-images-idx3-ubyte" + suffix), gz(images(3, 2, 3, pattern(3, 2, 3)), suffix));
        write(dir.resolve(prefix + "train-labels-idx1-ubyte" + suffix), gz(labels((byte) 0, (byte) 4, (byte) 1), suffix));
        write(dir.resolve(prefix + testSplit + "-images-idx3-ubyte" + suffix), gz(images(2, 2, 3, pattern(2, 2, 3)), suffix));
        write(dir.resolve(prefix + testSplit + "-labels-idx1-ubyte" + suffix), gz(labels((byte) 5, (byte) 2), suffix));
    }

    private static byte[] gz(byte[] raw, String suffix) {
        return suffix.equals(".gz") ? gzip(raw) : raw;
    }

    @Test
    void loadsStandardNamesRawOrGzipped() {
        for (String suffix : new String[] {"", ".gz"}) {
            writeSet("", "t10k", suffix);
            TrainTest data = DatasetFolder.load(dir);
            assertEquals(3, data.train().size());
            assertEquals(2, data.test().size());
            assertEquals(6, data.train().numClasses(), "max label 5 + 1, over both sets");
            assertEquals(6, data.test().numClasses());
            assertEquals(2, data.train().rows());
            assertEquals(3, data.train().cols());
            assertEquals(1, data.train().channels());
            assertEquals(4, data.train().label(1));
            assertEquals(dir.getFileName() + " train", data.train().name());
        }
    }

    @Test
    void emnistNamesAreFoundAndTransposed() {
        writeSet("emnist-digits-", "test", ".gz");
        TrainTest data = DatasetFolder.load(dir, "emnist-digits");
        assertEquals("emnist-digits test", data.test().name());
        assertEquals(3, data.train().rows());
        assertEquals(2, data.train().cols());
        Idx.Images stored = new Idx.Images(3, 2, 3, pattern(3, 2, 3));
        assertArrayEquals(stored.transposed().pixels(), data.train().pixels());
    }

    @Test
    void severalDatasetsNeedAPrefix() {
        writeSet("emnist-digits-", "test", ".gz");
        writeSet("emnist-letters-", "test", ".gz");
        assertMessage(dir + ": several datasets [emnist-digits, emnist-letters], choose one by its prefix",
                () -> DatasetFolder.load(dir));
        assertEquals(3, DatasetFolder.load(dir, "emnist-letters").train().size());
    }

    @Test
    void missingFileIsNamed() throws IOException {
        writeSet("", "t10k", ".gz");
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        assertMessage(dir + ": missing t10k-labels-idx1-ubyte[.gz]", () -> DatasetFolder.load(dir));
    }

    @Test
    void missingFileWithPrefixIsNamed() throws IOException {
        writeSet("emnist-mnist-", "test", "");
        Files.delete(dir.resolve("emnist-mnist-test-images-idx3-ubyte"));
        assertMessage(dir + ": missing emnist-mnist-test-images-idx3-ubyte[.gz]", () -> DatasetFolder.load(dir));
    }

    @Test
    void emptyOrAbsentFolder() {
        assertMessage(dir + ": missing train-images-idx3-ubyte[.gz]", () -> DatasetFolder.load(dir));
        Path absent = dir.resolve("absent");
        assertMessage(absent + ": no such directory", () -> DatasetFolder.load(absent));
    }

    @Test
    void imageAndLabelCountsMustMatch() {
        writeSet("", "t10k", "");
        Path labelFile = write(dir.resolve("t10k-labels-idx1-ubyte"), labels((byte) 1, (byte) 2, (byte) 3));
        assertMessage(labelFile + ": has 3 labels, but " + dir.resolve("t10k-images-idx3-ubyte") + " has 2 images",
                () -> DatasetFolder.load(dir));
    }

    @Test
    void bundledMnistLoads() {
        TrainTest mnist = DatasetFolder.bundledMnist();
        assertEquals(60000, mnist.train().size());
        assertEquals(10000, mnist.test().size());
        assertEquals(10, mnist.train().numClasses());
        assertEquals(28, mnist.train().rows());
        assertEquals(28, mnist.train().cols());
        assertEquals("mnist train", mnist.train().name());
        int[] counts = new int[10];
        for (int i = 0; i < mnist.test().size(); i++) {
            counts[mnist.test().label(i)]++;
        }
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, counts);
        assertEquals(7, mnist.test().label(0), "the first test digit is a 7");
        assertEquals(60000 * 784, mnist.train().pixels().length);
    }

    @Test
    void bundledMnistIsReadOncePerProcessAndShared() throws Exception {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(DatasetFolder::bundledMnist);
            var second = two.submit(DatasetFolder::bundledMnist);
            assertSame(first.get(), second.get(), "two callers at once share one read");
        } finally {
            two.shutdown();
        }
        assertSame(DatasetFolder.bundledMnist().test().pixels(), DatasetFolder.bundledMnist().test().pixels());
    }
}
