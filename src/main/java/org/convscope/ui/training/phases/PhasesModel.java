package org.convscope.ui.training.phases;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.convscope.io.Failures;
import org.convscope.training.StepPhases;

/**
 * The four-phase view's model: the recorded step and the phase shown. {@link #next()} after the update takes the
 * next sample's step (through the session, off the FX thread); {@link #back()} goes back one phase of this step.
 */
public final class PhasesModel {
    private final Supplier<CompletableFuture<StepPhases>> nextStep;
    private final ReadOnlyObjectWrapper<StepPhases> step = new ReadOnlyObjectWrapper<>(this, "step");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.FORWARD);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param first    the step to show first
     * @param nextStep takes one more step in phases; its future may complete on any thread
     */
    public PhasesModel(StepPhases first, Supplier<CompletableFuture<StepPhases>> nextStep) {
        this.nextStep = nextStep;
        step.set(first);
    }

    public ReadOnlyObjectProperty<StepPhases> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** True while the next step is being computed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last next step failed (e.g. training diverged), or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public StepPhases step() {
        return step.get();
    }

    public Phase phase() {
        return phase.get();
    }

    /** The next phase; after the update, the next sample's step from its forward pass. */
    public void next() {
        if (busy.get()) return;
        Phase now = phase.get();
        if (now != Phase.UPDATE) {
            phase.set(Phase.values()[now.ordinal() + 1]);
            return;
        }
        busy.set(true);
        nextStep.get().whenComplete((phases, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure != null) {
                error.set(Failures.report(failure));
                return;
            }
            error.set("");
            step.set(phases);
            phase.set(Phase.FORWARD);
        }));
    }

    /** The phase before, within this step. */
    public void back() {
        if (busy.get() || phase.get() == Phase.FORWARD) return;
        phase.set(Phase.values()[phase.get().ordinal() - 1]);
        error.set("");
    }
}
