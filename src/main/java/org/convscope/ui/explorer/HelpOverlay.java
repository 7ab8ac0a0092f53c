package org.convscope.ui.explorer;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts over a dimmed screen; a click or Esc closes it. */
final class HelpOverlay extends StackPane {
    static final String ID = "help-overlay";

    HelpOverlay() {
        setId(ID);
        getStyleClass().add("help-overlay");
        // Two columns of shortcuts, so that the card fits a 1280×720 screen.
        GridPane grid = new GridPane();
        grid.getStyleClass().add("help-grid");
        Shortcut[] all = Shortcut.values();
        int rows = Math.ceilDiv(all.length, 2);
        for (int i = 0; i < all.length; i++) {
            Label keys = new Label(all[i].keys());
            keys.getStyleClass().add("help-keys");
            Label what = new Label(all[i].description());
            what.setWrapText(true);
            what.setMaxWidth(300);
            grid.add(keys, i / rows * 2, i % rows);
            grid.add(what, i / rows * 2 + 1, i % rows);
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("help-title");
        Label hint = new Label("Hover a unit to inspect it, click to pin it. Drop an image or model file anywhere.");
        hint.getStyleClass().add("help-hint");
        VBox card = new VBox(12, title, grid, hint);
        card.getStyleClass().add("help-card");
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        setVisible(false);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> setVisible(false));
    }
}
