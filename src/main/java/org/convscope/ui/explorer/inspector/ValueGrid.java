package org.convscope.ui.explorer.inspector;

import java.util.function.IntFunction;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.convscope.ui.view.ColorMap;

/**
 * A small matrix of values as coloured cells with the value written in each. The colour is data, so it is set
 * here; the sizes, fonts and borders come from the CSS classes {@code value-grid}, {@code cell} and the markers
 * {@code on-dark} (white text on a dark colour), plus whatever class {@code marker} gives a cell.
 */
final class ValueGrid {
    private ValueGrid() {}

    /**
     * A rows×cols grid of values[row·cols + col] coloured by the map over ±extent (symmetric maps) or [0, extent].
     * {@code marker} names an extra style class for a cell index, or null.
     */
    static GridPane of(float[] values, int rows, int cols, ColorMap map, float extent, String cellClass,
                       IntFunction<String> marker) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("value-grid");
        grid.setMaxWidth(Region.USE_PREF_SIZE);
        float low = map.symmetric() ? -extent : 0f;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int k = r * cols + c;
                float v = values[k];
                Label cell = new Label(cellClass.equals("cell") ? InspectorFormat.cell(v) : InspectorFormat.value(v));
                cell.getStyleClass().add(cellClass);
                Color color = argb(map.argb(v, low, extent));
                cell.setBackground(new Background(new BackgroundFill(color, CornerRadii.EMPTY, Insets.EMPTY)));
                if (luminance(color) < 0.45) cell.getStyleClass().add("on-dark");
                String extra = marker == null ? null : marker.apply(k);
                if (extra != null) cell.getStyleClass().add(extra);
                grid.add(cell, c, r);
            }
        }
        return grid;
    }

    /** The largest |value| of the arrays, at least a tiny positive number so that a range is never empty. */
    static float extent(float[]... arrays) {
        float max = 1e-12f;
        for (float[] a : arrays) for (float v : a) max = Math.max(max, Math.abs(v));
        return max;
    }

    private static Color argb(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
