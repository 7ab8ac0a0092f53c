package org.convscope.engine.train;

/** The loss became NaN or infinite; the update that would have broken the weights was not applied. */
public final class TrainingDivergedException extends RuntimeException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
