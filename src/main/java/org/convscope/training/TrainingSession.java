package org.convscope.training;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Network;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.train.SampleSource;
import org.convscope.engine.train.TrainingDivergedException;
import org.convscope.io.Failures;
import org.convscope.model.ModelFile;
import org.convscope.onnx.exporter.OnnxExport;

/**
 * A training session on its own thread, {@value #THREAD_NAME}: commands (play, pause, step, reset, settings, save)
 * are queued and run between batches, in order; each returns a future that completes once it has run. The session
 * publishes immutable {@link TrainingFrame}s, latest wins, at most about 10 a second while running (enough to watch
 * the filters change; more would take cores from training to redraw them) and once after
 * every command, before the command's future completes. No JavaFX here: the UI adapts the frames.
 *
 * <p>A failure while training runs, other than divergence (which pauses with its reason), stops the session: its last
 * frame says "Training stopped: …" in one line and is no longer running, every queued command and every later one
 * fails at once with that line, and the thread ends, so nothing waits on it. Closing fails the queued commands too.
 */
public final class TrainingSession implements AutoCloseable {
    public static final String THREAD_NAME = "convscope-train";
    private static final long FRAME_NANOS = 100_000_000L;

    private final TrainingRun run;
    private final String dataset;
    private volatile StartWeights startWeights;
    private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final AtomicReference<TrainingFrame> latest = new AtomicReference<>();
    private final Thread thread;
    private volatile Consumer<TrainingFrame> listener = frame -> {};
    private volatile double stepsPerSecond;
    private volatile long imagesTrained;
    private volatile boolean closed;
    private volatile String stopped; // why the thread ended, once it has: commands fail with it at once
    // Training thread only:
    private final Throughput throughput = new Throughput();
    private float[] probeImage;
    private int probeLabel;
    private boolean running;
    private int stopAtEpoch = -1;
    private String message = "";
    private long lastPublish;
    private long nextStepAt;

    /**
     * Starts a session with fresh weights from the settings' seed and evaluates them on the test set; the probe is the
     * first test image.
     *
     * @param dataset how to find the data again when a saved session is loaded (a folder, or empty for MNIST)
     */
    public TrainingSession(NetworkSpec spec, SampleSource train, SampleSource test, TrainingSettings settings,
                           Kernels kernels, String dataset) {
        this(spec, train, test, settings, kernels, dataset, null);
    }

    /**
     * Starts a session from a model's weights where the layers take them ({@link StartWeights#match}), fresh weights
     * from the settings' seed elsewhere, and evaluates it on the test set; the probe is the first test image.
     *
     * @param dataset how to find the data again when a saved session is loaded (a folder, or empty for MNIST)
     * @param start   the weights to start from, and to go back to on reset; null for fresh ones
     */
    public TrainingSession(NetworkSpec spec, SampleSource train, SampleSource test, TrainingSettings settings,
                           Kernels kernels, String dataset, StartWeights start) {
        this.run = new TrainingRun(spec, train, test, settings, kernels, start);
        this.dataset = Objects.requireNonNullElse(dataset, "");
        this.startWeights = start;
        this.probeImage = new float[test.dims().size()];
        test.fill(new int[] {0}, 0, 1, probeImage);
        this.probeLabel = test.label(0);
        publish();
        thread = new Thread(this::loop, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
        evaluate();
    }

    /** Receives every published frame, on the training thread; it must return quickly. */
    public void setListener(Consumer<TrainingFrame> newListener) {
        listener = Objects.requireNonNull(newListener, "listener");
        newListener.accept(latest.get());
    }

    /** Images trained on since the session started (batches, and single steps), as of the last finished step. */
    public long imagesTrained() {
        return imagesTrained;
    }

    public TrainingFrame latestFrame() {
        return latest.get();
    }

    public SampleSource testSource() {
        return run.testSource();
    }

    /** The data this session trains on, as {@link StudioData#resolve} finds it again ("" for the bundled MNIST). */
    public String dataset() {
        return dataset;
    }

    /** Steps per second while playing; 0 or less means full speed. Takes effect at once. */
    public void setSpeed(double steps) {
        stepsPerSecond = steps;
    }

    public CompletableFuture<Void> play() {
        return command(() -> startRunning(-1));
    }

    public CompletableFuture<Void> pause() {
        return command(this::stopRunning);
    }

    /** One step on the next single training sample. */
    public CompletableFuture<Void> stepSample() {
        return command(() -> stepOnce(1));
    }

    /**
     * Pauses and takes one step on the next single training sample, exactly as {@link #stepSample()}, recording its
     * four phases (forward pass, loss, backward pass, update). Fails with the reason if the step diverged (the
     * weights are then rolled back, as for any step).
     */
    public CompletableFuture<StepPhases> stepInPhases() {
        return phases(run::stepInPhases);
    }

    /**
     * Pauses and takes one step on this image with its label (the probe, a test image), recording its four phases: a
     * real step, outside the epoch. Fails with the reason if the step diverged (the weights are then rolled back).
     *
     * @param name the image in words, for the phases' title ("test image #12 (the probe)")
     */
    public CompletableFuture<StepPhases> stepInPhases(float[] image, int label, String name) {
        float[] copy = image.clone();
        return phases(() -> run.stepInPhases(copy, label, name));
    }

    private CompletableFuture<StepPhases> phases(java.util.function.Supplier<StepPhases> step) {
        return call(() -> {
            running = false;
            message = "";
            try {
                StepPhases phases = step.get();
                throughput.add(System.nanoTime(), 1);
                imagesTrained++;
                return phases;
            } catch (TrainingDivergedException e) {
                message = e.getMessage();
                throw e;
            }
        });
    }

    /** One step on the next mini-batch. */
    public CompletableFuture<Void> stepBatch() {
        return command(() -> stepOnce(run.settings().batchSize()));
    }

    /** Trains to the end of the current epoch (a pause stops it). */
    public CompletableFuture<Void> stepEpoch() {
        return command(() -> startRunning(run.epoch() + 1));
    }

    /** Pauses and starts over: from the start weights where given, with fresh weights from {@code seed} elsewhere. */
    public CompletableFuture<Void> reset(long seed) {
        return command(() -> {
            running = false;
            run.reset(run.settings().withSeed(seed));
            message = "";
        });
    }

    /** Changes the learning rate, also while running; refused at once unless it is a positive finite number. */
    public CompletableFuture<Void> setLearningRate(float lr) {
        if (!(lr > 0) || !Float.isFinite(lr)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + lr);
        }
        return command(() -> run.setSettings(run.settings().withLearningRate(lr)));
    }

    /** Changes the settings; only the learning rate may change while running (the future fails otherwise). */
    public CompletableFuture<Void> applySettings(TrainingSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return command(() -> {
            boolean onlyRate = settings.withLearningRate(run.settings().optimizer().learningRate()).equals(run.settings());
            if (running && !onlyRate) {
                throw new IllegalStateException("pause training before changing the optimizer, loss or batch size");
            }
            run.setSettings(settings);
        });
    }

    /** Shows the forward pass of this image (of the network's input shape) in every frame. */
    public CompletableFuture<Void> setProbe(float[] image, int label) {
        float[] copy = image.clone();
        return command(() -> {
            if (copy.length != run.spec().input().size()) {
                throw new IllegalArgumentException("probe image has " + copy.length + " values, the network takes "
                        + run.spec().input() + " = " + run.spec().input().size());
            }
            probeImage = copy;
            probeLabel = label;
        });
    }

    /** Uses test image {@code index} as the probe. */
    public CompletableFuture<Void> setProbeTestSample(int index) {
        SampleSource test = run.testSource();
        Objects.checkIndex(index, test.size());
        float[] image = new float[test.dims().size()];
        test.fill(new int[] {index}, 0, 1, image);
        return setProbe(image, test.label(index));
    }

    /** Evaluates the test set now (the confusion matrix of the model as it is). */
    public CompletableFuture<Void> evaluate() {
        return command(run::evaluate);
    }

    /** Test samples of class {@code trueClass} predicted as {@code predicted} by the last evaluation. */
    public CompletableFuture<int[]> testSamples(int trueClass, int predicted) {
        return call(() -> run.testSamples(trueClass, predicted));
    }

    /** An independent copy of the network as it is now, e.g. to open in the explorer. */
    public CompletableFuture<Network> networkCopy() {
        return call(run::networkCopy);
    }

    /** Everything needed to resume, as of now. */
    public CompletableFuture<SessionState> capture() {
        return call(() -> run.capture(dataset));
    }

    /** Saves the whole session atomically. */
    public CompletableFuture<Void> save(Path file) {
        return command(() -> SessionFile.write(file, run.capture(dataset)));
    }

    /** Pauses and continues from a saved session (trained on the same data). */
    public CompletableFuture<Void> restore(SessionState state) {
        return command(() -> {
            running = false;
            run.restore(state);
            startWeights = state.start();
            message = "";
        });
    }

    /**
     * Saves the trained network atomically as a model the explorer opens: ONNX when the file's name ends with
     * ".onnx" ({@link OnnxExport}), else a ConvScope model file.
     */
    public CompletableFuture<Void> exportModel(Path file) {
        return command(() -> {
            var eval = run.lastTest();
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("trained_steps", Long.toString(run.step()));
            if (eval != null) meta.put("test_accuracy", Double.toString(eval.accuracy()));
            if (run.start() != null) meta.put("started_from", run.start().source());
            if (ModelFile.isOnnx(file)) OnnxExport.write(file, run.network(), meta);
            else ModelFile.save(file, run.network(), meta);
        });
    }

    /** The weights the session started from (a reset goes back to them), or null for fresh ones. Any thread. */
    public StartWeights start() {
        return startWeights;
    }

    private void startRunning(int untilEpoch) {
        running = true;
        stopAtEpoch = untilEpoch;
        message = "";
        throughput.start(System.nanoTime());
        nextStepAt = System.nanoTime();
    }

    private void stopRunning() {
        if (!running) return;
        running = false;
        if (run.lastTestStep() != run.step()) run.evaluate();
        run.measureHealth();
    }

    private void stepOnce(int count) {
        running = false;
        message = "";
        run.measureHealthNextStep();
        train(count);
    }

    /** One step; divergence pauses with the message (the weights are already rolled back). */
    private void train(int count) {
        try {
            run.step(count);
            throughput.add(System.nanoTime(), count);
            imagesTrained += count;
        } catch (TrainingDivergedException e) {
            running = false;
            message = e.getMessage();
        }
    }

    private CompletableFuture<Void> command(ThrowingRunnable work) {
        return call(() -> {
            work.run();
            return null;
        });
    }

    private <T> CompletableFuture<T> call(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        commands.add(new Command(() -> {
            T value = null;
            Throwable failure = null;
            try {
                value = work.call();
            } catch (Throwable t) {
                failure = t;
            }
            try {
                publish(); // if this fails, the loop stops the session; the command has run all the same
            } finally {
                if (failure == null) result.complete(value);
                else result.completeExceptionally(failure);
            }
        }, result));
        if (stopped != null) failQueued(); // the thread may have ended before this command was queued
        return result;
    }

    /** A queued command and the future it completes, so that it can be failed instead of run. */
    private record Command(Runnable work, CompletableFuture<?> result) {}

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private void loop() {
        String reason = "the training session is closed";
        try {
            while (!closed) {
                Command command = running ? commands.poll(waitNanos(), TimeUnit.NANOSECONDS) : commands.take();
                if (command != null) {
                    command.work().run();
                } else if (running) {
                    trainWhileRunning();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            reason = "Training stopped: " + Failures.report(t);
            showStopped(reason);
        } finally {
            stopped = reason;
            failQueued();
            try {
                run.close();
            } catch (RuntimeException e) {
                Failures.report(e); // the threads it stops are daemons: nothing more to do
            }
        }
    }

    /** Fails every queued command with the reason the thread ended. */
    private void failQueued() {
        String reason = stopped;
        for (Command c; (c = commands.poll()) != null; ) {
            c.result().completeExceptionally(new IllegalStateException(reason));
        }
    }

    /**
     * The last frame, no longer running and saying why: published from the state as it is, or when that fails too
     * (the failure may be in publishing), from the last frame published.
     */
    private void showStopped(String reason) {
        running = false;
        message = reason;
        try {
            publish();
        } catch (Throwable t) {
            TrainingFrame f = latest.get();
            TrainingFrame last = new TrainingFrame(f.step(), f.epoch(), f.position(), f.trainSize(), false, 0,
                    f.settings(), f.filters(), f.probe(), f.probeLabel(), f.curves(), f.test(), f.testStep(),
                    f.timeline(), reason, f.health());
            latest.set(last);
            try {
                listener.accept(last);
            } catch (RuntimeException e) {
                Failures.report(e);
            }
        }
    }

    private long waitNanos() {
        double speed = stepsPerSecond;
        return speed > 0 ? Math.max(0, nextStepAt - System.nanoTime()) : 0;
    }

    private void trainWhileRunning() {
        int epoch = run.epoch();
        train(run.settings().batchSize());
        double speed = stepsPerSecond;
        nextStepAt = speed > 0 ? System.nanoTime() + (long) (1e9 / speed) : 0;
        // The epoch asked for is done: stop as a pause does (the health measured at this step).
        if (stopAtEpoch >= 0 && run.epoch() > epoch && run.epoch() >= stopAtEpoch) stopRunning();
        if (!running || speed > 0 || System.nanoTime() - lastPublish >= FRAME_NANOS) publish();
    }

    private void publish() {
        lastPublish = System.nanoTime();
        ForwardSnapshot probe = run.probe(probeImage);
        TrainingFrame frame = new TrainingFrame(run.step(), run.epoch(), run.position(), run.trainSize(), running,
                running ? throughput.imagesPerSecond() : 0, run.settings(), run.filters(probe), probe, probeLabel,
                run.curves(), run.lastTest(), run.lastTestStep(), run.timeline(), message, run.health());
        latest.set(frame);
        listener.accept(frame);
    }

    /** Stops the training thread after the command or batch under way; queued commands fail. */
    @Override
    public void close() {
        closed = true;
        commands.add(new Command(() -> {}, new CompletableFuture<>()));
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
