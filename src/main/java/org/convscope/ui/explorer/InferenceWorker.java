package org.convscope.ui.explorer;

import java.util.function.Consumer;

/**
 * The "convscope-inference" thread: runs the newest request only (latest wins), so a fast stroke never queues
 * stale passes, and hands each frame to the sink on this thread.
 */
final class InferenceWorker implements AutoCloseable {
    private final Consumer<Frame> sink;
    private final Consumer<RuntimeException> failures;
    private final Thread thread;
    private Inference pendingInference;
    private Inference.Request pending;
    private boolean closed;

    InferenceWorker(Consumer<Frame> sink, Consumer<RuntimeException> failures) {
        this.sink = sink;
        this.failures = failures;
        this.thread = Thread.ofPlatform().name("convscope-inference").daemon().start(this::loop);
    }

    /** Replaces any request that has not started yet. */
    synchronized void submit(Inference inference, Inference.Request request) {
        pendingInference = inference;
        pending = request;
        notifyAll();
    }

    private void loop() {
        while (true) {
            Inference inference;
            Inference.Request request;
            synchronized (this) {
                while (pending == null && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) return;
                inference = pendingInference;
                request = pending;
                pending = null;
            }
            try {
                sink.accept(inference.run(request));
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

    Thread thread() {
        return thread;
    }
}
