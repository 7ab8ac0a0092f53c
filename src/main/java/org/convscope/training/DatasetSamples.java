package org.convscope.training;

import org.convscope.data.Dataset;
import org.convscope.engine.Dims;
import org.convscope.engine.train.SampleSource;

/** A data set as the trainer sees it, optionally limited to its first {@code limit} samples. */
public record DatasetSamples(Dataset dataset, int size) implements SampleSource {
    public DatasetSamples {
        if (size < 0 || size > dataset.size()) {
            throw new IllegalArgumentException(dataset.name() + ": size " + size + " outside 0.." + dataset.size());
        }
    }

    /** The first {@code limit} samples, or all of them when limit ≤ 0. */
    public static DatasetSamples of(Dataset dataset, int limit) {
        return new DatasetSamples(dataset, limit > 0 ? Math.min(limit, dataset.size()) : dataset.size());
    }

    @Override
    public Dims dims() {
        return new Dims(dataset.channels(), dataset.rows(), dataset.cols());
    }

    @Override
    public int numClasses() {
        return dataset.numClasses();
    }

    @Override
    public int label(int index) {
        return dataset.label(index);
    }

    @Override
    public void fill(int[] indices, int from, int count, float[] out) {
        dataset.toFloats(indices, from, count, out);
    }
}
