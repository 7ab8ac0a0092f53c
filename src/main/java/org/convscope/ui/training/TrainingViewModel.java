package org.convscope.ui.training;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.convscope.engine.Network;
import org.convscope.engine.train.SampleSource;
import org.convscope.io.Failures;
import org.convscope.io.FileException;
import org.convscope.training.Autosaver;
import org.convscope.training.SessionFile;
import org.convscope.training.SessionState;
import org.convscope.training.StartWeights;
import org.convscope.training.StepPhases;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;

/**
 * The studio's view model: the latest {@link TrainingFrame} as a read-only property, updated on the FX thread at
 * most once per pulse however fast the session publishes (latest wins: one pending {@code runLater} at a time), and
 * the session's commands. A failed command shows its reason in {@link #errorProperty()}. It knows whether the
 * session has progress not saved to a file (a step or settings other than those last saved or opened), and may
 * autosave it (see {@link Autosaver}).
 */
public final class TrainingViewModel implements AutoCloseable {
    /** Longest wait for the training thread to hand over the session's state for a save. */
    static final long CAPTURE_SECONDS = 10;
    private final TrainingSession session;
    private final ReadOnlyObjectWrapper<TrainingFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final AtomicReference<TrainingFrame> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ReadOnlyStringWrapper autosaveStatus = new ReadOnlyStringWrapper(this, "autosaveStatus", "");
    private final Autosaver autosaver;
    private volatile Saved saved; // null: nothing of this session is in a file the user chose

    /** The step and settings last saved to a file, or opened from one. */
    private record Saved(long step, TrainingSettings settings) {}

    public TrainingViewModel(TrainingSession session) {
        this(session, null);
    }

    /** @param autosaveFile where to autosave the session (see {@link Autosaver}), or null not to */
    public TrainingViewModel(TrainingSession session, Path autosaveFile) {
        this(session, autosaveFile, false);
    }

    /**
     * @param autosaveFile where to autosave the session (see {@link Autosaver}), or null not to
     * @param unsaved      whether the session counts as unsaved from the start, as a restored autosave does (it is
     *                     in no file the user chose); otherwise it counts as saved as it is now, until it trains or
     *                     its settings change: a new session has nothing to lose, one just opened is in its file
     */
    public TrainingViewModel(TrainingSession session, Path autosaveFile, boolean unsaved) {
        this.session = session;
        TrainingFrame first = session.latestFrame();
        frame.set(first);
        saved = unsaved ? null : new Saved(first.step(), first.settings());
        session.setListener(this::offer);
        autosaver = autosaveFile == null ? null : new Autosaver(session, autosaveFile, Autosaver.DEFAULT_INTERVAL_NANOS,
                text -> Platform.runLater(() -> autosaveStatus.set(text)));
    }

    private void offer(TrainingFrame next) {
        pending.set(next);
        if (!scheduled.getAndSet(true)) Platform.runLater(this::apply);
    }

    private void apply() {
        scheduled.set(false);
        TrainingFrame next = pending.getAndSet(null);
        if (next != null) frame.set(next);
    }

    public ReadOnlyObjectProperty<TrainingFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public TrainingFrame frame() {
        return frame.get();
    }

    /** Why the last command failed, in words; empty after a command succeeds. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public SampleSource testSource() {
        return session.testSource();
    }

    /** The weights the session started from (a reset goes back to them), or null for fresh ones. */
    public StartWeights start() {
        return session.start();
    }

    /** The data the session trains on ("" for the bundled MNIST, else its folder). */
    public String dataset() {
        return session.dataset();
    }

    public CompletableFuture<Void> play() {
        return watch(session.play());
    }

    public CompletableFuture<Void> pause() {
        return watch(session.pause());
    }

    public CompletableFuture<Void> stepSample() {
        return watch(session.stepSample());
    }

    public CompletableFuture<Void> stepBatch() {
        return watch(session.stepBatch());
    }

    /** Pauses and takes one step on the next single sample, recording its four phases. */
    public CompletableFuture<StepPhases> stepInPhases() {
        return watch(session.stepInPhases());
    }

    /** Pauses and takes one step on this image (e.g. the probe) with its label, recording its four phases. */
    public CompletableFuture<StepPhases> stepInPhases(float[] image, int label, String name) {
        return watch(session.stepInPhases(image, label, name));
    }

    /** The session this model shows (to read its latest frame at once, off the FX pulse). */
    TrainingSession session() {
        return session;
    }

    public CompletableFuture<Void> stepEpoch() {
        return watch(session.stepEpoch());
    }

    public CompletableFuture<Void> reset(long seed) {
        return watch(session.reset(seed));
    }

    /** Steps per second; 0 for full speed. */
    public void setSpeed(double stepsPerSecond) {
        session.setSpeed(stepsPerSecond);
    }

    public CompletableFuture<Void> apply(TrainingSettings settings) {
        return watch(session.applySettings(settings));
    }

    public CompletableFuture<Void> probeTestSample(int index) {
        return watch(session.setProbeTestSample(index));
    }

    public CompletableFuture<Void> probe(float[] image, int label) {
        return watch(session.setProbe(image, label));
    }

    /**
     * Saves the whole session atomically: the state is captured between two batches and written on another thread,
     * so training goes on. Completes with the step saved; from then on that step and its settings count as saved. A
     * training thread that does not hand over the state within {@value #CAPTURE_SECONDS} s (one batch takes far
     * less) fails the save, so that quitting never waits on it for long.
     */
    public CompletableFuture<Long> save(Path file) {
        Executor writer = r -> Thread.ofPlatform().name("convscope-save").daemon().start(r);
        CompletableFuture<SessionState> captured = session.capture().orTimeout(CAPTURE_SECONDS, TimeUnit.SECONDS)
                .exceptionally(failure -> {
                    if (Failures.unwrap(failure) instanceof TimeoutException) {
                        throw new IllegalStateException("the training thread did not answer within " + CAPTURE_SECONDS
                                + " s; nothing was saved", failure);
                    }
                    throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                });
        CompletableFuture<SessionState> written = captured.thenApplyAsync(state -> {
            try {
                SessionFile.write(file, state);
            } catch (FileException e) {
                throw new CompletionException(e);
            }
            return state;
        }, writer);
        return watch(written.thenApply(state -> {
            saved = new Saved(state.step(), state.settings());
            if (autosaver != null) autosaver.markSaved(state.step());
            return state.step();
        }));
    }

    /**
     * True while training runs, or when the session's step or settings differ from those last saved to a file or
     * opened from one; a restored autosave counts as unsaved until it is saved (see the constructor).
     */
    public boolean hasUnsavedProgress() {
        TrainingFrame f = session.latestFrame();
        Saved s = saved;
        return f.running() || s == null || f.step() != s.step() || !f.settings().equals(s.settings());
    }

    /** Why autosaving fails, in words; empty while it works. */
    public ReadOnlyStringProperty autosaveStatusProperty() {
        return autosaveStatus.getReadOnlyProperty();
    }

    /** The autosaver, or null when this session is not autosaved. */
    public Autosaver autosaver() {
        return autosaver;
    }

    public CompletableFuture<Void> exportModel(Path file) {
        return watch(session.exportModel(file));
    }

    /** The test samples of a confusion-matrix cell, delivered on the FX thread. */
    public void testSamples(int trueClass, int predicted, Consumer<int[]> onFx) {
        watch(session.testSamples(trueClass, predicted)).thenAccept(s -> Platform.runLater(() -> onFx.accept(s)));
    }

    /** The network as it is now, delivered on the FX thread. */
    public void networkCopy(Consumer<Network> onFx) {
        watch(session.networkCopy()).thenAccept(n -> Platform.runLater(() -> onFx.accept(n)));
    }

    private <T> CompletableFuture<T> watch(CompletableFuture<T> command) {
        command.whenComplete((value, failure) -> {
            String text = failure == null ? "" : reason(failure);
            Platform.runLater(() -> error.set(text));
        });
        return command;
    }

    private static String reason(Throwable t) {
        return Failures.report(t);
    }

    /** Closes the session; this is a clean end, so its autosave is deleted. */
    @Override
    public void close() {
        if (autosaver != null) autosaver.close(true);
        session.close();
    }

    /**
     * Closes the session when another one replaces it: the autosave stays until the new session writes its own, so
     * that a crash in between loses nothing.
     */
    public void closeKeepingAutosave() {
        if (autosaver != null) autosaver.close(false);
        session.close();
    }
}
