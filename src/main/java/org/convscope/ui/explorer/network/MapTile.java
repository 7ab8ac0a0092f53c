package org.convscope.ui.explorer.network;

import java.util.Arrays;
import java.util.function.Supplier;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;
import org.convscope.ui.view.ColorMap;

/**
 * One map (or a grid of units) of rows×cols values, shown at a display size, with a highlight overlay on top that
 * marks single values (the selected unit, the units that feed it, a receptive field). Reports the value under the
 * pointer as (row, col) to its {@link Pointer}.
 */
final class MapTile extends PixelStack {
    /** What the tile does with the value under the pointer; row and col are −1 when the pointer leaves. */
    interface Pointer {
        void at(MapTile tile, int row, int col, boolean clicked);
    }

    static final int SELECTED = 0xF0FF4081;
    static final int FEEDS = 0x80FFA000;

    private final int rows;
    private final int cols;
    private final PixelView heatmap;
    private final PixelView overlay;
    private final int[] markPixels;
    private boolean marked;

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
        markPixels = new int[rows * cols];
        overlay.setMouseTransparent(true);
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

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    void paint(float[] data, int off, ColorMap map, float min, float max) {
        heatmap.paint(data, off, cols, rows, map, min, max);
    }

    /** Marks the values where mask[off + i] is set (FEEDS) and the value at selected (SELECTED, −1 for none). */
    void mark(boolean[] mask, int off, int selected) {
        if (mask == null && selected < 0) {
            clearMarks();
            return;
        }
        for (int i = 0; i < markPixels.length; i++) markPixels[i] = mask != null && mask[off + i] ? FEEDS : 0;
        if (selected >= 0) markPixels[selected] = SELECTED;
        overlay.show(markPixels, cols, rows);
        marked = true;
    }

    void clearMarks() {
        if (!marked) return;
        Arrays.fill(markPixels, 0);
        overlay.show(markPixels, cols, rows);
        marked = false;
    }

    private int row(MouseEvent e) {
        return Math.clamp((int) (e.getY() / getHeight() * rows), 0, rows - 1);
    }

    private int col(MouseEvent e) {
        return Math.clamp((int) (e.getX() / getWidth() * cols), 0, cols - 1);
    }
}
