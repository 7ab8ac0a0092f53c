package org.convscope.ui.training.setup;

import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.training.StartWeights;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.training.SessionOpener;
import org.convscope.ui.training.StudioDialogs;

/** The "New session" window over the studio: a {@link NewSessionPane}, closed once the new session has started. */
public final class NewSessionDialog {
    private NewSessionDialog() {}

    /**
     * @param currentStart the weights the current session started from, or null for fresh ones
     * @param dataKey      the data the studio trains on now ("" for the bundled MNIST, else its folder), chosen first
     * @param dialogs      asks for the model file to start from
     */
    public static Stage show(Window owner, NetworkSpec current, StartWeights currentStart, String dataKey,
                             TrainingSettings settings, SessionOpener opener, StudioDialogs dialogs) {
        NewSessionPane pane = new NewSessionPane(current, currentStart, settings, opener, dialogs);
        Stage stage = new Stage();
        stage.setTitle("New training session");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setScene(new Scene(pane, 980, 700));
        pane.setOnClose(stage::close);
        pane.chooseData(dataKey);
        stage.show();
        return stage;
    }
}
