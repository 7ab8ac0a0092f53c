package org.convscope.ui;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.convscope.data.TrainTest;
import org.convscope.engine.spec.Presets;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.explorer.ExplorerModel;
import org.convscope.ui.explorer.ExplorerView;
import org.convscope.ui.explorer.UiBench;
import org.convscope.ui.training.ExplorerLink;
import org.convscope.ui.training.TrainingView;
import org.convscope.ui.training.TrainingViewModel;
import org.convscope.ui.view.FrameClock;

/**
 * The app left running, headless, to see whether it holds steady: the training studio with every view, LeNet-5
 * training on MNIST at full speed and autosaving as the app does, and meanwhile the explorer drawing one stroke point
 * per frame (a new stroke every 40 points, a clear every 200) and showing the next test digit every
 * {@value #BROWSE_SECONDS} seconds. Each minute: the heap in use at the end of a full collection (the collector's own
 * figure, {@link #heapAfterGcMb}), the live threads, the FX thread's frame time (p99, as {@code bench --studio}
 * measures it, both windows' layout included), training images a second and explorer frames shown. Both windows are
 * 1000×1000, the headless screen's size. JavaFX must be started (e.g. by {@code UiBench.startHeadless()}).
 */
public final class Soak {
    private static final int SIZE = 1000;
    private static final int BROWSE_SECONDS = 5;
    private static final int GC_RECORD_SECONDS = 10;

    /** One minute of the soak; {@code heapMb} after a full collection at its end. */
    public record Minute(int minute, double heapMb, int threads, int frames, double frameP99Ms, double frameMaxMs,
                         double imagesPerSecond, long explorerFrames) {}

    /** The minutes, in order, and what the bars are judged on. */
    public record Result(List<Minute> minutes) {
        /** The largest distance of a minute's heap from the first minute's, as a share of it. */
        public double heapDrift() {
            double first = minutes.getFirst().heapMb();
            return minutes.stream().mapToDouble(m -> Math.abs(m.heapMb() - first) / first).max().orElse(0);
        }

        /** Threads at the end less threads after the first minute. */
        public int threadGrowth() {
            return minutes.getLast().threads() - minutes.getFirst().threads();
        }

        /** The largest of the minutes' frame p99s, in milliseconds. */
        public double worstFrameP99Ms() {
            return minutes.stream().mapToDouble(Minute::frameP99Ms).max().orElse(Double.NaN);
        }
    }

    private Soak() {}

    /** Runs for {@code minutes} minutes, handing each to {@code each} as it ends. */
    public static Result run(TrainTest mnist, int minutes, Consumer<Minute> each) throws Exception {
        if (minutes < 1) throw new IllegalArgumentException("minutes must be at least 1, got " + minutes);
        Path autosave = Files.createTempDirectory("convscope-soak").resolve("autosave.convscope-session");
        TrainingSession session = StudioSessions.on(mnist, Presets.lenet5(), TrainingSettings.defaults(), "");
        TrainingViewModel studio = UiBench.onFx(() -> new TrainingViewModel(session, autosave));
        ExplorerModel explorer = ExplorerModel.withBundledModel();
        FrameClock clock = new FrameClock(200_000);
        AtomicLong explorerFrames = new AtomicLong();
        AnimationTimer scribble = new AnimationTimer() {
            private int point;
            private long nextDigit;

            @Override
            public void handle(long now) {
                UiBench.scribble(explorer.drawing(), point++);
                if (now >= nextDigit) {
                    if (nextDigit != 0) explorer.nextSample();
                    nextDigit = now + TimeUnit.SECONDS.toNanos(BROWSE_SECONDS);
                }
            }
        };
        List<Stage> stages = UiBench.onFx(() -> {
            studio.frameProperty().addListener((obs, old, now) -> clock.updateStarts());
            Scene studioScene = new Scene(new TrainingView(studio, ExplorerLink.NONE), SIZE, SIZE);
            studio.frameProperty().addListener((obs, old, now) -> clock.updateDone());
            ExplorerView explorerView = new ExplorerView(explorer);
            explorer.frameProperty().addListener((obs, old, now) -> explorerFrames.incrementAndGet());
            Scene explorerScene = new Scene(explorerView, SIZE, SIZE);
            List<Stage> shown = new ArrayList<>();
            for (Scene scene : List.of(studioScene, explorerScene)) {
                clock.watch(scene);
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.show();
                shown.add(stage);
            }
            clock.start();
            clock.record(true);
            scribble.start();
            return shown;
        });
        try {
            studio.play().get(300, TimeUnit.SECONDS);
            List<Minute> done = new ArrayList<>();
            for (int m = 1; m <= minutes; m++) {
                long images = session.imagesTrained();
                long shown = explorerFrames.get();
                long start = System.nanoTime();
                Thread.sleep(TimeUnit.MINUTES.toMillis(1));
                double seconds = (System.nanoTime() - start) / 1e9;
                FrameClock.Samples frames = UiBench.onFx(clock::take);
                Minute minute = new Minute(m, heapAfterGcMb(), liveThreads(), frames.frames().length,
                        FrameClock.Samples.percentileMs(frames.frames(), 0.99),
                        FrameClock.Samples.percentileMs(frames.frames(), 1),
                        (session.imagesTrained() - images) / seconds, explorerFrames.get() - shown);
                done.add(minute);
                each.accept(minute);
            }
            return new Result(done);
        } finally {
            UiBench.onFx(() -> {
                scribble.stop();
                clock.stop();
                stages.forEach(Stage::close);
                return null;
            });
            studio.close();
            explorer.close();
        }
    }

    /**
     * The heap in use at the end of a full collection, in MB, as the collector itself recorded it. Reading the heap in
     * use after {@code System.gc()} returns would also count what the training and explorer threads allocated since
     * the collection ended, or a young collection run meanwhile.
     */
    static double heapAfterGcMb() {
        return heapAfterGcMb(() -> {});
    }

    /**
     * {@link #heapAfterGcMb}, running {@code meanwhile} after {@code System.gc()} returns and before the collection's
     * record is read (for tests: what it allocates must not count). The record is the collector's notification of the
     * collection caused by {@code System.gc()}; without one within {@value #GC_RECORD_SECONDS} s, the heap in use then.
     */
    static double heapAfterGcMb(Runnable meanwhile) {
        CompletableFuture<GcInfo> full = new CompletableFuture<>();
        // Notifications arrive on their own thread, late: one of an earlier System.gc() may come after the listener is
        // added. Only a major collection numbered after the counts taken here is this call's.
        Map<String, Long> before = new HashMap<>();
        for (GarbageCollectorMXBean c : ManagementFactory.getGarbageCollectorMXBeans()) {
            before.put(c.getName(), c.getCollectionCount());
        }
        NotificationListener listener = (notification, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
            GarbageCollectionNotificationInfo gc = GarbageCollectionNotificationInfo.from(
                    (CompositeData) notification.getUserData());
            if ("System.gc()".equals(gc.getGcCause()) && gc.getGcAction().contains("major")
                    && gc.getGcInfo().getId() > before.getOrDefault(gc.getGcName(), Long.MAX_VALUE)) {
                full.complete(gc.getGcInfo());
            }
        };
        List<NotificationEmitter> emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(NotificationEmitter.class::isInstance).map(NotificationEmitter.class::cast).toList();
        emitters.forEach(e -> e.addNotificationListener(listener, null, null));
        try {
            System.gc();
            meanwhile.run();
            GcInfo info = full.get(GC_RECORD_SECONDS, TimeUnit.SECONDS);
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage after = pool.getType() == MemoryType.HEAP ? info.getMemoryUsageAfterGc().get(pool.getName())
                        : null;
                if (after != null) used += after.getUsed();
            }
            return used / (1024.0 * 1024.0);
        } catch (TimeoutException | ExecutionException e) {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        } finally {
            for (NotificationEmitter e : emitters) {
                try {
                    e.removeNotificationListener(listener);
                } catch (ListenerNotFoundException gone) {
                    // removed already
                }
            }
        }
    }

    private static int liveThreads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.getThreadCount();
    }
}
