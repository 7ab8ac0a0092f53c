package org.convscope.ui.explorer;

import java.util.function.Consumer;

/**
 * A daemon thread that runs only the newest job submitted to it (latest wins): a job submitted while another runs
 * replaces any job still waiting, so a fast stroke never queues stale work. A job that fails, with any exception or
 * error (out of memory included), is reported to {@code failures} and the thread goes on with the next job: it never
 * dies silently, leaving the view frozen.
 */
final class LatestWinsThread<J> implements AutoCloseable {
    private final Consumer<J> work;
    private final Consumer<Throwable> failures;
    private final Thread thread;
    private J pending;
    private boolean closed;

    LatestWinsThread(String name, Consumer<J> work, Consumer<Throwable> failures) {
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
            } catch (Throwable e) {
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
