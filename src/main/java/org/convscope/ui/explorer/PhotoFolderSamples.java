package org.convscope.ui.explorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.convscope.data.DatasetException;
import org.convscope.data.Photo;
import org.convscope.data.PhotoPreprocess;
import org.convscope.engine.Dims;
import org.convscope.engine.train.SampleSource;

/**
 * The PNG and JPG files of a folder and its subfolders (a CIFAR-10 or ImageNet-style folder of class folders, or a
 * plain folder of photos), each preprocessed as the model's photos are when a batch asks for it; unlabelled.
 */
record PhotoFolderSamples(Path dir, List<Path> files, PhotoPreprocess recipe, Dims dims, int numClasses)
        implements SampleSource {
    /** At most this many files are scanned: a minute or so of forward passes on a small model. */
    static final int MAX_FILES = 5000;

    static PhotoFolderSamples scan(Path dir, PhotoPreprocess recipe, Dims dims, int classes) {
        if (!Files.isDirectory(dir)) throw new DatasetException(dir, "not a folder");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, 3)) {
            files = walk.filter(Files::isRegularFile).filter(PhotoFolderSamples::isImage).sorted().limit(MAX_FILES).toList();
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(dir, "cannot list: " + org.convscope.io.Failures.report(e), e);
        }
        if (files.isEmpty()) throw new DatasetException(dir, "holds no PNG or JPG images (looked 3 folders deep)");
        return new PhotoFolderSamples(dir, files, recipe, dims, classes);
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public int label(int index) {
        return 0;
    }

    @Override
    public void fill(int[] indices, int from, int count, float[] out) {
        for (int i = 0; i < count; i++) {
            float[] x = recipe.apply(Photo.load(files.get(indices[from + i])), dims);
            System.arraycopy(x, 0, out, i * dims.size(), x.length);
        }
    }
}
