package org.convscope.ui.explorer;

import java.util.function.Consumer;
import org.convscope.engine.Network;
import org.convscope.engine.explain.Occlusion;

/**
 * The "convscope-occlusion" thread: occlusion saliency of the newest frame only (latest wins), off the FX thread and
 * off the inference thread, which it would hold up for tens of passes per stroke point.
 */
final class OcclusionWorker implements AutoCloseable {
    /** What to explain: the input of a frame of a network, and its top class. */
    record Job(long sequence, Network network, float[] input, int topClass) {}

    private final Consumer<SaliencyMap> sink;
    private final LatestWinsThread<Job> thread;
    private Network network;    // of the occlusion below; only the worker thread touches them
    private Occlusion occlusion;

    OcclusionWorker(Consumer<SaliencyMap> sink, Consumer<Throwable> failures) {
        this.sink = sink;
        this.thread = new LatestWinsThread<>("convscope-occlusion", this::explain, failures);
    }

    /** Replaces any job that has not started yet. */
    void submit(Job job) {
        thread.submit(job);
    }

    private void explain(Job job) {
        if (job.network() != network) {
            network = job.network();
            occlusion = new Occlusion(network);
        }
        sink.accept(new SaliencyMap(job.sequence(), SaliencyMethod.OCCLUSION, job.topClass(),
                occlusion.saliency(job.input(), job.topClass())));
    }

    @Override
    public void close() {
        thread.close();
    }
}
