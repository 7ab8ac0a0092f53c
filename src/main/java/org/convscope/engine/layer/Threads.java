package org.convscope.engine.layer;

import java.util.function.IntConsumer;
import org.convscope.engine.kernel.Parallel;

/**
 * The scratch of a layer whose only per-workspace state is the workspace's threads: it splits a range of independent
 * items (planes, rows) into contiguous parts, one task each.
 */
record Threads(Parallel parallel) implements Layer.Scratch {
    /** Below this many floats of work a layer runs on the calling thread: handing work over costs microseconds. */
    static final int MIN_PARALLEL_WORK = 1 << 15;

    /** Work for an item range [from, to). */
    interface Range {
        void run(int from, int to);
    }

    /** Runs body over [0, count) split among the threads when the work (floats touched) is worth it. */
    static void split(Layer.Scratch scratch, int count, long work, Range body) {
        Parallel p = scratch instanceof Threads t ? t.parallel : Parallel.SERIAL;
        int parts = work < MIN_PARALLEL_WORK ? 1 : Math.min(count, p.threads());
        if (parts <= 1) {
            body.run(0, count);
            return;
        }
        IntConsumer task = part -> body.run((int) ((long) count * part / parts), (int) ((long) count * (part + 1) / parts));
        p.forEach(parts, task);
    }
}
