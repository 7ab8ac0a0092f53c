package org.convscope.cli;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on the terminal's standard error, redrawn in place; absent when not on a terminal. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private long lastDraw;

    private ProgressBar(PrintStream err) {
        this.err = err;
    }

    /** A bar if standard output is an interactive terminal, else null. */
    static ProgressBar onTerminal() {
        return System.console() != null && System.console().isTerminal() ? new ProgressBar(System.err) : null;
    }

    void update(int epoch, int epochs, int batch, int batches, double loss) {
        long now = System.nanoTime();
        if (batch != batches && now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        int filled = (int) ((long) WIDTH * batch / batches);
        err.printf(Locale.ROOT, "\repoch %d/%d [%s%s] %3d%%  loss %.4f", epoch, epochs, "#".repeat(filled),
                " ".repeat(WIDTH - filled), 100L * batch / batches, loss);
        err.flush();
    }

    void clear() {
        err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
        err.flush();
    }
}
