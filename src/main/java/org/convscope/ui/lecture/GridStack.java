package org.convscope.ui.lecture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/**
 * A heading over grids, one per channel or filter, each with a caption line under it (e.g. its sum): stacked
 * top to bottom, or flowing in rows when {@code wrap}. Several grids make the stack "compact" (smaller cells).
 */
final class GridStack extends VBox {
    private final Label heading = Labels.of("", "grid-heading");
    /** Width in pixels after which wrapping grids start a new row. */
    private static final double WRAP = 1000;

    private final Pane flow;
    private final List<NumberGrid> grids = new ArrayList<>();
    private final List<Label> captions = new ArrayList<>();

    GridStack() {
        this(false);
    }

    GridStack(boolean wrap) {
        if (wrap) {
            FlowPane rows = new FlowPane(Orientation.HORIZONTAL) {
                /** As wide as the grids side by side, up to WRAP (a FlowPane alone would always ask for WRAP). */
                @Override
                protected double computePrefWidth(double height) {
                    double w = 0;
                    for (Node n : getManagedChildren()) w += n.prefWidth(-1) + getHgap();
                    return Math.min(WRAP, Math.max(0, w - getHgap())) + snappedLeftInset() + snappedRightInset();
                }
            };
            rows.setPrefWrapLength(WRAP);
            flow = rows;
        } else {
            flow = new VBox();
        }
        getStyleClass().add("grid-column");
        flow.getStyleClass().add("grid-stack");
        getChildren().addAll(heading, flow);
    }

    void setHeading(String text) {
        heading.setText(text);
    }

    /** Keeps exactly {@code count} grids, rebuilding only when the count changes. */
    List<NumberGrid> grids(int count) {
        if (grids.size() != count) {
            grids.clear();
            captions.clear();
            flow.getChildren().clear();
            for (int i = 0; i < count; i++) {
                NumberGrid grid = new NumberGrid();
                Label caption = Labels.of("", "grid-caption");
                grids.add(grid);
                captions.add(caption);
                flow.getChildren().add(new VBox(grid, caption));
            }
            getStyleClass().remove("compact");
            if (count > 1) getStyleClass().add("compact");
        }
        return grids;
    }

    Label caption(int i) {
        return captions.get(i);
    }

    /** n NaNs: a grid of empty cells. */
    static float[] blank(int n) {
        float[] values = new float[n];
        Arrays.fill(values, Float.NaN);
        return values;
    }

    /** The largest |value|, NaNs skipped: the half-range of a diverging colour map. */
    static float range(float[] values) {
        float max = 0;
        for (float v : values) if (!Float.isNaN(v)) max = Math.max(max, Math.abs(v));
        return max;
    }
}
