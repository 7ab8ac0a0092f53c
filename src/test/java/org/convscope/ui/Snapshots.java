package org.convscope.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import org.convscope.ui.view.PngExport;

/**
 * Renders nodes to PNG files in headless tests, so a test run leaves pictures to look at.
 * Works with or without TestFX: the toolkit is started here when no one else did.
 */
public final class Snapshots {
    /** Where tests put their pictures: {@code target/snapshots/}. */
    public static final Path DIRECTORY = Path.of("target", "snapshots");

    private static boolean toolkitStarted;

    private Snapshots() {}

    /**
     * Snapshots {@code node} at its on-screen size on the FX thread and writes {@code DIRECTORY/name.png}.
     *
     * @return the written file
     */
    public static Path writePng(Node node, String name) throws Exception {
        if (node == null) {
            throw new IllegalArgumentException("node is null, expected a node to snapshot");
        }
        if (name == null || name.isBlank() || name.contains("/") || name.endsWith(".png")) {
            throw new IllegalArgumentException("name is '" + name + "', expected a plain file name without .png");
        }
        Files.createDirectories(DIRECTORY);
        Path file = DIRECTORY.resolve(name + ".png");
        onFxThread(() -> {
            PngExport.save(node, 1, file);
            return file;
        });
        return file;
    }

    /** Runs {@code work} on the FX thread and returns its result, rethrowing what it threw. */
    public static <T> T onFxThread(FxWork<T> work) throws Exception {
        startToolkit();
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer within 30 s", e);
        }
    }

    /** Work for the FX thread that may throw, unlike {@link java.util.function.Supplier}. */
    @FunctionalInterface
    public interface FxWork<T> {
        T run() throws Exception;
    }

    private static synchronized void startToolkit() throws InterruptedException {
        if (toolkitStarted) {
            return;
        }
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        Platform.setImplicitExit(false);
        if (!ready.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start within 10 s");
        }
        toolkitStarted = true;
    }
}
