package org.convscope.engine.train;

/**
 * Training diverged (see {@link DivergenceGuard}): the loss became NaN or infinite (the update that would have broken
 * the weights was not applied), stayed far above its starting value, or the steps grew as large as the weights.
 */
public final class TrainingDivergedException extends RuntimeException {
    private final long step;
    private final double loss;
    private final String reason;

    /**
     * @param step   the step that diverged, counting from 1
     * @param loss   its loss (NaN or infinite when that is what happened)
     * @param reason what happened, in words, without the step ("the loss became NaN (not a number)")
     */
    public TrainingDivergedException(long step, double loss, String reason) {
        this(step, loss, reason, "training diverged at step " + step + ": " + reason);
    }

    /** The same divergence told in other words (e.g. with the studio's or the command's advice). */
    public TrainingDivergedException(long step, double loss, String reason, String message) {
        super(message);
        this.step = step;
        this.loss = loss;
        this.reason = reason;
    }

    public long step() {
        return step;
    }

    public double loss() {
        return loss;
    }

    /** What happened, in words, without the step. */
    public String reason() {
        return reason;
    }
}
