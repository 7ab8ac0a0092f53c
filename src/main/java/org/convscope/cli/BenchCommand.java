package org.convscope.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.DoubleAdder;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.ScalarKernels;
import org.convscope.engine.spec.Presets;
import org.convscope.engine.train.RandomImages;
import org.convscope.engine.train.SampleSource;
import org.convscope.engine.train.TrainConfig;
import org.convscope.engine.train.Trainer;
import org.convscope.engine.train.WarmUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code convscope bench}: LeNet-5 speed with the selected kernels and, in the same run, with the scalar kernels
 * as the baseline: single-image forward latency (every activation kept), batch-64 inference throughput on all
 * threads, and training throughput (batch 64, SGD with momentum) on one thread and on all. With {@code --ui}: the
 * explorer's stroke-to-screen latency instead, rendering headless; with {@code --studio}: the training studio's
 * throughput against headless training and its frame time while training; with {@code --soak}: the app left running
 * (see {@link org.convscope.ui.Soak}), a line a minute.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure LeNet-5 forward latency, inference and training throughput, vector against scalar kernels.")
final class BenchCommand implements Callable<Integer> {
    private static final int BATCH = 64;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    InputSizeOption size;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "2",
            description = "measuring time of each figure (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--threads", paramLabel = "T",
            description = "threads of the multi-threaded figures, 1.." + Cli.MAX_THREADS + " (default: all cores)")
    Integer threads;

    @Option(names = "--ui", description = "measure the drawing explorer's stroke-to-screen latency (headless) instead")
    boolean ui;

    @Option(names = "--studio", description = "measure the training studio instead: training throughput with every"
            + " live view open against headless training, and the UI's frame time while training (headless)")
    boolean studio;

    @Option(names = "--updates", paramLabel = "N",
            description = "measured updates of --ui (default: 1000 strokes; 200 inputs with --model)")
    Integer updates;

    @Option(names = "--model", paramLabel = "FILE", description = "measure this model's forward pass instead"
            + " (a ConvScope model file or .onnx): single-image latency on --threads threads and batch throughput")
    java.nio.file.Path model;

    @Option(names = "--profile", description = "with --model: each layer's share of a single-image pass")
    boolean profile;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5",
            description = "rounds of --studio, each headless then studio training for --seconds (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--soak", description = "leave the studio training with every view and the explorer drawing"
            + " running (headless) for --minutes; a line a minute: heap after GC, threads, frame p99")
    boolean soak;

    @Option(names = "--minutes", paramLabel = "N", defaultValue = "30",
            description = "length of --soak (default: ${DEFAULT-VALUE})")
    int minutes;

    @Override
    public Integer call() throws Exception {
        if (ui) return uiLatency(spec.commandLine().getOut());
        if (model != null) return modelSpeed(spec.commandLine().getOut());
        if (studio) return studioCost(spec.commandLine().getOut());
        if (soak) return soak(spec.commandLine().getOut());
        if (!(seconds > 0)) throw new IllegalArgumentException("--seconds must be positive, got " + seconds);
        int t = Cli.threads(spec, threads);
        PrintWriter out = spec.commandLine().getOut();
        Kernels fast = KernelSelection.preferred();
        Map<String, Object> figures = new LinkedHashMap<>();
        measure(fast, t, "", figures, out);
        measure(ScalarKernels.INSTANCE, t, "scalar_", figures, out);
        figures.put("threads", t);
        figures.put("kernels", fast.name());
        if (json) {
            JsonObject o = new JsonObject();
            figures.forEach((k, v) -> {
                if (v instanceof Number n) o.addProperty(k, n);
                else o.addProperty(k, v.toString());
            });
            out.println(o);
        } else {
            printTable(out, figures, fast.name(), t);
        }
        return 0;
    }

    /** {@code --model}: one model's forward pass (see {@link ModelBench}). */
    private int modelSpeed(PrintWriter out) throws org.convscope.io.FileException {
        if (!(seconds > 0)) throw new IllegalArgumentException("--seconds must be positive, got " + seconds);
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 256) throw new IllegalArgumentException("--threads must be between 1 and 256, got " + t);
        long openStart = System.nanoTime();
        org.convscope.engine.Network net = size.load(model).network();
        double openMs = (System.nanoTime() - openStart) / 1e6;
        if (!json) out.printf(Locale.ROOT, "%s: opened in %.0f ms; %,d parameters, %,d multiply-adds per image; warming up,"
                + " then %.1f s per figure on %d thread%s...%n", model.getFileName(), openMs, net.spec().parameterCount(),
                net.spec().multiplyAdds(), seconds, t, t == 1 ? "" : "s");
        ModelBench.Result r = ModelBench.run(model, net, KernelSelection.preferred(), t, seconds);
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("model", r.model());
            o.addProperty("multiply_adds", r.multiplyAdds());
            o.addProperty("threads", r.threads());
            o.addProperty("forward_latency_median_ms", r.medianMs());
            o.addProperty("forward_latency_p99_ms", r.p99Ms());
            o.addProperty("batch_images_per_second", r.imagesPerSecond());
            o.addProperty("forward_calls", r.calls());
            o.addProperty("open_ms", openMs);
            o.addProperty("kernels", r.kernels());
            out.println(o);
        } else {
            out.printf(Locale.ROOT, "  single image, every layer kept: median %.2f ms, p99 %.2f ms over %d passes%n",
                    r.medianMs(), r.p99Ms(), r.calls());
            out.printf(Locale.ROOT, "  batches of %d: %.1f images/s (%s)%n", ModelBench.BATCH, r.imagesPerSecond(), r.kernels());
            if (profile) {
                out.println("  mean time per layer in a single-image pass:");
                for (int i = 0; i < r.layerMs().length; i++) {
                    var info = net.spec().infer().get(i);
                    out.printf(Locale.ROOT, "    %8.3f ms  %-28s %-34s → %s%n", r.layerMs()[i], info.spec().name(),
                            info.spec().describe(), info.output());
                }
            }
        }
        return 0;
    }

    /**
     * The explorer's per-point update latency, or with --model its per-input one on that model; the JavaFX classes are
     * loaded only here, so plain bench stays headless.
     */
    private int uiLatency(PrintWriter out) throws Exception {
        int n = updates != null ? updates : model != null ? 200 : 1000;
        if (n < 1) throw new IllegalArgumentException("--updates must be at least 1, got " + n);
        org.convscope.model.ModelFile.Model loaded = model == null ? null : size.load(model);
        org.convscope.engine.Network net = loaded == null ? null : loaded.network();
        if (!json) out.printf("measuring %d %s updates at 1920×1080, headless...%n", n,
                net == null ? "explorer" : model.getFileName() + " photo");
        org.convscope.ui.explorer.UiBench.startHeadless();
        org.convscope.ui.explorer.UiBench.Result r = net == null
                ? org.convscope.ui.explorer.UiBench.run(n, 300, 30_000, 5)
                : org.convscope.ui.explorer.UiBench.runModel(net, model.getFileName().toString(), loaded.classNames(), n, 20,
                        Math.min(30_000, 1000L * n), 3); // a short run warms up less
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("ui_updates", r.updates());
            o.addProperty("ui_warmup_updates", r.warmupUpdates());
            o.addProperty("ui_update_median_ms", r.medianMs());
            o.addProperty("ui_update_p99_ms", r.p99Ms());
            o.addProperty("ui_update_max_ms", r.maxMs());
            o.addProperty("ui_update_cpu_median_ms", r.cpuMedianMs());
            o.addProperty("ui_update_cpu_p99_ms", r.cpuP99Ms());
            o.addProperty("ui_full_render_median_ms", r.renderMedianMs());
            o.addProperty("kernels", KernelSelection.preferred().name());
            if (net != null) o.addProperty("model", model.getFileName().toString());
            out.println(o);
        } else {
            out.printf(Locale.ROOT, net == null
                    ? "%nstroke point → every view updated (preprocess, forward, snapshot, repaint, layout),"
                    + " after %,d warm-up updates (until the JIT was nearly idle)%n"
                    : "%nJPEG file → every view updated (decode, preprocess, forward on all cores, snapshot, repaint,"
                    + " layout),"
                    + " after %,d warm-up updates (until the JIT was nearly idle)%n", r.warmupUpdates());
            out.printf(Locale.ROOT, "  wall clock: median %.2f ms, p99 %.2f ms, max %.2f ms over %d updates%n",
                    r.medianMs(), r.p99Ms(), r.maxMs(), r.updates());
            out.printf(Locale.ROOT, "  FX thread CPU: median %.2f ms, p99 %.2f ms%n", r.cpuMedianMs(), r.cpuP99Ms());
            out.printf(Locale.ROOT, "whole 1920×1080 window rasterised in software (headless): median %.1f ms%n",
                    r.renderMedianMs());
        }
        return 0;
    }

    /** The training studio against headless training; JavaFX is loaded only here. */
    private int studioCost(PrintWriter out) throws Exception {
        if (!(seconds > 0)) throw new IllegalArgumentException("--seconds must be positive, got " + seconds);
        if (rounds < 1) throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
        if (!json) out.printf("training LeNet-5 on MNIST headless and in the studio with every view open, %d rounds of %.0f s"
                + " each...%n", rounds, seconds);
        org.convscope.data.TrainTest mnist = org.convscope.data.DatasetFolder.bundledMnist();
        org.convscope.ui.explorer.UiBench.startHeadless();
        org.convscope.ui.training.StudioBench.Result r = org.convscope.ui.training.StudioBench.run(mnist, seconds, rounds);
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("threads", r.threads());
            o.addProperty("headless_images_per_second", r.headlessImagesPerSecond());
            o.addProperty("studio_images_per_second", r.studioImagesPerSecond());
            o.addProperty("studio_ratio", r.ratio());
            JsonArray roundRatios = new JsonArray();
            for (double v : r.roundRatios()) roundRatios.add(v);
            o.add("studio_round_ratios", roundRatios);
            o.addProperty("frames", r.frames());
            o.addProperty("frame_p50_ms", r.frameP50Ms());
            o.addProperty("frame_p99_ms", r.frameP99Ms());
            o.addProperty("frame_max_ms", r.frameMaxMs());
            o.addProperty("frame_cpu_p50_ms", r.frameCpuP50Ms());
            o.addProperty("frame_cpu_p99_ms", r.frameCpuP99Ms());
            o.addProperty("view_updates", r.updates());
            o.addProperty("view_update_p50_ms", r.updateP50Ms());
            o.addProperty("view_update_p99_ms", r.updateP99Ms());
            o.addProperty("studio_training_cores", r.trainingCores());
            o.addProperty("studio_fx_thread_cores", r.fxCores());
            o.addProperty("studio_renderer_cores", r.rendererCores());
            o.addProperty("studio_process_cores", r.processCores());
            out.println(o);
        } else {
            out.printf(Locale.ROOT, "%nLeNet-5 on MNIST, batch 64, SGD with momentum, %d thread(s), %d rounds of %.0f s each%n",
                    r.threads(), r.roundRatios().length, r.seconds());
            out.printf(Locale.ROOT, "  headless (as convscope train)        %,10.0f images/s (mean)%n", r.headlessImagesPerSecond());
            out.printf(Locale.ROOT, "  studio, every live view open         %,10.0f images/s (mean)%n", r.studioImagesPerSecond());
            StringBuilder rounds = new StringBuilder();
            for (double v : r.roundRatios()) rounds.append(rounds.isEmpty() ? "" : " ").append(Math.round(100 * v)).append('%');
            out.printf(Locale.ROOT, "  studio / headless, median of rounds  %.0f%% [%s] (bar 80%%, goal 90%%): %s%n",
                    100 * r.ratio(), rounds, r.ratio() >= 0.8 ? "pass" : "FAIL");
            out.printf(Locale.ROOT, "  FX thread per frame while training   p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d frames"
                    + " (bar p99 < 16.7 ms): %s%n", r.frameP50Ms(), r.frameP99Ms(), r.frameMaxMs(), r.frames(),
                    r.frameP99Ms() < 16.7 ? "pass" : "FAIL");
            out.printf(Locale.ROOT, "  FX thread CPU time per frame         p50 %.2f ms, p99 %.2f ms%n", r.frameCpuP50Ms(),
                    r.frameCpuP99Ms());
            out.printf(Locale.ROOT, "  of which applying a training frame   p50 %.2f ms, p99 %.2f ms over %d frames shown%n",
                    r.updateP50Ms(), r.updateP99Ms(), r.updates());
            out.printf(Locale.ROOT, "  CPU used in the studio (cores)       training %.2f, FX thread %.2f, renderer %.2f; the"
                    + " whole process %.2f of %d%n", r.trainingCores(), r.fxCores(), r.rendererCores(), r.processCores(),
                    Runtime.getRuntime().availableProcessors());
        }
        return 0;
    }

    /** The soak: a line (or a JSON object) a minute, then the figures the bars are judged on; JavaFX is loaded only here. */
    private int soak(PrintWriter out) throws Exception {
        if (minutes < 1) throw new IllegalArgumentException("--minutes must be at least 1, got " + minutes);
        if (!json) out.printf("the studio training LeNet-5 with every view and the explorer drawing, headless, for %d"
                + " minute(s)...%n", minutes);
        org.convscope.data.TrainTest mnist = org.convscope.data.DatasetFolder.bundledMnist();
        org.convscope.ui.explorer.UiBench.startHeadless();
        org.convscope.ui.Soak.Result r = org.convscope.ui.Soak.run(mnist, minutes, m -> {
            if (json) {
                JsonObject o = new JsonObject();
                o.addProperty("minute", m.minute());
                o.addProperty("heap_after_gc_mb", m.heapMb());
                o.addProperty("threads", m.threads());
                o.addProperty("frames", m.frames());
                o.addProperty("frame_p99_ms", m.frameP99Ms());
                o.addProperty("frame_max_ms", m.frameMaxMs());
                o.addProperty("images_per_second", m.imagesPerSecond());
                o.addProperty("explorer_frames", m.explorerFrames());
                out.println(o);
            } else {
                out.printf(Locale.ROOT, "minute %3d: heap after GC %7.1f MB, %3d threads, %5d frames, p99 %6.2f ms"
                        + " (max %7.2f), training %,7.0f images/s, %,6d explorer frames%n", m.minute(), m.heapMb(),
                        m.threads(), m.frames(), m.frameP99Ms(), m.frameMaxMs(), m.imagesPerSecond(), m.explorerFrames());
            }
        });
        if (!json) {
            out.printf(Locale.ROOT, "heap after GC within %.1f%% of minute 1 (bar 10%%): %s%n", 100 * r.heapDrift(),
                    r.heapDrift() <= 0.1 ? "pass" : "FAIL");
            out.printf(Locale.ROOT, "threads %+d since minute 1 (bar: no growth): %s%n", r.threadGrowth(),
                    r.threadGrowth() <= 0 ? "pass" : "FAIL");
            out.printf(Locale.ROOT, "worst minute's frame p99 %.2f ms%n", r.worstFrameP99Ms());
        }
        return r.heapDrift() <= 0.1 && r.threadGrowth() <= 0 ? 0 : 1;
    }

    private void measure(Kernels kernels, int t, String prefix, Map<String, Object> figures, PrintWriter out) {
        if (!json) out.printf("measuring %s kernels...%n", kernels.name());
        WarmUp.run(Presets.lenet5(), kernels, (long) (Math.min(30.0, 10 * seconds) * 1e9));
        double[] latency = forwardLatency(kernels);
        figures.put(prefix + "forward_latency_median_us", latency[0]);
        figures.put(prefix + "forward_latency_p99_us", latency[1]);
        figures.put(prefix + "inference_images_per_second", inferenceThroughput(kernels, t));
        figures.put(prefix + "train_images_per_second_1_thread", trainThroughput(kernels, 1));
        figures.put(prefix + "train_images_per_second", trainThroughput(kernels, t));
    }

    private static Network lenet() {
        return Network.initialized(Presets.lenet5(), 42);
    }

    /** Median and 99th percentile, in µs, of one single-image forward pass that keeps every layer's output. */
    private double[] forwardLatency(Kernels kernels) {
        Network network = lenet();
        Workspace ws = new Workspace(network, kernels, 1);
        float[] image = RandomImages.pixels(network.input().size(), 1);
        System.arraycopy(image, 0, ws.input(), 0, image.length);
        long deadline = System.nanoTime() + (long) (seconds * 0.3e9);
        do ws.forward(1); while (System.nanoTime() < deadline);
        List<Long> samples = new ArrayList<>();
        deadline = System.nanoTime() + (long) (seconds * 1e9);
        do {
            long start = System.nanoTime();
            ws.forward(1);
            samples.add(System.nanoTime() - start);
        } while (System.nanoTime() < deadline && samples.size() < 2_000_000);
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3};
    }

    /** Images per second of batch-64 forward passes, one workspace per thread: the sum of the threads' rates. */
    private double inferenceThroughput(Kernels kernels, int t) {
        Network network = lenet();
        float[] batch = RandomImages.pixels(BATCH * network.input().size(), 2);
        DoubleAdder rate = new DoubleAdder();
        List<Thread> workers = new ArrayList<>();
        long warmEnd = System.nanoTime() + (long) (seconds * 0.3e9);
        long end = warmEnd + (long) (seconds * 1e9);
        for (int i = 0; i < t; i++) {
            Workspace ws = new Workspace(network, kernels, BATCH);
            System.arraycopy(batch, 0, ws.input(), 0, batch.length);
            workers.add(Thread.ofPlatform().name("convscope-bench-" + i).start(() -> {
                do ws.forward(BATCH); while (System.nanoTime() < warmEnd);
                long start = System.nanoTime();
                long images = 0;
                do {
                    ws.forward(BATCH);
                    images += BATCH;
                } while (System.nanoTime() < end);
                rate.add(images / ((System.nanoTime() - start) / 1e9));
            }));
        }
        joinAll(workers);
        return rate.sum();
    }

    /** Images per second of LeNet-5 training steps (batch 64, SGD with momentum), data conversion included. */
    private double trainThroughput(Kernels kernels, int t) {
        Network network = lenet();
        int count = BATCH * 50;
        SampleSource data = new RandomImages(network.input(), 10, count, 3);
        TrainConfig config = TrainConfig.defaults().withThreads(t).withCosine(false)
                .withOptimizer(org.convscope.engine.optim.OptimizerConfig.momentum(0.01f, 0.9f));
        int[] order = new int[count];
        Arrays.setAll(order, i -> i);
        try (Trainer trainer = new Trainer(network, config, kernels)) {
            long warmEnd = System.nanoTime() + (long) (seconds * 0.3e9);
            int b = 0;
            do trainer.trainBatch(data, order, (b++ % 50) * BATCH, BATCH); while (System.nanoTime() < warmEnd);
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            long images = 0;
            do {
                trainer.trainBatch(data, order, (b++ % 50) * BATCH, BATCH);
                images += BATCH;
            } while (System.nanoTime() < end);
            return images / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void printTable(PrintWriter out, Map<String, Object> f, String kernels, int t) {
        out.printf(Locale.ROOT, "%nLeNet-5 on %s, %d thread(s)%n", System.getProperty("os.arch"), t);
        out.printf(Locale.ROOT, "%-38s %14s %14s %8s%n", "", kernels, "scalar", "ratio");
        row(out, f, "forward latency, median (µs)", "forward_latency_median_us", true);
        row(out, f, "forward latency, p99 (µs)", "forward_latency_p99_us", true);
        row(out, f, "inference, batch 64 (images/s)", "inference_images_per_second", false);
        row(out, f, "training, 1 thread (images/s)", "train_images_per_second_1_thread", false);
        row(out, f, "training, " + t + " threads (images/s)", "train_images_per_second", false);
    }

    private static void row(PrintWriter out, Map<String, Object> f, String label, String key, boolean lowerIsBetter) {
        double fast = ((Number) f.get(key)).doubleValue();
        double scalar = ((Number) f.get("scalar_" + key)).doubleValue();
        double ratio = lowerIsBetter ? scalar / fast : fast / scalar;
        out.printf(Locale.ROOT, "%-38s %,14.1f %,14.1f %7.1f×%n", label, fast, scalar, ratio);
    }
}
