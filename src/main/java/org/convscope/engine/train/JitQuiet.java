package org.convscope.engine.train;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Tells when the JIT has been (nearly) idle for a while: warm-ups run their work until it has, since code runs several
 * times slower until C2 has compiled it, and C2 compiles the hot methods one after another over seconds (many more on
 * a busy machine). Without compilation-time monitoring it reports idle at once.
 */
public final class JitQuiet {
    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final boolean watching = jit != null && jit.isCompilationTimeMonitoringSupported();
    private final long windowNanos;
    private final double allowedShare;
    private long windowStart;
    private long compiledAtStart;

    /** Idle: nothing compiled for {@code quietMillis}. */
    public JitQuiet(long quietMillis) {
        this(quietMillis, 0);
    }

    /**
     * Idle: compiling took at most {@code allowedShare} of the last {@code windowMillis} (a UI keeps compiling a
     * trickle of rarely used methods long after its hot paths are compiled).
     */
    public JitQuiet(long windowMillis, double allowedShare) {
        this.windowNanos = windowMillis * 1_000_000L;
        this.allowedShare = allowedShare;
        this.windowStart = System.nanoTime();
        this.compiledAtStart = watching ? jit.getTotalCompilationTime() : 0;
    }

    /** Whether the JIT has been idle for the window; call it between rounds of the work. */
    public boolean idle() {
        if (!watching) return true;
        long now = System.nanoTime();
        long compiledMillis = jit.getTotalCompilationTime() - compiledAtStart;
        if (compiledMillis > allowedShare * windowNanos / 1e6) {
            windowStart = now; // compiling too much: start a new window
            compiledAtStart += compiledMillis;
            return false;
        }
        return now - windowStart > windowNanos;
    }
}
