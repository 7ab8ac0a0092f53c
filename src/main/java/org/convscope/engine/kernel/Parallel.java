package org.convscope.engine.kernel;

import java.util.function.IntConsumer;

/** Runs independent tasks over a fixed set of threads, the caller's included. */
public interface Parallel {
    /** One thread: the caller runs every task. */
    Parallel SERIAL = new Parallel() {
        @Override
        public int threads() {
            return 1;
        }

        @Override
        public void forEach(int count, IntConsumer task) {
            for (int i = 0; i < count; i++) task.accept(i);
        }
    };

    int threads();

    /** Runs task(0), …, task(count − 1) over the threads and returns when all are done; rethrows the first failure. */
    void forEach(int count, IntConsumer task);
}
