package org.convscope.ui.explorer.network;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convscope.engine.Dims;
import org.convscope.engine.explain.UnitRef;
import org.convscope.lecture.Notation;
import org.convscope.ui.explorer.Frame;
import org.convscope.ui.explorer.Normalisation;
import org.convscope.ui.view.ColorMap;
import org.convscope.ui.view.Heatmap;

/**
 * A layer with spatial output (the input, a convolution, an activation of maps, pooling): one tile per channel; for a
 * convolution each map has its filter beside it (the kernels over every input channel, diverging colours so negative
 * weights stay visible).
 */
final class MapColumn extends Column {
    /** Layout of one column, chosen by {@link Columns}. */
    record Layout(double tile, double kernel, int kernelColumns, double width) {}

    private final int layer;
    private final Dims dims;
    private final ColorMap map;
    private final MapTile[] tiles;
    private final MapScale[] scales;    // each map's own range, shown when normalising per map
    private final MapTile[][] kernels;  // [filter][input channel], or null
    private final int weightParam;      // index of the weights in the snapshot's params, −1 without
    private final ColumnLegend legend;
    private final ColumnLegend weightLegend;
    private Frame frame;
    private Object paintedWeights; // the parameters and normalisation the kernels show: weights rarely change

    MapColumn(Columns.Info info, ColorMap map, Layout layout, int weightParam, Selection selection) {
        super(info.name(), info.kind(), Notation.size(info.output()), info.parameters(), info.explanation());
        this.layer = info.layer();
        this.dims = info.output();
        this.map = map;
        this.weightParam = weightParam;
        int h = dims.height();
        int w = dims.width();
        tiles = new MapTile[dims.channels()];
        scales = new MapScale[dims.channels()];
        kernels = weightParam < 0 ? null : new MapTile[dims.channels()][info.input().channels()];
        VBox rows = new VBox();
        rows.getStyleClass().add("map-rows");
        for (int c = 0; c < tiles.length; c++) {
            int channel = c;
            MapTile.Pointer pointer = layer < 0 ? null : (tile, row, col, clicked) ->
                    selection.unit(row < 0 ? null : new UnitRef(layer, channel, row, col), clicked);
            tiles[c] = new MapTile(h, w, layout.tile(), layout.tile(), pointer, () -> describeMap(channel));
            tiles[c].setId(tileId(layer, c));
            scales[c] = new MapScale(layout.tile());
            scales[c].setVisible(false);
            scales[c].setManaged(false);
            HBox row = new HBox(tiles[c], scales[c]);
            row.getStyleClass().add("map-row");
            row.setAlignment(Pos.CENTER);
            if (kernels != null) row.getChildren().addFirst(filter(info, c, layout));
            rows.getChildren().add(row);
        }
        legend = new ColumnLegend(Math.min(layout.width(), 96));
        getChildren().add(rows);
        if (kernels != null) {
            weightLegend = new ColumnLegend(Math.min(layout.width(), 96));
            weightLegend.getStyleClass().add("weight-legend");
            getChildren().add(new LayoutBoundary(weightLegend));
        } else {
            weightLegend = null;
        }
        getChildren().add(new LayoutBoundary(legend));
        setColumnWidth(layout.width());
    }

    private GridPane filter(Columns.Info info, int filter, Layout layout) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("filter");
        int kh = info.kernelHeight();
        int kw = info.kernelWidth();
        for (int in = 0; in < kernels[filter].length; in++) {
            int inChannel = in;
            kernels[filter][in] = new MapTile(kh, kw, layout.kernel() * kw / Math.max(kh, kw),
                    layout.kernel() * kh / Math.max(kh, kw), null,
                    () -> "filter " + (filter + 1) + ", input channel " + (inChannel + 1) + ": " + kh + "×" + kw + " weights");
            grid.add(kernels[filter][in], in % layout.kernelColumns(), in / layout.kernelColumns());
        }
        return grid;
    }

    /** The id of the tile of a layer's channel (layer −1: the input), e.g. "tile-0-3". */
    static String tileId(int layer, int channel) {
        return "tile-" + layer + "-" + channel;
    }

    @Override
    boolean covers(int layer) {
        return layer == this.layer;
    }

    @Override
    void update(Frame frame, ValueRanges ranges, Normalisation mode) {
        this.frame = frame;
        float[] data = layer < 0 ? frame.snapshot().input() : frame.snapshot().output(layer);
        int plane = dims.height() * dims.width();
        boolean perMap = mode == Normalisation.PER_MAP && tiles.length > 1;
        for (int c = 0; c < tiles.length; c++) {
            float[] r = ranges.range(mode, layer, c);
            tiles[c].paint(data, c * plane, map, r[0], r[1]);
            if (scales[c].isVisible() != perMap) {
                scales[c].setVisible(perMap);
                scales[c].setManaged(perMap);
            }
            if (perMap) {
                float[] shown = map.displayRange(r[0], r[1]);
                scales[c].show(shown[0], shown[1]);
            }
        }
        float[] l = ranges.legend(mode, layer);
        legend.show(map, l[0], l[1], scope(mode, "output"));
        if (kernels != null) {
            float[] w = frame.snapshot().params()[weightParam];
            Object key = java.util.List.of(frame.snapshot().spec(), mode, java.util.Arrays.hashCode(w));
            if (!key.equals(paintedWeights)) paintKernels(w, mode);
            paintedWeights = key;
        }
    }

    private void paintKernels(float[] w, Normalisation mode) {
        int per = kernels[0][0].rows() * kernels[0][0].cols();
        int filterSize = per * kernels[0].length;
        float[] all = Heatmap.range(w, 0, w.length);
        for (int f = 0; f < kernels.length; f++) {
            float[] r = mode == Normalisation.PER_MAP ? Heatmap.range(w, f * filterSize, filterSize) : all;
            for (int in = 0; in < kernels[f].length; in++) {
                kernels[f][in].paint(w, f * filterSize + in * per, ColorMap.DIVERGING, r[0], r[1]);
            }
        }
        weightLegend.show(ColorMap.DIVERGING, all[0], all[1], mode == Normalisation.PER_MAP ? "weights, per filter" : "weights");
    }

    static String scope(Normalisation mode, String what) {
        return switch (mode) {
            case PER_MAP -> what + ", per map";
            case PER_LAYER -> what;
            case GLOBAL -> what + ", global";
        };
    }

    @Override
    void highlight(Highlight highlight) {
        boolean[] mask = highlight.mask(layer);
        int plane = dims.height() * dims.width();
        for (int c = 0; c < tiles.length; c++) tiles[c].mark(mask, c * plane, highlight.selectedIn(layer, c, dims.width()));
    }

    private String describeMap(int channel) {
        String name = (layer < 0 ? "input" : "map " + (channel + 1)) + " · " + dims.height() + "×" + dims.width();
        if (frame == null) return name;
        float[] data = layer < 0 ? frame.snapshot().input() : frame.snapshot().output(layer);
        int plane = dims.height() * dims.width();
        float[] r = Heatmap.range(data, channel * plane, plane);
        return String.format(Locale.ROOT, "%s%nvalues %s … %s", name, ColumnLegend.format(r[0]), ColumnLegend.format(r[1]));
    }
}
