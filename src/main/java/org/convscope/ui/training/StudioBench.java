package org.convscope.ui.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.convscope.data.TrainTest;
import org.convscope.engine.Network;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.Presets;
import org.convscope.engine.train.JitQuiet;
import org.convscope.engine.train.ShiftAugmentation;
import org.convscope.engine.train.Trainer;
import org.convscope.engine.train.WarmUp;
import org.convscope.training.DatasetSamples;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.explorer.UiBench;
import org.convscope.ui.view.FrameClock;

/**
 * The studio's cost, headless, in one run: (a) LeNet-5 training throughput on MNIST as {@code convscope train} trains
 * (the engine's trainer alone, the studio's settings, the test set evaluated at the end of every epoch); (b) the same
 * training in a {@link TrainingSession} at full speed with the whole {@link TrainingView} shown and JavaFX's real pulse
 * loop running; (c) the FX thread's time per frame meanwhile. (a) and (b) alternate for several rounds, the studio
 * paused (its views still, no frames) while (a) runs, and the studio's share is the median of the rounds' (b)/(a): on
 * a shared machine, load from elsewhere comes and goes over seconds, and a round's two halves see much the same.
 * A frame's time is what the FX thread spent on it: applying the latest training frame to every view since the pulse
 * before, plus the pulse itself up to the end of its CSS and layout pass (headless, the software renderer draws on its
 * own thread, where a GPU would draw in the app). The headless screen is 1000×1000, so the studio is shown at that
 * size.
 */
public final class StudioBench {
    private static final int SIZE = 1000;
    private static final long MAX_WARM_UP_SECONDS = 60;

    /**
     * @param headlessImagesPerSecond (a), the mean over the rounds
     * @param studioImagesPerSecond   (b), the mean over the rounds
     * @param roundRatios             (b)/(a) of each round
     * @param frames                  pulses measured for (c)
     * @param frameP50Ms              (c), median
     * @param frameP99Ms              (c), 99th percentile
     * @param frameCpuP50Ms           the FX thread's CPU time per frame, median: (c) without the time it waited for
     *                                a core (what the frame costs, however busy the machine is)
     * @param updates                 training frames applied to the views while measuring
     * @param updateP50Ms             the time of applying one training frame to every view, median
     * @param updateP99Ms             the same, 99th percentile
     * @param trainingCores           CPU time of the training threads during (b), in cores (CPU seconds a second)
     * @param fxCores                 the same for the FX thread
     * @param rendererCores           the same for the renderer thread (software rendering, headless)
     * @param processCores            the same for the whole process
     */
    public record Result(double seconds, int threads, double headlessImagesPerSecond, double studioImagesPerSecond,
                         double[] roundRatios, int frames, double frameP50Ms, double frameP99Ms, double frameMaxMs,
                         double frameCpuP50Ms, double frameCpuP99Ms, int updates, double updateP50Ms,
                         double updateP99Ms, double trainingCores, double fxCores, double rendererCores,
                         double processCores) {
        /** The median of the rounds' (b)/(a): the bar is 0.8, the goal 0.9. */
        public double ratio() {
            double[] sorted = roundRatios.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    private StudioBench() {}

    /**
     * Warms up the engine and then the studio (until the JIT is nearly idle), then measures {@code rounds} rounds of
     * (a) for {@code seconds} and (b) with (c) for {@code seconds}. JavaFX must have been started (e.g. by
     * {@code UiBench.startHeadless()}).
     */
    public static Result run(TrainTest data, double seconds, int rounds) throws Exception {
        if (!(seconds > 0)) throw new IllegalArgumentException("seconds must be positive, got " + seconds);
        if (rounds < 1) throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        NetworkSpec spec = Presets.lenet5();
        TrainingSettings settings = TrainingSettings.defaults();
        WarmUp.run(spec, KernelSelection.preferred(), (long) (Math.min(3, 10 * seconds) * 1e9));
        try (Headless headless = new Headless(data, spec, settings)) {
            headless.train(Math.min(1, seconds / 2));
            return studio(data, spec, settings, seconds, rounds, headless);
        }
    }

    /** The engine's trainer on the training set, shifts of 1 px, in the studio's settings, as {@code convscope train}. */
    private static final class Headless implements AutoCloseable {
        private final DatasetSamples test;
        private final ShiftAugmentation train;
        private final Trainer trainer;
        private final int batch;
        private final int batches;
        private final int size;
        private int epoch;
        private int b;
        private int[] order;
        private final long seed;

        Headless(TrainTest data, NetworkSpec spec, TrainingSettings settings) {
            DatasetSamples plain = DatasetSamples.of(data.train(), 0);
            test = DatasetSamples.of(data.test(), 0);
            train = new ShiftAugmentation(plain, settings.shift(), settings.seed());
            seed = settings.seed();
            batch = settings.batchSize();
            size = plain.size();
            batches = size / batch;
            trainer = new Trainer(Network.initialized(spec, seed), settings.trainConfig(), KernelSelection.preferred());
            startEpoch();
        }

        private void startEpoch() {
            train.setEpoch(epoch);
            order = Trainer.shuffled(size, seed * 31 + epoch);
        }

        /** Trains for {@code seconds}; returns images per second. */
        double train(double seconds) {
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            long images = 0;
            while (System.nanoTime() < end) {
                trainer.trainBatch(train, order, b * batch, batch);
                images += batch;
                if (++b == batches) {
                    trainer.evaluate(test);
                    b = 0;
                    epoch++;
                    startEpoch();
                }
            }
            return images / ((System.nanoTime() - start) / 1e9);
        }

        @Override
        public void close() {
            trainer.close();
        }
    }

    /**
     * CPU nanoseconds so far of the training threads, the FX thread and the renderer, by thread name, and of the
     * whole process (the JIT's compiler threads and the garbage collector among the rest).
     */
    private static long[] cpuByRole() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] total = new long[4];
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            total[3] = os.getProcessCpuTime();
        }
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) continue;
            String name = info.getThreadName();
            int role = name.startsWith(TrainingSession.THREAD_NAME) ? 0
                    : name.equals("JavaFX Application Thread") ? 1 : name.startsWith("QuantumRenderer") ? 2 : -1;
            long nanos = role < 0 ? -1 : mx.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) total[role] += nanos;
        }
        return total;
    }

    private static Result studio(TrainTest data, NetworkSpec spec, TrainingSettings settings, double seconds,
                                 int rounds, Headless headless) throws Exception {
        FrameClock clock = new FrameClock(100_000);
        TrainingSession session = StudioSessions.on(data, spec, settings, "");
        TrainingViewModel model = onFx(() -> new TrainingViewModel(session));
        Stage stage = onFx(() -> {
            model.frameProperty().addListener((obs, old, now) -> clock.updateStarts());
            TrainingView view = new TrainingView(model, ExplorerLink.NONE);
            model.frameProperty().addListener((obs, old, now) -> clock.updateDone());
            Scene scene = new Scene(view, SIZE, SIZE);
            clock.watch(scene);
            clock.start();
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            return s;
        });
        try {
            model.play().get(300, TimeUnit.SECONDS);
            warmUp(seconds);
            model.pause().get(60, TimeUnit.SECONDS);
            double[] headlessRate = new double[rounds];
            double[] studioRate = new double[rounds];
            double[] cores = new double[4];
            double measured = 0;
            for (int r = 0; r < rounds; r++) {
                headlessRate[r] = headless.train(seconds);
                model.play().get(60, TimeUnit.SECONDS);
                Thread.sleep(200); // the first frames after play, not the pause, are what a user watches
                onFx(() -> clock.record(true));
                long[] cpuBefore = cpuByRole();
                long first = session.imagesTrained();
                long start = System.nanoTime();
                Thread.sleep((long) (seconds * 1000));
                long last = session.imagesTrained();
                long end = System.nanoTime();
                long[] cpuAfter = cpuByRole();
                onFx(() -> clock.record(false));
                model.pause().get(60, TimeUnit.SECONDS);
                studioRate[r] = (last - first) / ((end - start) / 1e9);
                for (int k = 0; k < 4; k++) cores[k] += (cpuAfter[k] - cpuBefore[k]) / 1e9;
                measured += (end - start) / 1e9;
            }
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) ratios[r] = studioRate[r] / headlessRate[r];
            for (int k = 0; k < 4; k++) cores[k] /= measured;
            FrameClock.Samples samples = onFx(clock::take);
            long[] frames = samples.frames();
            long[] frameCpu = samples.frameCpu();
            long[] updates = samples.updates();
            return new Result(seconds, settings.threads(), mean(headlessRate), mean(studioRate), ratios, frames.length,
                    percentile(frames, 0.5), percentile(frames, 0.99), percentile(frames, 1),
                    percentile(frameCpu, 0.5), percentile(frameCpu, 0.99), updates.length,
                    percentile(updates, 0.5), percentile(updates, 0.99), cores[0], cores[1], cores[2], cores[3]);
        } finally {
            onFx(() -> {
                clock.stop();
                stage.close();
                return null;
            });
            model.close();
        }
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    /**
     * Unmeasured studio time before measuring: {@code seconds}, then on until the JIT has been nearly idle (under 2% of
     * its time) for 1.5 s, at most 30 × {@code seconds} and {@value #MAX_WARM_UP_SECONDS} s. Opening the views brings
     * thousands of new hot methods; while C2 compiles them, it takes a tenth of a core or more from training, and the
     * training kernels that it deoptimised run the Vector API's slow Java fallbacks (seen in thread dumps: Float512Vector.selectFrom,
     * VectorSupport.binaryOp): a 5 s warm-up measured 25% of headless training where 20 s measured 83%.
     */
    private static void warmUp(double seconds) throws InterruptedException {
        long start = System.nanoTime();
        long minEnd = start + (long) (seconds * 1e9);
        long maxEnd = start + (long) (Math.min(MAX_WARM_UP_SECONDS, 30 * seconds) * 1e9);
        JitQuiet jit = new JitQuiet(1500, 0.02);
        while (System.nanoTime() < maxEnd && !(jit.idle() && System.nanoTime() >= minEnd)) Thread.sleep(100);
    }

    private static double percentile(long[] nanos, double q) {
        return FrameClock.Samples.percentileMs(nanos, q);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) {
        return UiBench.onFx(work);
    }

    private static void onFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }
}
