package org.convscope.training;

import java.util.concurrent.atomic.AtomicInteger;
import org.convscope.engine.Dims;
import org.convscope.engine.train.SampleSource;

/** Training data (the stripes of {@link Stripes}) whose reads fail from the {@code failAt}th on, as a disk that goes away. */
public final class FailingSource implements SampleSource {
    public static final String PROBLEM = "the data set's disk went away";
    private final Stripes data = new Stripes(160, 17);
    private final AtomicInteger reads = new AtomicInteger();
    private final int failAt;

    public FailingSource(int failAt) {
        this.failAt = failAt;
    }

    /** A session training the stripes' network on this source. */
    public static TrainingSession session(int failAt) {
        return new TrainingSession(Stripes.net(), new FailingSource(failAt), new Stripes(90, 18),
                TrainingSessionTest.SETTINGS, org.convscope.engine.kernel.KernelSelection.preferred(), "");
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public Dims dims() {
        return data.dims();
    }

    @Override
    public int numClasses() {
        return data.numClasses();
    }

    @Override
    public int label(int index) {
        return data.label(index);
    }

    @Override
    public void fill(int[] indices, int from, int count, float[] out) {
        if (reads.incrementAndGet() >= failAt) throw new IllegalStateException(PROBLEM);
        data.fill(indices, from, count, out);
    }
}
