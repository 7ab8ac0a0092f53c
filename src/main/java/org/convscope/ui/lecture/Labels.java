package org.convscope.ui.lecture;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small builders for the labelled columns every stepper pane uses. */
final class Labels {
    private Labels() {}

    static Label of(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** A column with a heading above its content. */
    static VBox column(String heading) {
        VBox box = new VBox(of(heading, "grid-heading"));
        box.getStyleClass().add("grid-column");
        return box;
    }

    /** An operator between columns: ×, =, →. */
    static Label operator(String symbol) {
        return of(symbol, "operator");
    }
}
