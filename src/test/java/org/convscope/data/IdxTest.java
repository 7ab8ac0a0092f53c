package org.convscope.data;

import static org.convscope.data.IdxFiles.gzip;
import static org.convscope.data.IdxFiles.images;
import static org.convscope.data.IdxFiles.labels;
import static org.convscope.data.IdxFiles.pattern;
import static org.convscope.data.IdxFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    @Test
    void readsRawAndGzippedImagesWhateverTheName() {
        byte[] pixels = pattern(3, 4, 5);
        byte[] file = images(3, 4, 5, pixels);
        for (Path path : new Path[] {
                write(dir.resolve("raw-idx3-ubyte"), file),
                write(dir.resolve("zipped-idx3-ubyte"), gzip(file)),
                write(dir.resolve("raw-but-named.gz"), file)}) {
            Idx.Images images = Idx.readImages(path);
            assertEquals(3, images.count());
            assertEquals(4, images.rows());
            assertEquals(5, images.cols());
            assertArrayEquals(pixels, images.pixels(), path.toString());
        }
    }

    @Test
    void readsLabelsAsUnsignedBytes() {
        byte[] labels = {0, 9, 3, (byte) 200};
        assertArrayEquals(labels, Idx.readLabels(write(dir.resolve("l.gz"), gzip(labels(labels)))));
    }

    @Test
    void transposedSwapsRowsAndColumnsOfEachImage() {
        Idx.Images images = new Idx.Images(2, 2, 3, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        Idx.Images t = images.transposed();
        assertEquals(3, t.rows());
        assertEquals(2, t.cols());
        assertArrayEquals(new byte[] {1, 4, 2, 5, 3, 6, 7, 10, 8, 11, 9, 12}, t.pixels());
    }

    @Test
    void aSixteenByteHeaderClaimingTwoGigabytesIsRefusedBeforeAnythingIsAllocated() {
        // 1×46000×46000 = 2,116,000,000 bytes: within an array's reach, far beyond the file's.
        Path file = write(dir.resolve("huge-idx3-ubyte"), IdxFiles.idx(Idx.IMAGES_MAGIC, new int[] {1, 46000, 46000},
                new byte[0]));
        assertMessage(file + ": truncated: header says 1×46000×46000 = 2116000000 bytes of pixels, file has 0",
                () -> Idx.readImages(file));
    }

    @Test
    void anEightByteLabelFileClaimingABillionLabelsIsRefusedAtOnce() {
        Path file = write(dir.resolve("labels-idx1-ubyte"), IdxFiles.idx(Idx.LABELS_MAGIC,
                new int[] {1_000_000_000}, new byte[0]));
        assertMessage(file + ": truncated: header says 1000000000 bytes of labels, file has 0", () -> Idx.readLabels(file));
    }

    @Test
    void gzippedDataClaimingMoreThanTheHeapIsRefusedBeforeInflating() {
        Path file = write(dir.resolve("labels-idx1-ubyte.gz"), gzip(IdxFiles.idx(Idx.LABELS_MAGIC,
                new int[] {Integer.MAX_VALUE - 8}, new byte[] {1, 2, 3})));
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.readLabels(file));
        assertTrue(e.getMessage().matches(".*: too large: header says 2147483639 bytes of labels: needs 3\\.0 GB, the heap"
                + " allows \\d.*"), e.getMessage());
    }

    @Test
    void gzippedDataClaimingMuchCostsWhatItHolds() {
        Path file = write(dir.resolve("labels-idx1-ubyte.gz"), gzip(IdxFiles.idx(Idx.LABELS_MAGIC,
                new int[] {300_000_000}, new byte[] {1, 2, 3})));
        long before = allocatedByThisThread();
        assertMessage(file + ": truncated: header says 300000000 bytes of labels, file has 3", () -> Idx.readLabels(file));
        long allocated = allocatedByThisThread() - before;
        assertTrue(allocated < 10 << 20, "far less than the 300 MB claimed was allocated: " + allocated);
    }

    @Test
    void junkAfterTheGzipDataIsAnError() {
        byte[] zipped = gzip(labels((byte) 1, (byte) 2));
        byte[] withJunk = Arrays.copyOf(zipped, zipped.length + 5);
        Path file = write(dir.resolve("junk-labels.gz"), withJunk);
        assertMessage(file + ": trailing data after the gzip data", () -> Idx.readLabels(file));
    }

    @Test
    void gzipMembersBackToBackAreOneStream() {
        byte[] whole = labels((byte) 1, (byte) 2, (byte) 3);
        byte[] first = gzip(Arrays.copyOf(whole, 6));
        byte[] second = gzip(Arrays.copyOfRange(whole, 6, whole.length));
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertArrayEquals(new byte[] {1, 2, 3}, Idx.readLabels(write(dir.resolve("two-members.gz"), both)));
    }

    @Test
    void aChecksumThatDoesNotMatchIsAnError() {
        byte[] zipped = gzip(labels((byte) 1, (byte) 2));
        zipped[zipped.length - 8] ^= 1; // the CRC-32 in the trailer
        Path file = write(dir.resolve("crc.gz"), zipped);
        assertMessage(file + ": corrupt or truncated gzip data: CRC-32 does not match", () -> Idx.readLabels(file));
    }

    static long allocatedByThisThread() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.getCurrentThreadAllocatedBytes();
    }

    @Test
    void labelFileIsNotAnImageFile() {
        Path file = write(dir.resolve("t10k-labels-idx1-ubyte"), labels((byte) 1, (byte) 2));
        assertMessage(file + ": not an IDX image file (magic 0x00000801, expected 0x00000803)",
                () -> Idx.readImages(file));
    }

    @Test
    void randomBytesAreNotAnIdxFile() {
        Path file = write(dir.resolve("photo.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0});
        assertMessage(file + ": not an IDX label file (magic 0xFFD8FFE0, expected 0x00000801)",
                () -> Idx.readLabels(file));
    }

    @Test
    void truncatedPixels() {
        byte[] whole = images(10, 28, 28, new byte[10 * 28 * 28]);
        Path file = write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(Arrays.copyOf(whole, 16 + 1234)));
        assertMessage(file + ": truncated: header says 10×28×28 = 7840 bytes of pixels, file has 1234",
                () -> Idx.readImages(file));
    }

    @Test
    void truncatedHeader() {
        Path file = write(dir.resolve("short"), Arrays.copyOf(images(1, 1, 1, new byte[1]), 10));
        assertMessage(file + ": truncated: an IDX image header needs 16 bytes, file has 10", () -> Idx.readImages(file));
        Path empty = write(dir.resolve("empty"), new byte[0]);
        assertMessage(empty + ": truncated: an IDX header needs 8 bytes, file has 0", () -> Idx.readLabels(empty));
    }

    @Test
    void trailingGarbage() {
        byte[] file = labels((byte) 1, (byte) 2, (byte) 3);
        Path path = write(dir.resolve("labels"), Arrays.copyOf(file, file.length + 5));
        assertMessage(path + ": trailing garbage: header says 3 bytes of labels, file has 5 more bytes after them",
                () -> Idx.readLabels(path));
    }

    @Test
    void nonPositiveDimension() {
        Path file = write(dir.resolve("zero-rows"), images(1, 0, 5, new byte[0]));
        assertMessage(file + ": dimension 1 is 0, expected > 0", () -> Idx.readImages(file));
    }

    @Test
    void corruptGzip() {
        byte[] zipped = gzip(images(20, 8, 8, pattern(20, 8, 8)));
        for (int i = 20; i < zipped.length - 8; i++) {
            zipped[i] ^= 0x5a;
        }
        Path file = write(dir.resolve("broken.gz"), zipped);
        String message = assertThrows(DatasetException.class, () -> Idx.readImages(file)).getMessage();
        assertStartsWith(file + ": corrupt or truncated gzip data: ", message);
    }

    @Test
    void truncatedGzip() {
        byte[] zipped = gzip(images(20, 8, 8, pattern(20, 8, 8)));
        Path file = write(dir.resolve("cut.gz"), Arrays.copyOf(zipped, zipped.length / 2));
        String message = assertThrows(DatasetException.class, () -> Idx.readImages(file)).getMessage();
        assertStartsWith(file + ": corrupt or truncated gzip data: ", message);
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nothing-here.gz");
        assertMessage(file + ": no such file", () -> Idx.readLabels(file));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        DatasetException e = assertThrows(DatasetException.class, action);
        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    static void assertStartsWith(String prefix, String message) {
        assertEquals(prefix, message.substring(0, Math.min(prefix.length(), message.length())), message);
        assertFalse(message.contains("\n"), "one line");
    }
}
