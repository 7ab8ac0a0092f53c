package org.convscope.ui.explorer.network;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.convscope.engine.explain.UnitRef;
import org.convscope.ui.view.ColorMap;

/**
 * One map full size: every value a square cell, fitted to the view at first; the wheel (or a pinch) zooms around the
 * pointer, dragging pans, and once cells are {@value #NUMBERS_FROM} px or more each shows its value. Only the cells in
 * view are drawn, on one canvas. The selected unit and the units that feed it are outlined in the theme's colours
 * ({@code -x-mark-selected}, {@code -x-mark-feeds}); the pointer selects the unit under it, a click pins it.
 */
final class MapDetail extends Region {
    /** Cell size from which values are written in the cells. */
    static final double NUMBERS_FROM = 30;
    private static final double MAX_CELL = 160;
    private static final StyleablePropertyFactory<MapDetail> CSS = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final Canvas canvas = new Canvas();
    private final StyleableProperty<Color> selectedColour =
            CSS.createStyleableColorProperty(this, "markSelected", "-x-mark-selected", d -> d.selectedColour, Color.MAGENTA);
    private final StyleableProperty<Color> feedsColour =
            CSS.createStyleableColorProperty(this, "markFeeds", "-x-mark-feeds", d -> d.feedsColour, Color.ORANGE);
    private final NodeCard.Actions actions;
    private float[] data;
    private int off;
    private int layer;
    private int channel;
    private int rows;
    private int cols;
    private ColorMap map = ColorMap.VIRIDIS;
    private float min;
    private float max;
    private boolean[] mask;  // the units that feed the selected one, over the whole layer, or null
    private int selected = -1;
    private double zoom = 1; // 1: the map fits the view
    private double panX;
    private double panY;
    private double dragX = Double.NaN;
    private double dragY;
    private boolean dragged;

    MapDetail(NodeCard.Actions actions) {
        this.actions = actions;
        getStyleClass().add("map-detail");
        getChildren().add(canvas);
        ((ObservableValue<?>) selectedColour).addListener((o, old, c) -> draw());
        ((ObservableValue<?>) feedsColour).addListener((o, old, c) -> draw());
        wire();
    }

    private void wire() {
        addEventHandler(ScrollEvent.SCROLL, e -> {
            zoomAt(e.getX(), e.getY(), e.getDeltaY() > 0 ? 1.25 : 1 / 1.25);
            e.consume();
        });
        addEventHandler(ZoomEvent.ZOOM, e -> {
            zoomAt(e.getX(), e.getY(), e.getZoomFactor());
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragY = e.getY();
            dragged = false;
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (Double.isNaN(dragX)) return;
            panX += e.getX() - dragX;
            panY += e.getY() - dragY;
            dragged |= Math.abs(e.getX() - dragX) + Math.abs(e.getY() - dragY) > 0;
            dragX = e.getX();
            dragY = e.getY();
            keepInView();
            draw();
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragX = Double.NaN);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> actions.unit(unitAt(e.getX(), e.getY()), false));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> actions.unit(null, false));
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (!dragged) actions.unit(unitAt(e.getX(), e.getY()), true);
        });
    }

    /** Shows map {@code channel} of a layer: rows×cols values at data[off…], coloured over [min, max]. */
    void show(int layer, int channel, float[] data, int off, int rows, int cols, ColorMap map, float min, float max) {
        boolean other = layer != this.layer || channel != this.channel || rows != this.rows || cols != this.cols;
        this.layer = layer;
        this.channel = channel;
        this.data = data;
        this.off = off;
        this.rows = rows;
        this.cols = cols;
        this.map = map;
        this.min = min;
        this.max = max;
        if (other) fit();
        draw();
    }

    /** Outlines the units where mask[channel's offset + i] is set and the selected unit (−1: none). */
    void mark(boolean[] mask, int selected) {
        this.mask = mask;
        this.selected = selected;
        draw();
    }

    /** Back to the whole map in view. */
    void fit() {
        zoom = 1;
        panX = 0;
        panY = 0;
        draw();
    }

    /** Multiplies the zoom by factor around (x, y), the point under the pointer staying put. */
    void zoomAt(double x, double y, double factor) {
        double before = cell();
        if (before <= 0) return;
        double ox = originX();
        double oy = originY();
        zoom = Math.clamp(zoom * factor, 1, Math.max(1, MAX_CELL / fitCell()));
        double after = cell();
        // Keep (x, y) over the same value: the map's corner moves away from it by the change of scale.
        panX = x - (x - ox) * after / before - (getWidth() - cols * after) / 2;
        panY = y - (y - oy) * after / before - (getHeight() - rows * after) / 2;
        keepInView();
        draw();
    }

    /** Pans back so that the map covers the middle of the view: it can never be pushed out of sight. */
    private void keepInView() {
        double size = cell();
        double ox = Math.clamp(originX(), Math.min(getWidth() / 2 - cols * size, 0), Math.max(getWidth() / 2, 0));
        double oy = Math.clamp(originY(), Math.min(getHeight() / 2 - rows * size, 0), Math.max(getHeight() / 2, 0));
        panX = ox - (getWidth() - cols * size) / 2;
        panY = oy - (getHeight() - rows * size) / 2;
    }

    /** The side of one value's cell on screen. */
    double cell() {
        return fitCell() * zoom;
    }

    private double fitCell() {
        if (rows == 0) return 0;
        return Math.max(1, Math.min(getWidth() / cols, getHeight() / rows));
    }

    private double originX() {
        return (getWidth() - cols * cell()) / 2 + panX;
    }

    private double originY() {
        return (getHeight() - rows * cell()) / 2 + panY;
    }

    /** The unit under a point, or null outside the map. */
    UnitRef unitAt(double x, double y) {
        if (data == null) return null;
        int c = (int) Math.floor((x - originX()) / cell());
        int r = (int) Math.floor((y - originY()) / cell());
        if (r < 0 || c < 0 || r >= rows || c >= cols || layer < -1) return null;
        return new UnitRef(layer, channel, r, c);
    }

    /** The value written in the cell of (row, col) when cells are large enough, else null; for tests. */
    String textAt(int row, int col) {
        return cell() >= NUMBERS_FROM ? ColumnLegend.format(data[off + row * cols + col]) : null;
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (data == null || getWidth() <= 0) return;
        double size = cell();
        double ox = originX();
        double oy = originY();
        int c0 = Math.max(0, (int) Math.floor(-ox / size));
        int c1 = Math.min(cols, (int) Math.ceil((getWidth() - ox) / size));
        int r0 = Math.max(0, (int) Math.floor(-oy / size));
        int r1 = Math.min(rows, (int) Math.ceil((getHeight() - oy) / size));
        boolean numbers = size >= NUMBERS_FROM;
        g.setFont(Font.font(Math.min(13, size / 3.4)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
                float v = data[off + r * cols + c];
                int argb = map.argb(v, min, max);
                g.setFill(Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF));
                double x = ox + c * size;
                double y = oy + r * size;
                g.fillRect(x, y, Math.ceil(size), Math.ceil(size));
                if (numbers) {
                    // Ink that contrasts with the cell's own colour, whatever the theme: the cell is data, not chrome.
                    double luma = 0.299 * (argb >> 16 & 0xFF) + 0.587 * (argb >> 8 & 0xFF) + 0.114 * (argb & 0xFF);
                    g.setFill(luma > 140 ? Color.BLACK : Color.WHITE);
                    g.fillText(ColumnLegend.format(v), x + size / 2, y + size / 2);
                }
            }
        }
        int plane = rows * cols;
        if (mask != null) {
            g.setStroke(feedsColour.getValue());
            g.setLineWidth(Math.clamp(size / 8, 1, 3));
            for (int r = r0; r < r1; r++) {
                for (int c = c0; c < c1; c++) {
                    if (!in(r, c, plane)) continue;
                    double x = ox + c * size;
                    double y = oy + r * size;
                    if (!in(r - 1, c, plane)) g.strokeLine(x, y, x + size, y);
                    if (!in(r + 1, c, plane)) g.strokeLine(x, y + size, x + size, y + size);
                    if (!in(r, c - 1, plane)) g.strokeLine(x, y, x, y + size);
                    if (!in(r, c + 1, plane)) g.strokeLine(x + size, y, x + size, y + size);
                }
            }
        }
        if (selected >= 0) {
            g.setStroke(selectedColour.getValue());
            g.setLineWidth(Math.clamp(size / 6, 1.5, 4));
            g.strokeRect(ox + (selected % cols) * size, oy + (selected / cols) * size, size, size);
        }
    }

    private boolean in(int r, int c, int plane) {
        return r >= 0 && c >= 0 && r < rows && c < cols && mask[channel * plane + r * cols + c];
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
