package org.convscope.ui.explorer.network;

import java.util.Arrays;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.convscope.engine.explain.UnitRef;
import org.convscope.lecture.Notation;
import org.convscope.ui.explorer.Frame;
import org.convscope.ui.explorer.Normalisation;
import org.convscope.ui.view.ColorMap;

/**
 * A vector layer as a grid of units coloured by value: the flattened maps, a fully connected layer (showing its
 * activation's output when one follows: the column covers both), or the logits with their class and value beside.
 */
final class UnitColumn extends Column {
    /** Grid of the units, chosen by {@link Columns}. */
    record Layout(int gridColumns, double cell, boolean labelled, double width) {}

    private final int layer;        // whose units are selected and whose inputs are highlighted
    private final int shownLayer;   // whose output is painted (the activation after a fully connected layer)
    private final int units;
    private final ColorMap map;
    private final MapTile tile;
    private final float[] padded;   // [rows][gridColumns]: units, then the range minimum
    private final boolean[] paddedMask;
    private final Text[] values;    // the logits' values, or null (Text: new every frame, no label skin to re-measure)
    private final ColumnLegend legend;

    UnitColumn(Columns.Info info, int shownLayer, ColorMap map, Layout layout, Selection selection) {
        super(info.name(), info.kind(), Notation.size(info.output()), info.parameters(), info.explanation());
        this.layer = info.layer();
        this.shownLayer = shownLayer;
        this.units = info.output().size();
        this.map = map;
        int cols = layout.gridColumns();
        int rows = Math.ceilDiv(units, cols);
        padded = new float[rows * cols];
        paddedMask = new boolean[rows * cols];
        tile = new MapTile(rows, cols, cols * layout.cell(), rows * layout.cell(), (t, row, col, clicked) -> {
            int unit = row * cols + col;
            selection.unit(row < 0 || unit >= units ? null : UnitRef.vector(layer, unit), clicked);
        }, null);
        legend = new ColumnLegend(Math.min(layout.width(), 96));
        if (layout.labelled()) {
            values = new Text[units];
            VBox labels = new VBox();
            labels.getStyleClass().add("unit-labels");
            for (int u = 0; u < units; u++) {
                values[u] = new Text();
                values[u].getStyleClass().add("unit-value");
                Label index = new Label(Integer.toString(u));
                index.setMinHeight(layout.cell());
                index.getStyleClass().add("unit-index");
                HBox row = new HBox(4, index, values[u]);
                row.setAlignment(Pos.CENTER_LEFT);
                labels.getChildren().add(row);
            }
            HBox body = new HBox(4, tile, new LayoutBoundary(labels));
            body.setAlignment(Pos.CENTER);
            getChildren().add(body);
        } else {
            values = null;
            getChildren().add(tile);
        }
        getChildren().add(new LayoutBoundary(legend));
        setColumnWidth(layout.width());
    }

    @Override
    boolean covers(int layer) {
        return layer == this.layer || layer == shownLayer;
    }

    @Override
    void update(Frame frame, ValueRanges ranges, Normalisation mode) {
        float[] data = frame.snapshot().output(shownLayer);
        // A vector is one map: per map and per layer are the same range.
        float[] r = ranges.range(mode == Normalisation.GLOBAL && map.symmetric() ? Normalisation.PER_LAYER : mode,
                shownLayer, 0);
        System.arraycopy(data, 0, padded, 0, units);
        Arrays.fill(padded, units, padded.length, map.symmetric() ? 0f : r[0]);
        tile.paint(padded, 0, map, r[0], r[1]);
        legend.show(map, r[0], r[1], MapColumn.scope(map.symmetric() ? Normalisation.PER_LAYER : mode, "activation"));
        if (values != null) {
            for (int u = 0; u < units; u++) values[u].setText(Notation.minus(String.format(Locale.ROOT, "%+.2f", data[u])));
        }
    }

    @Override
    void highlight(Highlight highlight) {
        boolean[] mask = highlight.mask(layer) != null ? highlight.mask(layer) : highlight.mask(shownLayer);
        if (mask != null) System.arraycopy(mask, 0, paddedMask, 0, units);
        UnitRef s = highlight.selected();
        int selected = s != null && covers(s.layer()) ? s.channel() : -1;
        tile.mark(mask == null ? null : paddedMask, 0, selected);
    }
}
