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
    private final Consumer<RuntimeException> failures;
    private Job pending;
    private boolean closed;
    private Network network;    // of the occlusion below; only this thread touches them
    private Occlusion occlusion;

    OcclusionWorker(Consumer<SaliencyMap> sink, Consumer<RuntimeException> failures) {
        this.sink = sink;
        this.failures = failures;
        Thread.ofPlatform().name("convscope-occlusion").daemon().start(this::loop);
    }

    /** Replaces any job that has not started yet. */
    synchronized void submit(Job job) {
        pending = job;
        notifyAll();
    }

    private void loop() {
        while (true) {
            Job job;
            synchronized (this) {
                while (pending == null && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) return;
                job = pending;
                pending = null;
            }
            try {
                if (job.network() != network) {
                    network = job.network();
                    occlusion = new Occlusion(network);
                }
                sink.accept(new SaliencyMap(job.sequence(), SaliencyMethod.OCCLUSION,
                        occlusion.saliency(job.input(), job.topClass())));
            } catch (RuntimeException e) {
                failures.accept(e);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
