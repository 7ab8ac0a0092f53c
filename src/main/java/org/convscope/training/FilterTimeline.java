package org.convscope.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Snapshots of the filters every {@code interval} steps in bounded memory: when more than {@link #CAPACITY} are kept,
 * every other one is dropped and the interval doubles, so the timeline always spans the whole run. Used by the
 * training thread only.
 */
final class FilterTimeline {
    static final int CAPACITY = 64;
    static final int FIRST_INTERVAL = 10;

    private final List<TimelineFrame> frames = new ArrayList<>();
    private int interval = FIRST_INTERVAL;

    /** Keeps the filters of this step when it falls on the interval; {@code filters} copies them only then. */
    void offer(long step, Supplier<List<ConvFilters>> filters) {
        if (step % interval != 0) return;
        frames.add(new TimelineFrame(step, filters.get()));
        if (frames.size() > CAPACITY) {
            interval *= 2;
            frames.removeIf(f -> f.step() % interval != 0);
        }
    }

    List<TimelineFrame> frames() {
        return List.copyOf(frames);
    }

    int interval() {
        return interval;
    }

    void restore(List<TimelineFrame> saved, int savedInterval) {
        if (savedInterval < 1) throw new IllegalArgumentException("timeline interval must be ≥ 1, got " + savedInterval);
        frames.clear();
        frames.addAll(saved);
        interval = savedInterval;
    }

    void clear() {
        frames.clear();
        interval = FIRST_INTERVAL;
    }
}
