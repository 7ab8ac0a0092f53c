package org.convscope.ui.training.phases;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.convscope.ui.training.TrainingViewModel;

/** Opens the four-phase view of the session's next single-sample step in a window over the studio. */
public final class PhasesWindow {
    private static final double WIDTH = 1180;
    private static final double HEIGHT = 860;

    private PhasesWindow() {}

    /**
     * Takes one step in phases (the session pauses first) and, once it has run, shows it; a step that fails (e.g.
     * training diverged) opens nothing: the studio shows why.
     */
    public static void open(Window owner, TrainingViewModel model) {
        model.stepInPhases(first -> {
            PhasesView view = new PhasesView(new PhasesModel(first, model::stepInPhases));
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            Stage stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setTitle("One training step in four phases");
            stage.setScene(new Scene(view, Math.min(WIDTH, screen.getWidth() * 0.9), Math.min(HEIGHT, screen.getHeight() * 0.9)));
            view.setOnClose(stage::close);
            stage.show();
            stage.requestFocus();
            view.requestFocus();
        });
    }
}
