package org.convscope.ui.training.setup;

import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.training.SessionOpener;

/** The "New session" window over the studio: a {@link NewSessionPane}, closed once the new session has started. */
public final class NewSessionDialog {
    private NewSessionDialog() {}

    /**
     * @param dataKey the data the studio trains on now ("" for the bundled MNIST, else its folder), chosen first
     */
    public static Stage show(Window owner, NetworkSpec current, String dataKey, TrainingSettings settings,
                             SessionOpener opener) {
        NewSessionPane pane = new NewSessionPane(current, settings, opener);
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
