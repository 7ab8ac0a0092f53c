package org.convscope.ui.training;

import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The studio's theme: dark, or light when the studio or one of its ancestors has the style class {@value #LIGHT} (the
 * app's theme switch sets it above the tabs). Windows opened over the studio take the same theme.
 */
public final class StudioTheme {
    public static final String LIGHT = "light";

    private StudioTheme() {}

    /** Whether {@code node} is shown in the light theme. */
    public static boolean isLight(Node node) {
        for (Node n = node; n != null; n = n.getParent()) if (n.getStyleClass().contains(LIGHT)) return true;
        return false;
    }

    /** Puts {@code root} (a window's content) in the light theme or not. */
    public static void apply(Parent root, boolean light) {
        root.getStyleClass().remove(LIGHT);
        if (light) root.getStyleClass().add(LIGHT);
    }
}
