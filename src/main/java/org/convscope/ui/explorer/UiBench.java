package org.convscope.ui.explorer;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import java.util.Random;
import java.util.function.IntConsumer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.kernel.Parallel;
import org.convscope.engine.train.JitQuiet;
import org.convscope.io.FileException;
import org.convscope.ui.explorer.draw.Drawing;
import org.convscope.ui.explorer.network.GraphView;

/**
 * Stroke-to-screen latency of the explorer, headless: the whole ExplorerView in a 1920×1080 scene, synthetic stroke
 * points fed to the drawing one at a time, and for each point the time of one update: rasterising the point,
 * preprocessing, the forward pass, the snapshot, every view repainted into its images and the layout pass of what
 * changed (as a pulse does it; CSS is applied once, up front, since an update changes no style). A unit of the last
 * convolution is pinned, so the inspector redoes its arithmetic (the largest of its views) on every point too. The pass runs on
 * the FX thread here (the app runs it on the inference thread), so one update is one measured call. Rasterising the
 * scene into pixels is measured apart: headless it is software rendering of the whole window, where the app's GPU
 * redraws only what changed.
 */
public final class UiBench {
    /**
     * Latencies in milliseconds: wall clock, and the FX thread's CPU time (what the update costs, whatever else the
     * machine is doing); the median of rasterising the whole window in software. {@code warmupUpdates} were made
     * before measuring.
     */
    public record Result(int warmupUpdates, int updates, double medianMs, double p99Ms, double maxMs, double cpuMedianMs, double cpuP99Ms,
                         double renderMedianMs) {}

    private UiBench() {}

    /** Starts JavaFX on its headless platform unless it is running already; call before any other FX use. */
    public static void startHeadless() {
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.join();
        Platform.setImplicitExit(false);
    }

    /**
     * Measures {@code updates} updates after at least {@code warmup} unmeasured ones, more until the JIT has been
     * nearly idle (under 2% of its time) for a second and a half or {@code maxWarmupMillis} have passed (the UI's code
     * is compiled over the first seconds of drawing, and measured meanwhile, an update costs up to five times its
     * steady cost), and {@code renders} full renders.
     */
    public static Result run(int updates, int warmup, long maxWarmupMillis, int renders) throws FileException {
        if (updates < 1) throw new IllegalArgumentException("updates must be at least 1, got " + updates);
        ExplorerModel model = ExplorerModel.withBundledModel();
        try {
            return onFx(() -> measure(model, updates, warmup, maxWarmupMillis, renders));
        } finally {
            model.close();
        }
    }

    private static Result measure(ExplorerModel model, int updates, int warmup, long maxWarmupMillis, int renders) {
        ExplorerView view = new ExplorerView(model);
        Scene scene = new Scene(view, 1920, 1080);
        model.classifyInline(true);
        model.pin(lastConvUnit(model.networkProperty().get().spec()));
        Drawing drawing = model.drawing();
        return measure(view, scene, k -> scribble(drawing, k), updates, warmup, maxWarmupMillis, renders);
    }

    /**
     * The same for any model: its network view ({@link GraphView}, the explorer's centre) in a 1920×1080 scene, and
     * for each update a new input (one of eight random ones, in turn) through the forward pass on all cores, the
     * snapshot of every layer's output, the view repainted (the cards in view) and laid out. The input panel and the
     * inspector of a colour model are not part of it yet.
     */
    public static Result runModel(Network net, int updates, int warmup, long maxWarmupMillis, int renders) {
        if (updates < 1) throw new IllegalArgumentException("updates must be at least 1, got " + updates);
        try (Parallel parallel = Parallel.create(Runtime.getRuntime().availableProcessors(), "convscope-bench-ui")) {
            Workspace ws = new Workspace(net, KernelSelection.preferred(), 1, parallel);
            float[][] params = net.copyParams();
            float[][] inputs = new float[8][net.input().size()];
            Random random = new Random(11);
            for (float[] x : inputs) for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
            return onFx(() -> {
                SimpleObjectProperty<ForwardSnapshot> snapshot = new SimpleObjectProperty<>();
                GraphView graph = new GraphView(snapshot, new SimpleObjectProperty<>(Normalisation.PER_LAYER), n -> {},
                        new SimpleObjectProperty<UnitRef>(), (u, clicked) -> {});
                graph.getStyleClass().add("panel");
                StackPane root = new StackPane(graph);
                root.getStyleClass().addAll("explorer", "dark");
                root.getStylesheets().add(ExplorerView.class.getResource(ExplorerView.STYLESHEET).toExternalForm());
                Scene scene = new Scene(root, 1920, 1080);
                IntConsumer update = k -> {
                    System.arraycopy(inputs[k % inputs.length], 0, ws.input(), 0, inputs[0].length);
                    ws.forward(1);
                    snapshot.set(ForwardSnapshot.capture(ws, 0, params));
                };
                update.accept(0);
                root.applyCss();
                root.layout();
                return measure(root, scene, update, updates, warmup, maxWarmupMillis, renders);
            });
        }
    }

    private static Result measure(Parent view, Scene scene, IntConsumer update, int updates, int warmup,
                                  long maxWarmupMillis, int renders) {
        long[] times = new long[updates];
        long[] cpu = new long[updates];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        view.applyCss();
        int warmed = 0;
        JitQuiet jit = new JitQuiet(1500, 0.02);
        long warmEnd = System.nanoTime() + maxWarmupMillis * 1_000_000L;
        while (warmed < warmup || !jit.idle() && System.nanoTime() < warmEnd) {
            update.accept(warmed++);
            view.layout();
        }
        for (int i = 0; i < updates; i++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            update.accept(i + warmed);
            view.layout();
            times[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        long[] renderTimes = new long[Math.max(1, renders)];
        for (int i = 0; i < renderTimes.length; i++) {
            update.accept(i);
            long start = System.nanoTime();
            scene.snapshot(null);
            renderTimes[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        Arrays.sort(renderTimes);
        int p99 = Math.min(updates - 1, (int) (updates * 0.99));
        return new Result(warmed, updates, times[updates / 2] / 1e6, times[p99] / 1e6, times[updates - 1] / 1e6,
                cpu[updates / 2] / 1e6, cpu[p99] / 1e6, renderTimes[renderTimes.length / 2] / 1e6);
    }

    /** The middle unit of the first map of the network's last convolution: the inspector's busiest section. */
    private static org.convscope.engine.explain.UnitRef lastConvUnit(org.convscope.engine.spec.NetworkSpec spec) {
        var infos = spec.infer();
        for (int i = infos.size() - 1; i >= 0; i--) {
            if (infos.get(i).spec() instanceof org.convscope.engine.spec.ConvSpec) {
                var out = infos.get(i).output();
                return new org.convscope.engine.explain.UnitRef(i, 0, out.height() / 2, out.width() / 2);
            }
        }
        return org.convscope.engine.explain.UnitRef.vector(infos.size() - 1, 0);
    }

    /**
     * Point k of an endless scribble: strokes of 40 points along loops of varying size and place, so the crop, the
     * scale and every map change from point to point; a new stroke every 40 points and a clear every 200.
     */
    public static void scribble(Drawing drawing, int k) {
        int inStroke = k % 40;
        double t = k * 0.21;
        float x = (float) (140 + (50 + 30 * Math.sin(k / 97.0)) * Math.cos(t) + 40 * Math.sin(k / 53.0));
        float y = (float) (140 + (80 + 20 * Math.cos(k / 71.0)) * Math.sin(t * 0.5) + 30 * Math.cos(k / 61.0));
        if (k % 200 == 0) drawing.clear();
        if (inStroke == 0) drawing.begin(x, y, 10, false);
        else drawing.extend(x, y);
    }

    /** Runs {@code work} on the FX thread and waits for its result (for benchmarks, off the FX thread). */
    public static <T> T onFx(java.util.concurrent.Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
