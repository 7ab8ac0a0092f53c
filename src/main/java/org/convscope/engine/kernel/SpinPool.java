package org.convscope.engine.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of worker threads that run one job at a time together with the caller: the trainer's batches, a
 * convolution's tasks. A batch or a layer takes a millisecond or less, so handing it over must take microseconds: an
 * executor parks its threads between tasks, and waking a parked thread (on an idle virtual CPU of a VM) cost a tenth
 * of a batch here. So the workers, and the caller waiting for them, spin for {@value #SPIN_NANOS} ns before they
 * park: while training or a forward pass runs, the next job comes within that time, and when it stops they park and
 * burn no core.
 */
public final class SpinPool implements Parallel {
    private static final long SPIN_NANOS = 100_000;

    /** One run: the work, how many workers join the caller, and how many of them are still at it. */
    private record Job(Runnable work, int helpers, AtomicInteger pending, Thread caller,
                       AtomicReference<Throwable> failure) {}

    private final Thread[] workers;
    private volatile Job current;
    private volatile boolean closed;

    /** @param size worker threads besides the caller */
    public SpinPool(int size, String name) {
        workers = new Thread[size];
        for (int i = 0; i < size; i++) {
            int index = i;
            workers[i] = new Thread(() -> work(index), name + "-" + (i + 1));
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /**
     * Runs {@code work} on the calling thread and on {@code helpers} workers (at most all) at once, and returns when
     * every run has returned; the first exception thrown by any run is rethrown.
     */
    public void run(Runnable work, int helpers) {
        int n = Math.min(helpers, workers.length);
        if (n <= 0) {
            work.run();
            return;
        }
        Job job = new Job(work, n, new AtomicInteger(n), Thread.currentThread(), new AtomicReference<>());
        current = job;
        for (int i = 0; i < n; i++) LockSupport.unpark(workers[i]);
        try {
            work.run();
        } finally {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (job.pending().get() > 0 && !closed) {
                if (System.nanoTime() < spinUntil) Thread.onSpinWait();
                else LockSupport.parkNanos(this, 1_000_000);
            }
        }
        rethrow(job.failure().get());
    }

    @Override
    public int threads() {
        return workers.length + 1;
    }

    /**
     * Tasks are taken in order from a shared counter by whichever thread is free (see {@link Parallel#forEach}). The
     * caller then waits for the tasks that workers took, not for the workers: one that the operating system has not
     * run yet finds no task left when it wakes, and the caller does not wait for that wake-up (on a busy machine it
     * took a fifth of a millisecond, more than many a convolution).
     */
    @Override
    public void forEach(int count, IntConsumer task) {
        int helpers = Math.min(count - 1, workers.length);
        if (helpers <= 0 || closed) {
            for (int i = 0; i < count; i++) task.accept(i);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.currentThread();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
                if (finished.incrementAndGet() == count) LockSupport.unpark(caller);
            }
        };
        current = new Job(work, helpers, new AtomicInteger(helpers), caller, new AtomicReference<>());
        for (int i = 0; i < helpers; i++) LockSupport.unpark(workers[i]);
        work.run();
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (finished.get() < count) {
            if (System.nanoTime() < spinUntil) Thread.onSpinWait();
            else LockSupport.parkNanos(this, 1_000_000);
        }
        rethrow(failure.get());
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
    }

    private void work(int index) {
        Job done = null;
        while (!closed) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            Job job;
            while ((job = current) == done && !closed) {
                if (System.nanoTime() < spinUntil) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            if (closed || job == null) return;
            done = job;
            if (index >= job.helpers()) continue;
            try {
                job.work().run();
            } catch (Throwable t) {
                job.failure().compareAndSet(null, t);
            } finally {
                if (job.pending().decrementAndGet() == 0) LockSupport.unpark(job.caller());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) LockSupport.unpark(w);
    }
}
