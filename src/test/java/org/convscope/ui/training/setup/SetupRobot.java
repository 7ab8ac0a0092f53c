package org.convscope.ui.training.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Spinner;
import org.convscope.training.TrainingSession;
import org.convscope.ui.training.SessionOpener;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the "New session" tests share: waiting for the pane, typing into its fields, a host that starts sessions. */
final class SetupRobot {
    private SetupRobot() {}

    /** Waits (at most 60 s) until {@code condition} holds after the FX events so far. */
    static void waitUntil(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
            if (condition.getAsBoolean()) return;
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** Types {@code value} over the spinner's text, as a user does, and checks that it took it. */
    static void type(FxRobot robot, String spinner, String value) {
        Spinner<?> s = robot.lookup(spinner).queryAs(Spinner.class);
        robot.doubleClickOn(s.getEditor()).write(value);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(value, String.valueOf(s.getValue()), spinner);
    }

    /** Starts the session on another thread as the app's host does, or fails as told; closes it after the test. */
    static final class Host implements SessionOpener {
        final CompletableFuture<TrainingSession> started = new CompletableFuture<>();
        volatile String failWith;

        @Override
        public void open(String what, java.util.concurrent.Callable<TrainingSession> make, boolean unsaved,
                         java.util.function.Consumer<String> onFailure) {
            Thread.ofPlatform().start(() -> {
                if (failWith != null) {
                    Platform.runLater(() -> onFailure.accept(failWith));
                    return;
                }
                try {
                    started.complete(make.call());
                } catch (Exception e) {
                    started.completeExceptionally(e);
                }
            });
        }

        void close() throws Exception {
            if (started.isDone() && !started.isCompletedExceptionally()) started.get().close();
        }
    }
}
