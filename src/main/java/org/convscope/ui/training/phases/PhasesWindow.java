package org.convscope.ui.training.phases;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.convscope.training.StepPhases;
import org.convscope.ui.training.StudioTheme;
import org.convscope.ui.training.TrainingViewModel;

/**
 * Opens the four-phase view of a training step in a window over the studio: of the session's next single training
 * image, or of a chosen one (the probe). The studio is blocked and dimmed while the window is open.
 */
public final class PhasesWindow {
    private static final double WIDTH = 1500;
    private static final double HEIGHT = 1000;

    private PhasesWindow() {}

    /** A chosen image to step on: its pixels (of the network's input shape), its class, and its name in words. */
    public record Sample(float[] image, int label, String name) {}

    /**
     * Takes one step in phases (the session pauses first) and, once it has run, shows it; a step that fails (e.g.
     * training diverged) opens nothing: the studio shows why.
     *
     * @param sample the image to step on, or null for the next training image (every next step too)
     * @param light  whether the window takes the light theme
     * @param block  told true when the window opens and false when it closes (the studio dims itself meanwhile)
     */
    public static void open(Window owner, TrainingViewModel model, Sample sample, boolean light, Consumer<Boolean> block) {
        Supplier<CompletableFuture<StepPhases>> step = sample == null ? model::stepInPhases
                : () -> model.stepInPhases(sample.image(), sample.label(), sample.name());
        block.accept(true);
        step.get().whenComplete((first, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                block.accept(false);
                return;
            }
            PhasesView view = new PhasesView(new PhasesModel(first, step));
            StudioTheme.apply(view, light);
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            Stage stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setTitle("One training step in four phases");
            stage.setScene(new Scene(view, Math.min(WIDTH, screen.getWidth() * 0.92),
                    Math.min(HEIGHT, screen.getHeight() * 0.92)));
            view.setOnClose(stage::close);
            stage.setOnHidden(e -> block.accept(false));
            stage.show();
            stage.requestFocus();
            view.requestFocus();
        }));
    }
}
