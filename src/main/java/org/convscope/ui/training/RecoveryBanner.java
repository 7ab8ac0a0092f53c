package org.convscope.ui.training;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.convscope.training.Autosave;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Offers the autosave of a run that did not close cleanly: Restore opens it as the studio's session, Discard
 * deletes it. Hidden until {@link #offer} and after either choice.
 */
final class RecoveryBanner extends HBox {
    final Label text = new Label();
    final Button restore = new Button("Restore", new FontIcon("mdi2b-backup-restore"));
    final Button discard = new Button("Discard", new FontIcon("mdi2d-delete-outline"));
    private Autosave.Recovery recovery;

    RecoveryBanner(SessionBar sessions) {
        getStyleClass().add("recovery-banner");
        setId("recovery-banner");
        setAlignment(Pos.CENTER_LEFT);
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        restore.setId("recovery-restore");
        discard.setId("recovery-discard");
        getChildren().addAll(new FontIcon("mdi2a-alert-outline"), text, restore, discard);
        restore.setOnAction(e -> {
            hide();
            sessions.restore(recovery.file());
        });
        discard.setOnAction(e -> {
            hide();
            sessions.say(Autosave.discard(recovery.file()) ? "Discarded the autosave"
                    : recovery.file().getFileName() + ": cannot delete the autosave", false);
        });
        hide();
    }

    void offer(Autosave.Recovery r) {
        recovery = r;
        text.setText(r.readable()
                ? "ConvScope did not close cleanly last time. Its autosave can be restored: " + r.summary() + "."
                : "ConvScope did not close cleanly last time, but its autosave cannot be read: " + r.summary());
        restore.setDisable(!r.readable());
        setVisible(true);
        setManaged(true);
    }

    private void hide() {
        setVisible(false);
        setManaged(false);
    }
}
