package org.convscope.training;

import static org.convscope.training.TrainingSessionTest.SETTINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.convscope.engine.kernel.KernelSelection;
import org.junit.jupiter.api.Test;

/**
 * A training thread that fails with anything but divergence stops the session in one line: the last frame says so and
 * is not running, queued and later commands fail at once (nothing waits for a thread that is gone).
 */
class TrainingFailureTest {
    @Test
    void aFailureWhileRunningStopsTheSessionAndSaysWhy() throws Exception {
        try (TrainingSession session = FailingSource.session(40)) {
            session.play().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (session.latestFrame().running() && System.nanoTime() < deadline) Thread.sleep(10);

            TrainingFrame last = session.latestFrame();
            assertFalse(last.running(), "the last frame is no longer running");
            assertEquals("Training stopped: the data set's disk went away", last.message());
            assertTrue(last.step() > 0, "it trained until the failure");

            CompletableFuture<SessionState> capture = session.capture();
            ExecutionException e = assertThrows(ExecutionException.class, () -> capture.get(5, TimeUnit.SECONDS),
                    "a command after the failure fails at once: a save before quitting does not wait");
            assertEquals("Training stopped: the data set's disk went away", e.getCause().getMessage());
            assertThrows(ExecutionException.class, () -> session.stepBatch().get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void closingFailsTheCommandsStillQueued() throws Exception {
        TrainingSession session = new TrainingSession(Stripes.net(), new Stripes(160, 17), new Stripes(90, 18),
                SETTINGS, KernelSelection.preferred(), "");
        CompletableFuture<?>[] queued = new CompletableFuture<?>[50];
        for (int i = 0; i < queued.length; i++) queued[i] = session.stepBatch();
        session.close();
        for (CompletableFuture<?> command : queued) {
            try {
                command.get(5, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertEquals("the training session is closed", e.getCause().getMessage());
            }
        }
        ExecutionException after = assertThrows(ExecutionException.class, () -> session.pause().get(5, TimeUnit.SECONDS));
        assertEquals("the training session is closed", after.getCause().getMessage());
    }
}
