package org.convscope.ui.training;

import java.util.concurrent.Callable;
import org.convscope.training.TrainingSession;

/**
 * Replaces the studio's session with another one: a new network or data set, or a session loaded from a file. The
 * host builds the new session off the FX thread, and only once it exists closes the old one and shows the new one;
 * if building fails, the old session stays and {@code onFailure} gets the reason in words.
 */
@FunctionalInterface
public interface SessionOpener {
    SessionOpener NONE = (what, make, onFailure) -> onFailure.accept("no host to open " + what);

    /** @param what what is being opened, in words ("LeNet-5 on Fashion-MNIST"), shown while it loads */
    void open(String what, Callable<TrainingSession> make, java.util.function.Consumer<String> onFailure);
}
