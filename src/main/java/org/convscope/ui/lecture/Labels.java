package org.convscope.ui.lecture;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Labels with a style class, for headings, captions and the operators between grids. */
final class Labels {
    private Labels() {}

    static Label of(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** An operator between columns: ×, =, →. */
    static Label operator(String symbol) {
        return of(symbol, "operator");
    }
}
