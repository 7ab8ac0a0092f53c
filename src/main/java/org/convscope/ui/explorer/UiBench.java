package org.convscope.ui.explorer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.convscope.data.Photo;
import org.convscope.engine.Network;
import org.convscope.model.DigitInput;
import org.convscope.engine.train.JitQuiet;
import org.convscope.io.FileException;
import org.convscope.ui.explorer.draw.Drawing;

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
     * The same for any model, as a user opening photos sees it: the whole ExplorerView in a 1920×1080 scene (the
     * photo panel with its preprocessing steps and R, G, B maps, the graph view, the prediction bars and the inspector
     * with a unit of the last convolution pinned), and for each update one of eight {@value #PHOTO_WIDTH}×{@value
     * #PHOTO_HEIGHT} JPEG files, in turn, decoded from disk, preprocessed as the model's recipe says, through the
     * forward pass (on all cores, as the app runs a large network), the snapshot of every layer's output, every view
     * repainted and laid out. The app spreads these over its io, inference and FX threads; here they run one after the
     * other on the FX thread, so one update is the whole latency from file to screen.
     */
    public static Result runModel(Network net, String name, List<String> classNames, int updates, int warmup,
                                  long maxWarmupMillis, int renders) throws IOException, InterruptedException {
        if (updates < 1) throw new IllegalArgumentException("updates must be at least 1, got " + updates);
        if (DigitInput.takesDigits(net.input())) {
            throw new IllegalArgumentException(name + " takes drawn digits: measure it with bench --ui alone");
        }
        Path dir = Files.createTempDirectory("convscope-bench-ui");
        ExplorerModel model = onFx(() -> new ExplorerModel(net, name, classNames));
        try {
            List<Path> photos = writePhotos(dir, 8);
            // the picture a colour model starts on goes through the inference thread: wait for it, so that thread is
            // idle before the calling thread takes over (they share the cores' threads)
            long until = System.nanoTime() + 60_000_000_000L;
            while (onFx(() -> model.frameProperty().get() == null)) {
                if (System.nanoTime() > until) throw new IllegalStateException(name + ": no first frame in 60 s");
                Thread.sleep(20);
            }
            return onFx(() -> {
                ExplorerView view = new ExplorerView(model);
                Scene scene = new Scene(view, 1920, 1080);
                model.classifyInline(true);
                model.pin(lastConvUnit(net.spec()));
                IntConsumer update = k -> {
                    Path file = photos.get(k % photos.size());
                    Photo photo = Photo.load(file);
                    model.showInline(PhotoInput.of(file.getFileName().toString(), photo, model.recipeProperty().get(),
                            net.input()));
                    Frame shown = model.frameProperty().get();
                    if (shown.photo() == null || !shown.photo().name().equals(file.getFileName().toString())) {
                        throw new IllegalStateException("the explorer did not show " + file.getFileName());
                    }
                };
                update.accept(0);
                return measure(view, scene, update, updates, warmup, maxWarmupMillis, renders);
            });
        } finally {
            onFx(() -> {
                model.close();
                return null;
            });
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
    }

    static final int PHOTO_WIDTH = 1024;
    static final int PHOTO_HEIGHT = 768;

    /** Photo-like JPEGs: smooth colour gradients, discs and fine texture, each of the n different. */
    private static List<Path> writePhotos(Path dir, int n) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        Random random = new Random(11);
        for (int k = 0; k < n; k++) {
            BufferedImage image = new BufferedImage(PHOTO_WIDTH, PHOTO_HEIGHT, BufferedImage.TYPE_INT_RGB);
            double cx = random.nextDouble() * PHOTO_WIDTH;
            double cy = random.nextDouble() * PHOTO_HEIGHT;
            double radius = 100 + random.nextDouble() * 200;
            for (int y = 0; y < PHOTO_HEIGHT; y++) {
                for (int x = 0; x < PHOTO_WIDTH; x++) {
                    boolean disc = Math.hypot(x - cx, y - cy) < radius;
                    int texture = (int) (20 * Math.sin(x / (3.0 + k)) * Math.sin(y / 4.0));
                    int r = disc ? 200 + texture / 2 : x * 255 / PHOTO_WIDTH;
                    int g = disc ? 60 : y * 200 / PHOTO_HEIGHT + texture + 30;
                    int b = disc ? 40 : 255 - y * 255 / PHOTO_HEIGHT;
                    image.setRGB(x, y, clamp(r) << 16 | clamp(g) << 8 | clamp(b));
                }
            }
            Path file = dir.resolve("photo" + k + ".jpg");
            if (!ImageIO.write(image, "jpg", file.toFile())) throw new IOException("no JPEG writer for " + file);
            files.add(file);
        }
        return files;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
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
