package org.convscope.ui.explorer;

import java.nio.file.Path;
import org.convscope.data.Cifar10;
import org.convscope.data.Dataset;
import org.convscope.data.Photo;
import org.convscope.data.PhotoPreprocess;
import org.convscope.engine.Dims;
import org.convscope.engine.train.SampleSource;

/**
 * A folder of CIFAR-10 binary batches as the explorer's top images search them: its test batch (else its training
 * batches), each 32×32 image taken as a photo and preprocessed as the model's photos are, as {@link
 * PhotoFolderSamples} does for a folder of PNG and JPG files; labelled with CIFAR-10's classes.
 *
 * @param images the batch's images, [N][3][32][32] bytes
 * @param dims   the model's input
 */
record CifarSamples(Dataset images, PhotoPreprocess recipe, Dims dims, int numClasses) implements SampleSource {
    static CifarSamples of(Path dir, PhotoPreprocess recipe, Dims dims, int classes) {
        return new CifarSamples(Cifar10.testOrTraining(dir), recipe, dims, classes);
    }

    /** Image i as a photo: its bytes v as v / 255, the planes R, G, B. */
    Photo photo(int i) {
        float[] planes = new float[images.imageSize()]; // [3][32][32]
        images.toFloats(new int[] {i}, 0, 1, planes);
        return new Photo(images.cols(), images.rows(), planes);
    }

    @Override
    public int size() {
        return images.size();
    }

    @Override
    public int label(int index) {
        return images.label(index);
    }

    @Override
    public void fill(int[] indices, int from, int count, float[] out) {
        for (int i = 0; i < count; i++) {
            float[] x = recipe.apply(photo(indices[from + i]), dims);
            System.arraycopy(x, 0, out, i * dims.size(), x.length);
        }
    }
}
