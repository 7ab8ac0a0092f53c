package org.convscope.ui.view;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * The FX thread's time per frame, for benchmarks: from the start of a pulse to the end of the CSS and layout pass of
 * the last scene watched, plus the time spent since the pulse before applying new data to the views (what a view
 * model does between pulses, e.g. showing a training frame), as wall clock and as the FX thread's CPU time (what the
 * frame costs, however busy the machine is). Headless, the software renderer draws on its own thread afterwards. A
 * pulse is recorded when the next one starts. All methods on the FX thread.
 */
public final class FrameClock {
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final long[] frames;
    private final long[] frameCpu;
    private final long[] updates;
    private int frameCount;
    private int updateCount;
    private long pulseStart;
    private long pulseCpuStart;
    private long laidOut;
    private long laidOutCpu;
    private long updateStart;
    private long updateCpuStart;
    private long updatesSincePulse;
    private long updateCpuSincePulse;
    private boolean recording;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulseStarts();
        }
    };

    /** What was recorded: frame times and the FX thread's CPU time per frame, and update times, in nanoseconds. */
    public record Samples(long[] frames, long[] frameCpu, long[] updates) {
        /** The q-quantile of nanosecond times, in milliseconds (NaN for none). */
        public static double percentileMs(long[] nanos, double q) {
            if (nanos.length == 0) return Double.NaN;
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
        }
    }

    /** Keeps at most {@code capacity} frames and updates between two {@link #take}s. */
    public FrameClock(int capacity) {
        frames = new long[capacity];
        frameCpu = new long[capacity];
        updates = new long[capacity];
    }

    /** Times this scene's layout as part of each frame. */
    public void watch(Scene scene) {
        scene.addPostLayoutPulseListener(this::laidOut);
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    public void record(boolean on) {
        recording = on;
    }

    /** Before data is applied to the views. */
    public void updateStarts() {
        updateStart = System.nanoTime();
        updateCpuStart = cpu.getCurrentThreadCpuTime();
    }

    /** After data was applied to the views. */
    public void updateDone() {
        long update = System.nanoTime() - updateStart;
        updatesSincePulse += update;
        updateCpuSincePulse += cpu.getCurrentThreadCpuTime() - updateCpuStart;
        if (recording && updateCount < updates.length) updates[updateCount++] = update;
    }

    /** What was recorded since the last call, and starts anew. */
    public Samples take() {
        Samples s = new Samples(Arrays.copyOf(frames, frameCount), Arrays.copyOf(frameCpu, frameCount),
                Arrays.copyOf(updates, updateCount));
        frameCount = 0;
        updateCount = 0;
        return s;
    }

    private void pulseStarts() {
        if (recording && laidOut > pulseStart && pulseStart != 0 && frameCount < frames.length) {
            frames[frameCount] = laidOut - pulseStart + updatesSincePulse;
            frameCpu[frameCount++] = laidOutCpu - pulseCpuStart + updateCpuSincePulse;
        }
        updatesSincePulse = 0;
        updateCpuSincePulse = 0;
        pulseStart = System.nanoTime();
        pulseCpuStart = cpu.getCurrentThreadCpuTime();
    }

    private void laidOut() {
        laidOut = System.nanoTime();
        laidOutCpu = cpu.getCurrentThreadCpuTime();
    }
}
