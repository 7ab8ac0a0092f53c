package org.convscope.engine.train;

import org.convscope.engine.Dims;

/** Labelled samples that the trainer converts to floats one batch at a time. */
public interface SampleSource {
    int size();

    Dims dims();

    int numClasses();

    int label(int index);

    /** Writes samples indices[from, from + count) as floats into out (contiguous, sample after sample). */
    void fill(int[] indices, int from, int count, float[] out);
}
