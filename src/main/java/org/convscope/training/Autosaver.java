package org.convscope.training;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.convscope.io.FileException;

/**
 * Autosaves a session on its own thread, {@value #THREAD_NAME}: every {@code interval} of training while it runs
 * (time spent paused does not count), and as soon as it pauses with steps not yet saved. The session's state is captured between two batches on the
 * training thread (a copy of the arrays) and written here, atomically, so training never waits for the disk. A
 * failure (full disk, unwritable folder) is reported in words and never stops training; the next attempt follows.
 */
public final class Autosaver implements AutoCloseable {
    public static final String THREAD_NAME = "convscope-autosave";
    public static final long DEFAULT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long CHECK_MILLIS = 1000;

    private final TrainingSession session;
    private final Path file;
    private final long intervalNanos;
    private final Consumer<String> status;
    private final ScheduledExecutorService timer;
    private long lastSave = System.nanoTime();
    private long savedStep; // 0: a fresh session needs no autosave, an opened one is autosaved at once
    private String lastStatus = "";

    /**
     * @param status receives a one-line message when autosaving fails, and "" once it works again (on this
     *               autosaver's thread)
     */
    public Autosaver(TrainingSession session, Path file, long intervalNanos, Consumer<String> status) {
        this.session = Objects.requireNonNull(session, "session");
        this.file = Objects.requireNonNull(file, "file");
        this.intervalNanos = intervalNanos;
        this.status = Objects.requireNonNull(status, "status");
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    public Path file() {
        return file;
    }

    /** Saves now if the session has unsaved steps and is paused, or has run for the interval since the last save. */
    public synchronized void check() {
        TrainingFrame f = session.latestFrame();
        if (f == null) return;
        if (f.step() == savedStep) {
            if (!f.running()) lastSave = System.nanoTime(); // the interval counts time spent training
            return;
        }
        if (f.running() && System.nanoTime() - lastSave < intervalNanos) return;
        try {
            SessionState state = session.capture().get();
            Path dir = file.toAbsolutePath().getParent();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new FileException(dir, "cannot create the autosave folder: " + switch (e) {
                    case FileAlreadyExistsException _ -> "a file of that name is in the way";
                    case AccessDeniedException _ -> "access denied";
                    default -> e.getMessage();
                }, e);
            }
            SessionFile.write(file, state);
            savedStep = state.step();
            lastSave = System.nanoTime();
            report("");
        } catch (FileException e) {
            lastSave = System.nanoTime();
            report("Autosave failed: " + e.getMessage() + ". Training goes on; save the session elsewhere (Ctrl+S).");
        } catch (ExecutionException e) {
            lastSave = System.nanoTime();
            report("Autosave failed: " + reason(e.getCause()));
        } catch (RuntimeException e) {
            // Never let the timer die: a failure it does not know is reported, and the next check tries again.
            lastSave = System.nanoTime();
            report("Autosave failed: " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After an explicit save or a load at {@code step}: the autosave is no longer needed until training goes on. */
    public synchronized void markSaved(long step) {
        savedStep = step;
        lastSave = System.nanoTime();
        Autosave.discard(file);
    }

    private static String reason(Throwable t) {
        return t.getMessage() == null ? "an unexpected error" : FileException.oneLine(t.getMessage());
    }

    private void report(String text) {
        if (text.equals(lastStatus)) return;
        lastStatus = text;
        status.accept(text);
    }

    /** Stops autosaving; a clean close also deletes the autosave (there is nothing to recover). */
    public void close(boolean deleteFile) {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (deleteFile) Autosave.discard(file);
    }

    @Override
    public void close() {
        close(true);
    }
}
