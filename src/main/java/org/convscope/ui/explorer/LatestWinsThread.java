package org.convscope.ui.explorer;

import java.util.function.Consumer;

/**
 * A daemon thread that runs only the newest job submitted to it (latest wins): a job submitted while another runs
 * replaces any job still waiting, so a fast stroke never queues stale work. A job that throws is reported to
 * {@code failures} and the thread goes on.
 */
final class LatestWinsThread<J> implements AutoCloseable {
    private final Consumer<J> work;
    private final Consumer<RuntimeException> failures;
    private final Thread thread;
    private J pending;
    private boolean closed;

    LatestWinsThread(String name, Consumer<J> work, Consumer<RuntimeException> failures) {
        this.work = work;
        this.failures = failures;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    /** Replaces any job that has not started yet. */
    synchronized void submit(J job) {
        pending = job;
        notifyAll();
    }

    private void loop() {
        while (true) {
            J job;
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
                work.accept(job);
            } catch (RuntimeException e) {
                failures.accept(e);
            }
        }
    }

    Thread thread() {
        return thread;
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
