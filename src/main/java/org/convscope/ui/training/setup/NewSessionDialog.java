package org.convscope.ui.training.setup;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.training.StartWeights;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.training.SessionOpener;
import org.convscope.ui.training.StudioDialogs;
import org.convscope.ui.training.StudioTheme;

/** The "New session" window over the studio: a {@link NewSessionPane}, closed once the new session has started. */
public final class NewSessionDialog {
    private NewSessionDialog() {}

    /**
     * @param currentStart the weights the current session started from, or null for fresh ones
     * @param dataKey      the data the studio trains on now ("" for the bundled MNIST, else its folder), chosen first
     * @param dialogs      asks for the model file to start from
     * @param light        whether the window takes the light theme (as the studio has it)
     */
    public static Stage show(Window owner, NetworkSpec current, StartWeights currentStart, String dataKey,
                             TrainingSettings settings, SessionOpener opener, StudioDialogs dialogs, boolean light) {
        NewSessionPane pane = new NewSessionPane(current, currentStart, settings, opener, dialogs);
        StudioTheme.apply(pane, light);
        Stage stage = new Stage();
        stage.setTitle("New training session");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(pane, size(screen.getWidth(), 980, 1400), size(screen.getHeight(), 700, 950)));
        pane.setOnClose(stage::close);
        pane.chooseData(dataKey);
        stage.show();
        return stage;
    }

    /** Most of the screen, so that a real network's table has room: at least {@code least}, at most {@code most}. */
    private static double size(double screen, double least, double most) {
        return Math.min(screen, Math.clamp(0.85 * screen, least, most));
    }
}
