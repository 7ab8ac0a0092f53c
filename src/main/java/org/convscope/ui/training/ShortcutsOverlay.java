package org.convscope.ui.training;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** The studio's keys, over the studio while F1 shows them (F1, Esc or a click hides them). */
final class ShortcutsOverlay extends GridPane {
    /** Each key and what it does, as listed. */
    static final List<String[]> KEYS = List.of(
            new String[] {"Space", "play or pause"},
            new String[] {"→", "step one batch (while paused)"},
            new String[] {shortcut("S"), "save the session"},
            new String[] {shortcut("O"), "open a saved session"},
            new String[] {shortcut("E"), "export the model (ConvScope or .onnx)"},
            new String[] {"Step in 4 phases", "→ or Space next phase · ← back · Esc close"},
            new String[] {"T in the explorer", "light or dark theme (the studio follows)"},
            new String[] {"F1", "show or hide these keys"});

    ShortcutsOverlay() {
        getStyleClass().add("shortcuts");
        setId("studio-shortcuts");
        Label title = new Label("Training studio: keys");
        title.getStyleClass().add("heading");
        add(title, 0, 0, 2, 1);
        for (int i = 0; i < KEYS.size(); i++) {
            Label key = new Label(KEYS.get(i)[0]);
            key.getStyleClass().add("key");
            addRow(i + 1, key, new Label(KEYS.get(i)[1]));
        }
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        hide();
    }

    private static String shortcut(String key) {
        boolean mac = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");
        return (mac ? "⌘" : "Ctrl+") + key;
    }

    void toggle() {
        if (isVisible()) hide();
        else {
            setVisible(true);
            toFront();
        }
    }

    void hide() {
        setVisible(false);
    }
}
