package org.convscope.ui.explorer.network;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.convscope.engine.explain.UnitRef;
import org.convscope.ui.explorer.Frame;
import org.convscope.ui.explorer.Normalisation;

/**
 * One layer's column of the network view: a header (name, kind, shape, parameters), the layer's images, a legend. The
 * column is as wide as its pictures need ({@link #setColumnWidth}), or as its header's longest word where that is
 * wider: the header's words wrap, but never inside a word such as "16×10×10".
 */
abstract class Column extends VBox {
    private final VBox header;
    private final Label[] headerLabels;
    private double columnWidth;
    private double longestWord = -1; // the header's widest word in its font, measured when first needed

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
        headerLabels = new Label[] {title, what, dims};
        for (Label l : headerLabels) {
            l.fontProperty().addListener((o, old, f) -> {
                longestWord = -1;
                requestLayout();
            });
        }
        header = new VBox(title, what, dims);
        header.getStyleClass().add("layer-header");
        header.setAlignment(Pos.TOP_CENTER);
        Tooltip.install(header, new Tooltip(explanation + (parameters > 0
                ? "\n" + String.format("%,d", parameters) + " trainable parameters" : "")));
        getChildren().add(header);
    }

    /** Makes the column this wide (or as wide as its header's longest word), the header's words wrapping within it. */
    void setColumnWidth(double width) {
        columnWidth = width;
        requestLayout();
    }

    @Override
    protected double computeMinWidth(double height) {
        return width();
    }

    @Override
    protected double computePrefWidth(double height) {
        return width();
    }

    private double width() {
        if (longestWord < 0) {
            longestWord = 0;
            for (Label l : headerLabels) {
                for (String w : l.getText().split("\\s+")) {
                    Text t = new Text(w);
                    t.setFont(l.getFont());
                    longestWord = Math.max(longestWord, Math.ceil(t.getLayoutBounds().getWidth()));
                }
            }
        }
        return Math.max(columnWidth, longestWord + snappedLeftInset() + snappedRightInset());
    }

    /** Whether units of this layer are shown here (a fully connected layer shares a column with its activation). */
    abstract boolean covers(int layer);

    abstract void update(Frame frame, ValueRanges ranges, Normalisation mode);

    abstract void highlight(Highlight highlight);
}
