package org.convscope.lecture;

import java.util.Optional;

/**
 * A computation shown one step at a time, as an immutable state. {@code position} counts the steps done:
 * 0 is the start (nothing computed yet), {@link #count()} the end. Moving never changes a state, it makes a new
 * one, so stepping forward n times and back n times gives back an equal state.
 */
public sealed interface Stepper<S extends Stepper<S>>
        permits ConvStepper, ReluStepper, PoolStepper, DenseStepper, SoftmaxStepper, NetworkStepper {
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

    /** One line saying what the current step does, e.g. "out[0][1][2] = 3 + 1 + 0 + bias 0 = 4". */
    String explain();

    static int clamp(int position, int count) {
        return Math.max(0, Math.min(count, position));
    }
}
