package org.convscope.ui.explorer;

import java.util.function.Consumer;

/**
 * The "convscope-inference" thread: runs the newest request only (latest wins), so a fast stroke never queues
 * stale passes, and hands each frame to the sink on this thread.
 */
final class InferenceWorker implements AutoCloseable {
    private record Job(Inference inference, Inference.Request request) {}

    private final LatestWinsThread<Job> thread;

    InferenceWorker(Consumer<Frame> sink, Consumer<Throwable> failures) {
        thread = new LatestWinsThread<>("convscope-inference", job -> sink.accept(job.inference().run(job.request())),
                failures);
    }

    /** Replaces any request that has not started yet. */
    void submit(Inference inference, Inference.Request request) {
        thread.submit(new Job(inference, request));
    }

    @Override
    public void close() {
        thread.close();
    }

    Thread thread() {
        return thread.thread();
    }
}
