package org.convscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10's binary batches, written small by the test: read in order, channel by channel, and checked. */
class Cifar10Test {
    @TempDir
    Path dir;

    @Test
    void theTrainingBatchesInOrderThenTheTestBatch() {
        TrainTest sets = Cifar10.load(CifarFiles.folder(dir));
        Dataset train = sets.train();
        assertEquals(5, train.size());
        assertEquals(3, train.channels());
        assertEquals(32, train.rows());
        assertEquals(32, train.cols());
        assertEquals(10, train.numClasses());
        assertEquals(List.of(0, 1, 2, 9, 3), List.of(train.label(0), train.label(1), train.label(2), train.label(3),
                train.label(4)));
        assertEquals(4, sets.test().size());
        assertEquals(9, sets.test().label(2));
        float[] image = new float[3 * 32 * 32];
        train.toFloats(new int[] {3}, 0, 1, image); // the first image of data_batch_2.bin
        for (int c = 0; c < 3; c++) {
            assertEquals(CifarFiles.pixel(0, c, 5, 7) / 255f, image[(c * 32 + 5) * 32 + 7], "channel " + c);
        }
    }

    /** The explorer's top images rank one set: the test batch, else (a folder without one) the training batches. */
    @Test
    void oneSetToRankIsTheTestBatchElseTheTrainingBatches() throws Exception {
        Dataset test = Cifar10.testOrTraining(CifarFiles.folder(dir));
        assertEquals(List.of(1, 0, 9, 2), List.of(test.label(0), test.label(1), test.label(2), test.label(3)));
        Files.delete(dir.resolve("test_batch.bin"));
        Dataset train = Cifar10.testOrTraining(dir);
        assertEquals(5, train.size());
        assertEquals(9, train.label(3));
        Files.write(dir.resolve("data_batch_1.bin"), new byte[100]);
        DatasetException e = assertThrows(DatasetException.class, () -> Cifar10.testOrTraining(dir));
        assertTrue(e.getMessage().contains("data_batch_1.bin") && e.getMessage().contains("not a whole number"),
                e.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertTrue(assertThrows(DatasetException.class, () -> Cifar10.testOrTraining(empty)).getMessage()
                .contains("no CIFAR-10 batch"));
    }

    @Test
    void batchTenComesAfterBatchTwo() {
        CifarFiles.write(dir.resolve("data_batch_10.bin"), 5);
        CifarFiles.write(dir.resolve("data_batch_2.bin"), 4);
        CifarFiles.write(dir.resolve("test_batch.bin"), 1);
        Dataset train = Cifar10.load(dir).train();
        assertEquals(4, train.label(0));
        assertEquals(5, train.label(1));
    }

    @Test
    void aFileThatIsNotWholeRecordsIsNamedWithItsLength() throws Exception {
        CifarFiles.folder(dir);
        Path cut = dir.resolve("data_batch_2.bin");
        byte[] bytes = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        DatasetException e = assertThrows(DatasetException.class, () -> Cifar10.load(dir));
        assertEquals(cut + ": 6,046 bytes is not a whole number of CIFAR-10 records (3,073 bytes each: a label byte"
                + " and 32×32×3 pixels)", e.getMessage());
    }

    @Test
    void aLabelAboveNineIsNamedWithItsRecord() {
        CifarFiles.folder(dir);
        CifarFiles.write(dir.resolve("test_batch.bin"), 1, 2, 12);
        DatasetException e = assertThrows(DatasetException.class, () -> Cifar10.load(dir));
        assertEquals(dir.resolve("test_batch.bin") + ": record 3 has label 12; CIFAR-10 labels are 0–9", e.getMessage());
    }

    @Test
    void theTestBatchIsRequired() {
        CifarFiles.write(dir.resolve("data_batch_1.bin"), 1, 2);
        DatasetException e = assertThrows(DatasetException.class, () -> Cifar10.load(dir));
        assertEquals(dir + ": missing test_batch.bin, the test set", e.getMessage());
    }

    @Test
    void classNamesComeFromTheMetaFileWhenItHasTen() throws Exception {
        CifarFiles.folder(dir);
        assertEquals("airplane", Cifar10.classNames(dir).get(0));
        Files.writeString(dir.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
        assertEquals("j", Cifar10.classNames(dir).get(9));
        assertTrue(Cifar10.isCifar(dir));
        assertFalse(Cifar10.isCifar(dir.resolve("nowhere")));
    }
}
