package org.convscope.lecture;

import java.util.Optional;

/**
 * A computation shown one step at a time, as an immutable state. {@code position} counts the steps done:
 * 0 is the start (nothing computed yet), {@link #count()} the end. Moving never changes a state, it makes a new
 * one, so stepping forward n times and back n times gives back an equal state.
 */
public sealed interface Stepper<S extends Stepper<S>>
        permits ConvStepper, ReluStepper, PoolStepper, DenseStepper, SoftmaxStepper, NetworkStepper, LayerStepper {
    int position();

    /** Number of steps from the start to the end. */
    int count();

    /** The same computation at another position, clamped to [0, count]. */
    S at(int position);

    default S next() {
        return at(position() + 1);
    }

    default S previous() {
        return at(position() - 1);
    }

    default S reset() {
        return at(0);
    }

    default boolean atStart() {
        return position() == 0;
    }

    default boolean atEnd() {
        return position() >= count();
    }

    /** Why the parameters do not fit, in words; empty when they do (a stepper that does not fit has no steps). */
    default Optional<String> problem() {
        return Optional.empty();
    }

    /** One line saying what the current step does, e.g. "out[1, 2] = Σ w·x + b = 3 + 1 = 4". */
    String explain();

    /**
     * The same line with the step's result hidden, for predict-then-reveal: the question the class answers, e.g.
     * "out[1, 2] = Σ w·x + b = ?". By default, everything after the line's second "=" (or "≈") becomes "?".
     */
    default String question() {
        return hideAfterSecondEquals(explain());
    }

    /** "a = b = c = d" → "a = b = ?"; a line with fewer than two "=" stays as it is. */
    static String hideAfterSecondEquals(String text) {
        int first = text.indexOf(" = ");
        if (first < 0) return text;
        int second = -1;
        for (int i = first + 3; i < text.length() - 2; i++) {
            if (text.startsWith(" = ", i) || text.startsWith(" ≈ ", i)) {
                second = i;
                break;
            }
        }
        return second < 0 ? text : text.substring(0, second) + " = ?";
    }

    static int clamp(int position, int count) {
        return Math.max(0, Math.min(count, position));
    }
}
