package org.convscope.engine.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs the independent parts of one operation on several threads, the calling thread included. A convolution plan
 * splits its work into tasks and hands them here; which thread runs which task is not fixed, so a thread that the
 * operating system takes away for a while does not hold the others up.
 */
public interface Parallel extends AutoCloseable {
    /** Runs every task on the calling thread. */
    Parallel SERIAL = new Parallel() {
        @Override
        public int threads() {
            return 1;
        }

        @Override
        public void forEach(int count, IntConsumer task) {
            for (int i = 0; i < count; i++) task.accept(i);
        }

        @Override
        public void close() {}
    };

    /** Threads that take part, the caller included. */
    int threads();

    /**
     * Runs task(0), …, task(count − 1), each once, over the threads, and returns when all have returned; the first
     * exception thrown by a task is rethrown (the other tasks still run). Not reentrant: a task must not call
     * forEach on the same instance.
     */
    void forEach(int count, IntConsumer task);

    /** A task that is told which set of buffers it may use. */
    @FunctionalInterface
    interface SlotTask {
        void run(int task, int slot);
    }

    /**
     * Runs task.run(i, slot) for i < count, like {@link #forEach}, where slot < min(threads(), count) names a set of
     * buffers that no other task running at the same time is given: each thread takes tasks from a shared counter
     * under its own slot.
     */
    default void forEachWithSlot(int count, SlotTask task) {
        int slots = Math.min(threads(), count);
        AtomicInteger next = new AtomicInteger();
        forEach(slots, slot -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) task.run(i, slot);
        });
    }

    /** Stops the worker threads; forEach then runs on the caller alone. */
    @Override
    void close();

    /**
     * {@code threads} threads in all: the caller and threads − 1 workers named name-1, name-2, …, which spin briefly
     * after a task and then park (see {@link SpinPool}). One thread gives {@link #SERIAL}.
     */
    static Parallel create(int threads, String name) {
        if (threads < 1) throw new IllegalArgumentException(name + ": needs at least 1 thread, got " + threads);
        return threads == 1 ? SERIAL : new SpinPool(threads - 1, name);
    }
}
