package org.convscope.ui.explorer.network;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.convscope.engine.explain.UnitRef;
import org.convscope.ui.explorer.Frame;
import org.convscope.ui.explorer.Normalisation;

/** One layer's column of the network view: a header (name, kind, shape, parameters), the layer's images, a legend. */
abstract class Column extends VBox {
    /** Where a column sends the unit under the pointer. */
    interface Selection {
        void unit(UnitRef unit, boolean clicked);
    }

    Column(String name, String kind, String shape, long parameters, String explanation) {
        getStyleClass().add("layer-column");
        setAccessibleText(name);
        setAlignment(Pos.TOP_CENTER);
        Label title = new Label(name);
        title.getStyleClass().add("layer-name");
        Label what = new Label(kind);
        what.getStyleClass().add("layer-kind");
        Label dims = new Label(shape + (parameters > 0 ? " · " + String.format("%,d", parameters) + " p" : ""));
        dims.getStyleClass().add("layer-shape");
        VBox header = new VBox(title, what, dims);
        header.getStyleClass().add("layer-header");
        header.setAlignment(Pos.TOP_CENTER);
        Tooltip.install(header, new Tooltip(explanation + (parameters > 0
                ? "\n" + String.format("%,d", parameters) + " trainable parameters" : "")));
        getChildren().add(header);
    }

    /** Whether units of this layer are shown here (a fully connected layer shares a column with its activation). */
    abstract boolean covers(int layer);

    abstract void update(Frame frame, ValueRanges ranges, Normalisation mode);

    abstract void highlight(Highlight highlight);
}
