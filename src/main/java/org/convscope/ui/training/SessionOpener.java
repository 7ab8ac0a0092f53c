package org.convscope.ui.training;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.convscope.training.TrainingSession;

/**
 * Replaces the studio's session with another one: a new network or data set, or a session loaded from a file. The
 * host builds the new session off the FX thread, and only once it exists closes the old one and shows the new one;
 * if building fails, the old session stays and {@code onFailure} gets the reason in words. The new session counts as
 * saved until it trains or its settings change, except a restored autosave, which is in no file the user chose.
 */
@FunctionalInterface
public interface SessionOpener {
    SessionOpener NONE = (what, make, unsaved, onFailure) -> onFailure.accept("no host to open " + what);

    /**
     * @param what    what is being opened, in words ("LeNet-5 on Fashion-MNIST"), shown while it loads
     * @param unsaved whether the new session counts as unsaved from the start (a restored autosave: quitting offers
     *                to save it); otherwise it counts as saved as it starts (a new session, or one opened from a file)
     */
    void open(String what, Callable<TrainingSession> make, boolean unsaved, Consumer<String> onFailure);

    /** Opens a session that counts as saved until it trains or its settings change. */
    default void open(String what, Callable<TrainingSession> make, Consumer<String> onFailure) {
        open(what, make, false, onFailure);
    }
}
