package org.convscope.engine.train;

import java.util.Locale;

/**
 * Tells a run that has diverged, step by step, in words. A run diverges when any of these happens:
 * <ul>
 * <li>the loss becomes NaN or infinite;</li>
 * <li>the loss stays far above its starting value: its moving average (weight {@value #SMOOTHING} per step) above
 * {@value #LOSS_FACTOR}× the starting loss (and at least 1 above it) for {@value #LOSS_STEPS} steps in a row, the
 * starting loss being the smallest of the first {@value #START_STEPS} steps (a run that explodes at once is not
 * measured against its exploded steps). A run at η = 50 sits at a loss of 45–59 with every weight exploding, and no
 * NaN ever comes;</li>
 * <li>the update-to-weight ratio ‖Δw‖/‖w‖ stays above {@value #RATIO_LIMIT} for {@value #RATIO_MEASURES}
 * measurements in a row: each step moves the weights by more than their own size (healthy is around 1e-3).</li>
 * </ul>
 * {@link #calm()} says whether the steps so far look healthy, e.g. to keep weights to roll back to only then.
 */
public final class DivergenceGuard {
    static final int START_STEPS = 5;
    static final double LOSS_FACTOR = 3;
    static final int LOSS_STEPS = 25;
    static final double SMOOTHING = 0.3;
    static final double RATIO_LIMIT = 1;
    static final int RATIO_MEASURES = 3;

    private int steps;
    private double startLoss = Double.POSITIVE_INFINITY;
    private double smoothed = Double.NaN;
    private int lossStreak;
    private int ratioStreak;
    private double lastRatio = Double.NaN;

    /**
     * Looks at one step's loss before its update: throws when it is not a finite number (the update must then not
     * be applied).
     */
    public void checkLoss(long step, double loss) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(step, loss, "the loss became "
                    + (Double.isNaN(loss) ? "NaN (not a number)" : "infinite"));
        }
    }

    /**
     * Looks at a step after its update: its loss and, when measured, its update-to-weight ratio (NaN when not);
     * throws {@link TrainingDivergedException} saying which rule the run broke.
     */
    public void afterStep(long step, double loss, double updateRatio) {
        checkLoss(step, loss);
        steps++;
        if (steps <= START_STEPS) startLoss = Math.min(startLoss, loss);
        smoothed = Double.isNaN(smoothed) ? loss : smoothed + SMOOTHING * (loss - smoothed);
        double limit = lossLimit();
        lossStreak = steps > START_STEPS && smoothed > limit ? lossStreak + 1 : 0;
        if (lossStreak >= LOSS_STEPS) {
            throw new TrainingDivergedException(step, loss, String.format(Locale.ROOT,
                    "the loss stayed above %s, %s× its starting value %s, for %d steps (now %s)", number(limit),
                    number(LOSS_FACTOR), number(startLoss), LOSS_STEPS, number(loss)));
        }
        if (!Double.isNaN(updateRatio)) {
            lastRatio = updateRatio;
            ratioStreak = updateRatio > RATIO_LIMIT ? ratioStreak + 1 : 0;
            if (ratioStreak >= RATIO_MEASURES) {
                throw new TrainingDivergedException(step, loss, String.format(Locale.ROOT,
                        "each step changed the weights by more than their own size (‖Δw‖/‖w‖ = %s, healthy is"
                                + " about 0.001)", number(updateRatio)));
            }
        }
    }

    /** Whether the steps so far look healthy: neither rule has started counting. */
    public boolean calm() {
        return lossStreak == 0 && ratioStreak == 0;
    }

    /** The last measured update-to-weight ratio, NaN before one. */
    public double lastRatio() {
        return lastRatio;
    }

    /** The loss above which steps count towards divergence: {@value #LOSS_FACTOR}× the start, at least start + 1. */
    double lossLimit() {
        return Math.max(LOSS_FACTOR * startLoss, startLoss + 1);
    }

    /** Starts over, as for a new run (its first steps give the starting loss again). */
    public void reset() {
        steps = 0;
        startLoss = Double.POSITIVE_INFINITY;
        smoothed = Double.NaN;
        lossStreak = 0;
        ratioStreak = 0;
        lastRatio = Double.NaN;
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+($|e)", "$1");
    }
}
