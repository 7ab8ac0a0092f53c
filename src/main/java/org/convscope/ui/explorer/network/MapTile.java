package org.convscope.ui.explorer.network;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.convscope.ui.view.ColorMap;

/**
 * One map (or a grid of units) of rows×cols values, shown at a display size, with an overlay on top that outlines
 * values without hiding them: the selected unit, and the region of units that feed it (on the input, its receptive
 * field). The outline colours are the theme's ({@code -x-mark-selected}, {@code -x-mark-feeds}). Reports the value
 * under the pointer as (row, col) to its {@link Pointer}.
 */
final class MapTile extends PixelStack {
    /** What the tile does with the value under the pointer; row and col are −1 when the pointer leaves. */
    interface Pointer {
        void at(MapTile tile, int row, int col, boolean clicked);
    }

    private static final StyleablePropertyFactory<MapTile> CSS = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final int rows;
    private final int cols;
    private final PixelView heatmap;
    private final PixelView overlay;
    private final StyleableProperty<Color> selectedColour =
            CSS.createStyleableColorProperty(this, "markSelected", "-x-mark-selected", t -> t.selectedColour, Color.MAGENTA);
    private final StyleableProperty<Color> feedsColour =
            CSS.createStyleableColorProperty(this, "markFeeds", "-x-mark-feeds", t -> t.feedsColour, Color.ORANGE);
    private int[] markPixels = new int[0];
    private boolean marked;
    private boolean[] mask;  // the marks shown: their mask, its offset and the selected value, for a repaint
    private int maskOffset;
    private int selected = -1;

    MapTile(int rows, int cols, double width, double height, Pointer pointer, Supplier<String> describe) {
        this(rows, cols, width, height, new PixelView(width, height, true), new PixelView(width, height, true), pointer,
                describe);
    }

    private MapTile(int rows, int cols, double width, double height, PixelView heatmap, PixelView overlay,
                    Pointer pointer, Supplier<String> describe) {
        super(width, height, heatmap, overlay);
        this.rows = rows;
        this.cols = cols;
        this.heatmap = heatmap;
        this.overlay = overlay;
        getStyleClass().add("map-tile");
        overlay.setMouseTransparent(true);
        ((ObservableValue<?>) selectedColour).addListener((o, old, c) -> remark());
        ((ObservableValue<?>) feedsColour).addListener((o, old, c) -> remark());
        if (pointer != null) {
            addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointer.at(this, row(e), col(e), false));
            addEventHandler(MouseEvent.MOUSE_CLICKED, e -> pointer.at(this, row(e), col(e), true));
            addEventHandler(MouseEvent.MOUSE_EXITED, e -> pointer.at(this, -1, -1, false));
        }
        if (describe != null) {
            Tooltip tip = new Tooltip();
            tip.setShowDelay(Duration.millis(600));
            tip.setOnShowing(e -> tip.setText(describe.get()));
            Tooltip.install(this, tip);
        }
    }

    private void remark() {
        if (marked) mark(mask, maskOffset, selected);
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    void paint(float[] data, int off, ColorMap map, float min, float max) {
        heatmap.paint(data, off, cols, rows, map, min, max);
    }

    /**
     * Outlines the region of values where mask[off + i] is set (a line along its border, inside it) and the value at
     * selected (all round, −1 for none); null and −1 clear the marks.
     */
    void mark(boolean[] mask, int off, int selected) {
        this.mask = mask;
        this.maskOffset = off;
        this.selected = selected;
        if (mask == null && selected < 0) {
            clearMarks();
            return;
        }
        int fx = Math.max(1, (int) Math.floor(viewWidth() / cols + 1e-6));
        int fy = Math.max(1, (int) Math.floor(viewHeight() / rows + 1e-6));
        int w = cols * fx;
        int h = rows * fy;
        if (markPixels.length != w * h) markPixels = new int[w * h];
        Arrays.fill(markPixels, 0);
        int feeds = argb(feedsColour.getValue());
        int line = fx >= 4 && fy >= 4 ? 2 : 1;
        if (mask != null) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (!in(mask, off, r, c)) continue;
                    boolean top = !in(mask, off, r - 1, c), bottom = !in(mask, off, r + 1, c);
                    boolean left = !in(mask, off, r, c - 1), right = !in(mask, off, r, c + 1);
                    edges(r, c, fx, fy, w, line, top, bottom, left, right, feeds);
                }
            }
        }
        if (selected >= 0) {
            edges(selected / cols, selected % cols, fx, fy, w, Math.max(line, Math.min(fx, fy) >= 6 ? 2 : 1),
                    true, true, true, true, argb(selectedColour.getValue()));
        }
        overlay.show(markPixels, w, h);
        overlay.setVisible(true);
        marked = true;
    }

    private boolean in(boolean[] mask, int off, int r, int c) {
        return r >= 0 && r < rows && c >= 0 && c < cols && mask[off + r * cols + c];
    }

    /** Paints the chosen edges of cell (r, c), each {@code line} pixels wide, inside the cell. */
    private void edges(int r, int c, int fx, int fy, int w, int line, boolean top, boolean bottom, boolean left,
                       boolean right, int colour) {
        int x0 = c * fx;
        int y0 = r * fy;
        for (int y = 0; y < fy; y++) {
            for (int x = 0; x < fx; x++) {
                boolean edge = top && y < line || bottom && y >= fy - line || left && x < line || right && x >= fx - line;
                if (edge) markPixels[(y0 + y) * w + x0 + x] = colour;
            }
        }
    }

    void clearMarks() {
        mask = null;
        selected = -1;
        overlay.setVisible(false);
        marked = false;
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    private int row(MouseEvent e) {
        return Math.clamp((int) (e.getY() / getHeight() * rows), 0, rows - 1);
    }

    private int col(MouseEvent e) {
        return Math.clamp((int) (e.getX() / getWidth() * cols), 0, cols - 1);
    }
}
