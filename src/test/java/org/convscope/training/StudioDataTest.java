package org.convscope.training;

import static org.convscope.data.IdxFiles.images;
import static org.convscope.data.IdxFiles.labels;
import static org.convscope.data.IdxFiles.pattern;
import static org.convscope.data.IdxFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.convscope.data.DatasetException;
import org.convscope.data.DatasetFolder;
import org.convscope.data.TrainTest;
import org.convscope.engine.Dims;
import org.convscope.ui.training.setup.ColourFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the studio names its data and finds it again ({@link StudioData#resolve} of a session's {@link StudioData#key}):
 * "" is the bundled MNIST, a folder of IDX files is IDX data, any other folder an image folder with one sub-folder per
 * class; a folder that is missing or holds no usable data is one line naming it. Small written data sets, and the
 * bundled MNIST read once.
 */
class StudioDataTest {
    @TempDir
    Path dir;

    /** 5 train and 3 test images of 6 rows × 5 columns, labels up to 3 (so 4 classes). */
    private Path idxFolder() {
        write(dir.resolve("train-images-idx3-ubyte"), images(5, 6, 5, pattern(5, 6, 5)));
        write(dir.resolve("train-labels-idx1-ubyte"), labels((byte) 0, (byte) 1, (byte) 2, (byte) 3, (byte) 0));
        write(dir.resolve("t10k-images-idx3-ubyte"), images(3, 6, 5, pattern(3, 6, 5)));
        write(dir.resolve("t10k-labels-idx1-ubyte"), labels((byte) 3, (byte) 1, (byte) 2));
        return dir;
    }

    @Test
    void theEmptyKeyIsTheBundledMnist() {
        StudioData mnist = StudioData.resolve("");
        assertEquals(StudioData.Kind.MNIST, mnist.kind());
        assertEquals(DatasetFolder.samplesDir().resolve("mnist"), mnist.folder());
        assertEquals("", mnist.key(), "saved as the empty key, wherever the samples are");
        assertEquals("MNIST", mnist.title());
        assertEquals(new Dims(1, 28, 28), mnist.dims());
        assertEquals(10, mnist.numClasses());
        assertEquals(60_000, mnist.trainCount());
        assertEquals(10_000, mnist.testCount());
    }

    @Test
    void aFolderOfIdxFilesIsIdxData() {
        Path folder = idxFolder();
        StudioData data = StudioData.resolve(folder.toString());
        assertEquals(StudioData.Kind.IDX, data.kind());
        assertEquals(folder, data.folder());
        assertEquals(folder.toString(), data.key());
        assertEquals(folder.getFileName().toString(), data.title());
        assertEquals(new Dims(1, 6, 5), data.dims());
        assertEquals(4, data.numClasses());
        assertEquals(5, data.trainCount());
        assertEquals(3, data.testCount());
        TrainTest fitted = data.fitted(28, 28);
        assertEquals(28, fitted.train().rows());
        assertEquals(28, fitted.test().cols());
        assertEquals(StudioData.Kind.IDX, StudioData.resolve(data.key()).kind(), "its key finds it again");
    }

    @Test
    void aFolderOfClassFoldersIsAnImageFolder() throws Exception {
        ColourFolders.write(dir, 6);
        StudioData data = StudioData.resolve(dir.toString());
        assertEquals(StudioData.Kind.IMAGES, data.kind());
        assertEquals(dir, data.folder());
        assertEquals(dir.toString(), data.key());
        assertEquals(new Dims(3, 16, 20), data.dims(), "colour, the size of the pictures");
        assertEquals(2, data.numClasses());
        assertEquals(12, data.trainCount() + data.testCount());
        assertEquals(2, data.testCount(), "one picture of each class held out");
        TrainTest fitted = data.fitted(8, 8);
        assertEquals(3, fitted.train().channels());
        assertEquals(8, fitted.train().rows());
        assertEquals(StudioData.Kind.IMAGES, StudioData.resolve(data.key()).kind(), "its key finds it again");
    }

    @Test
    void aMissingFolderIsOneLineNamingIt() {
        Path gone = dir.resolve("gone");
        assertMessage(gone + ": no such directory", gone.toString());
    }

    @Test
    void aFileIsNotAFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not data");
        assertMessage(file + ": not a directory", file.toString());
    }

    @Test
    void aFolderWithoutDataIsOneLineNamingIt() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertMessage(empty + ": no class folders; expected one sub-folder of PNG or JPG images per class",
                empty.toString());
    }

    @Test
    void anIdxFolderMissingItsTestSetIsOneLineNamingIt() throws Exception {
        Files.delete(idxFolder().resolve("t10k-images-idx3-ubyte"));
        assertMessage(dir + ": missing t10k-images-idx3-ubyte[.gz]", dir.toString());
    }

    private static void assertMessage(String expected, String key) {
        DatasetException e = assertThrows(DatasetException.class, () -> StudioData.resolve(key));
        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aFolderOfCifarBatchesIsCifarDataAndTrains() throws Exception {
        org.convscope.data.CifarFiles.folder(dir);
        StudioData data = StudioData.resolve(dir.toString());
        assertEquals(StudioData.Kind.CIFAR10, data.kind());
        assertEquals(new Dims(3, 32, 32), data.dims());
        assertEquals(10, data.numClasses());
        assertEquals(5, data.trainCount());
        assertEquals(4, data.testCount());
        assertEquals(true, data.summary().contains("airplane, automobile, bird, cat, deer, …"), data.summary());
        var spec = new org.convscope.engine.spec.NetworkSpec("small", new Dims(3, 16, 16), java.util.List.of(
                org.convscope.engine.spec.ConvSpec.square("conv1", 4, 3, 1, 1),
                new org.convscope.engine.spec.ActivationSpec("relu1", org.convscope.engine.spec.ActivationSpec.Kind.RELU),
                new org.convscope.engine.spec.FlattenSpec("flatten"),
                new org.convscope.engine.spec.DenseSpec("fc", 10)));
        try (TrainingSession s = StudioSessions.on(data, spec, TrainingSettings.defaults().withBatchSize(2))) {
            TrainingSessionTest.await(s.stepBatch());
            assertEquals(1, s.latestFrame().step());
            assertEquals(new Dims(3, 16, 16), s.latestFrame().probe().spec().input(), "resized to the network's input");
        }
    }
}
