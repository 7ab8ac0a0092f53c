package org.convscope.training;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.convscope.io.Failures;
import org.convscope.io.FileException;

/**
 * Opens a saved session as a new {@link TrainingSession}: reads the file, starts a session on the data set it names
 * with its network and settings, then restores the weights, optimizer state, counters, curves and timeline, and
 * evaluates the test set. Any problem is one {@link FileException} naming the file; nothing is left running then.
 */
public final class SessionLoader {
    private SessionLoader() {}

    /** Call off the FX thread: it loads the data set. */
    public static TrainingSession open(Path file, SessionData data) throws FileException {
        SessionState state = SessionFile.read(file);
        TrainingSession session;
        try {
            session = data.start(state.dataset(), state.spec(), state.settings());
        } catch (Exception e) {
            String name = state.dataset().isEmpty() ? "the bundled MNIST" : state.dataset();
            throw new FileException(file, "cannot load its data set (" + name + "): " + reason(e), e);
        }
        try {
            session.restore(state).get();
            session.evaluate().get();
            return session;
        } catch (ExecutionException | CompletionException e) {
            session.close();
            throw new FileException(file, "does not fit its data set: " + reason(e.getCause()), e);
        } catch (InterruptedException e) {
            session.close();
            Thread.currentThread().interrupt();
            throw new FileException(file, "loading was interrupted", e);
        }
    }

    private static String reason(Throwable t) {
        return Failures.describe(t);
    }
}
