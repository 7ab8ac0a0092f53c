package org.convscope.ui.training;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
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
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;

/**
 * The studio's view model: the latest {@link TrainingFrame} as a read-only property, updated on the FX thread at
 * most once per pulse however fast the session publishes (latest wins: one pending {@code runLater} at a time), and
 * the session's commands. A failed command shows its reason in {@link #errorProperty()}.
 */
public final class TrainingViewModel implements AutoCloseable {
    private final TrainingSession session;
    private final ReadOnlyObjectWrapper<TrainingFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final AtomicReference<TrainingFrame> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public TrainingViewModel(TrainingSession session) {
        this.session = session;
        frame.set(session.latestFrame());
        session.setListener(this::offer);
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

    public CompletableFuture<Void> save(Path file) {
        return watch(session.save(file));
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
        Throwable cause = t.getCause() != null && t instanceof java.util.concurrent.CompletionException ? t.getCause() : t;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    @Override
    public void close() {
        session.close();
    }
}
