package org.convscope.ui.lecture.diagram;

import java.util.ArrayList;
import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Draws a frame's diagram on a canvas that fills the space it is given, in both directions: the diagram is scaled up or
 * down to fit, evenly, and centred. Of several arrangements of the same frame (channels stacked or side by side) it
 * draws the one that comes out largest. Zoom enlarges the diagram beyond the fit around its focus (the current window
 * and cell). Clicks jump or open a field to type a number, hovering shows exact values; every text drawn is
 * recorded with the font size actually used, for tests.
 */
public final class DiagramView extends Region {
    /** A text as drawn: its font size in pixels, its role and the pixel position of its centre. */
    public record Drawn(String text, double fontPx, String role, double x, double y) {}

    private final Canvas canvas = new Canvas();
    private final Pane overlay = new Pane();
    private final Palette palette = new Palette(this, this::requestLayout);
    private final Tooltip tip = new Tooltip();
    private final List<Drawn> drawn = new ArrayList<>();
    private List<Diagram> choices = List.of();
    private Diagram shown;
    private double zoom = 1;
    private double scale = 1;
    private double originX;
    private double originY;
    private TextField editor;
    private Label editorProblem;

    public DiagramView() {
        getStyleClass().add("diagram");
        overlay.setPickOnBounds(false);
        getChildren().addAll(canvas, overlay);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tip.hide());
    }

    Palette palette() {
        return palette;
    }

    /** Shows one of these arrangements of a frame (the one that fits largest); closes an open field. */
    public void show(List<Diagram> arrangements) {
        if (arrangements.isEmpty()) throw new IllegalArgumentException("a frame needs at least one arrangement to draw");
        choices = List.copyOf(arrangements);
        closeEditor();
        requestLayout();
    }

    /** 1 fits the diagram to the space; more enlarges it around its focus, cut at the edges. */
    public void setZoom(double zoom) {
        this.zoom = Math.max(1, zoom);
        closeEditor();
        requestLayout();
    }

    /** The arrangement drawn last. */
    public Diagram shown() {
        return shown;
    }

    /** Pixels per diagram unit (the height of one grid cell) in the last drawing. */
    public double scale() {
        return scale;
    }

    /** Every text of the last drawing, in drawing order. */
    public List<Drawn> drawn() {
        return List.copyOf(drawn);
    }

    /** The open field for a typed number, or null. */
    public TextField editor() {
        return editor;
    }

    /** The pixel point of diagram point (ux, uy) in this view. */
    public javafx.geometry.Point2D toView(double ux, double uy) {
        return new javafx.geometry.Point2D(originX + ux * scale, originY + uy * scale);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        overlay.resize(w, h);
        paint();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 0;
    }

    /** The scale at which an arrangement fills a w × h space. */
    private static double fit(Diagram d, double w, double h) {
        return Math.min(w / d.width(), h / d.height());
    }

    private void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        drawn.clear();
        if (choices.isEmpty() || w <= 0 || h <= 0) return;
        shown = choices.getFirst();
        for (Diagram d : choices) if (fit(d, w, h) > fit(shown, w, h) + 1e-9) shown = d;
        scale = fit(shown, w, h) * zoom;
        // Zoomed in, the whole focus (the window and the cell it writes) stays in view when it fits, else the window
        Rect focus = shown.focus();
        Rect window = shown.window();
        originX = place(w, shown.width() * scale, (focus.width() * scale <= w ? focus : window).centerX() * scale);
        originY = place(h, shown.height() * scale, (focus.height() * scale <= h ? focus : window).centerY() * scale);
        for (Item item : shown.items()) draw(g, item);
    }

    /** Where the diagram starts along one axis: centred when it fits, else with the focus as central as it can be. */
    private static double place(double space, double size, double focus) {
        if (size <= space + 1e-6) return (space - size) / 2;
        return Math.max(space - size, Math.min(0, space / 2 - focus));
    }

    private double px(double u) {
        return originX + u * scale;
    }

    private double py(double u) {
        return originY + u * scale;
    }

    private double line(double width) {
        return Math.max(1, width * scale);
    }

    private void draw(GraphicsContext g, Item item) {
        switch (item) {
            case Item.Fill f -> {
                g.setFill(palette.color(f.ink(), f.alpha()));
                g.fillRect(px(f.rect().x()), py(f.rect().y()), f.rect().width() * scale, f.rect().height() * scale);
            }
            case Item.Outline o -> {
                double lw = line(o.width());
                stroke(g, o.ink(), lw, o.dashed());
                g.strokeRect(px(o.rect().x()) + lw / 2, py(o.rect().y()) + lw / 2, o.rect().width() * scale - lw,
                        o.rect().height() * scale - lw);
            }
            case Item.Line l -> {
                stroke(g, l.ink(), line(l.width()), l.dashed());
                g.strokeLine(px(l.x1()), py(l.y1()), px(l.x2()), py(l.y2()));
            }
            case Item.Disc d -> {
                double r = d.radius() * scale;
                g.setFill(palette.color(d.fill(), d.alpha()));
                g.fillOval(px(d.cx()) - r, py(d.cy()) - r, 2 * r, 2 * r);
                stroke(g, d.outline(), line(0.08), false);
                g.strokeOval(px(d.cx()) - r, py(d.cy()) - r, 2 * r, 2 * r);
            }
            case Item.Text t -> text(g, t);
            case Item.Heat h -> heat(g, h);
        }
    }

    private void stroke(GraphicsContext g, Ink ink, double width, boolean dashed) {
        g.setStroke(palette.color(ink));
        g.setLineWidth(width);
        if (dashed) g.setLineDashes(3 * width, 2 * width);
        else g.setLineDashes((double[]) null);
    }

    private void text(GraphicsContext g, Item.Text t) {
        double size = t.size() * scale;
        g.setFont(Measure.font(t.face(), size));
        g.setFill(palette.color(t.ink()));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(switch (t.align()) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
        g.fillText(t.text(), px(t.x()), py(t.y()));
        drawn.add(new Drawn(t.text(), size, t.role(), px(t.x()), py(t.y())));
    }

    /** One pixel per value, the tint's ink at the value's strength; NaN cells stay empty. */
    private void heat(GraphicsContext g, Item.Heat h) {
        int below = rgb(palette.color(h.tint().ink(-1)));
        int above = rgb(palette.color(h.tint().ink(1)));
        int[] argb = new int[h.rows() * h.cols()];
        for (int i = 0; i < argb.length; i++) {
            float v = h.values()[h.offset() + i];
            if (Float.isNaN(v)) continue;
            int a = (int) Math.round(255 * Item.Tint.alpha(v, h.range()));
            argb[i] = a << 24 | (v < 0 ? below : above);
        }
        WritableImage image = new WritableImage(h.cols(), h.rows());
        image.getPixelWriter().setPixels(0, 0, h.cols(), h.rows(), PixelFormat.getIntArgbInstance(), argb, 0, h.cols());
        g.setImageSmoothing(false);
        g.drawImage(image, px(h.rect().x()), py(h.rect().y()), h.rect().width() * scale, h.rect().height() * scale);
    }

    /** A colour as 0xRRGGBB. */
    private static int rgb(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** The last hit of a kind under the pixel point (hits drawn later lie on top). */
    private <T extends Diagram.Hit> T hitAt(Class<T> kind, double x, double y) {
        if (shown == null) return null;
        double ux = (x - originX) / scale;
        double uy = (y - originY) / scale;
        T found = null;
        for (Diagram.Hit hit : shown.hits()) if (kind.isInstance(hit) && hit.rect().contains(ux, uy)) found = kind.cast(hit);
        return found;
    }

    private void clicked(MouseEvent e) {
        Diagram.Edit edit = hitAt(Diagram.Edit.class, e.getX(), e.getY());
        if (edit != null) {
            openEditor(edit);
            e.consume(); // the lecture takes the focus on clicks, which would close the field at once
            return;
        }
        Diagram.Click click = hitAt(Diagram.Click.class, e.getX(), e.getY());
        if (click != null) click.action().run();
    }

    private void moved(MouseEvent e) {
        Diagram.Hover hover = hitAt(Diagram.Hover.class, e.getX(), e.getY());
        if (hover == null) {
            tip.hide();
        } else if (!hover.text().equals(tip.getText()) || !tip.isShowing()) {
            tip.setText(hover.text());
            if (getScene() != null && getScene().getWindow() != null) tip.show(canvas, e.getScreenX() + 12, e.getScreenY() + 12);
        }
    }

    /** Opens the field for a typed number over the cell (what a click on an editable cell does). */
    public void openEditor(Diagram.Edit edit) {
        closeEditor();
        TextField field = new TextField(edit.text());
        field.getStyleClass().add("cell-editor");
        Label problem = new Label();
        problem.getStyleClass().add("cell-editor-problem");
        problem.setVisible(false);
        double x = px(edit.rect().x());
        double y = py(edit.rect().y());
        double w = Math.max(edit.rect().width() * scale, 5 * GridBlock.NUMBER * scale);
        double h = edit.rect().height() * scale;
        field.setStyle("-fx-font-size: " + Math.max(12, GridBlock.NUMBER * scale * 0.8) + "px;");
        field.resizeRelocate(x, y, w, h);
        problem.relocate(x, y + h + 2);
        field.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ESCAPE) {
                closeEditor();
                k.consume();
            } else if (k.getCode() == KeyCode.ENTER) {
                String why = edit.commit().commit(field.getText());
                if (why == null) {
                    closeEditor();
                } else if (editor == field) {
                    if (!field.getStyleClass().contains("invalid")) field.getStyleClass().add("invalid");
                    problem.setText(why);
                    problem.setVisible(true);
                    problem.autosize();
                    field.selectAll();
                }
                k.consume();
            }
        });
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && editor == field) closeEditor();
        });
        editor = field;
        editorProblem = problem;
        overlay.getChildren().addAll(field, problem);
        field.requestFocus();
        field.selectAll();
    }

    /** The problem shown under the open field, or null. */
    public Label editorProblem() {
        return editor == null ? null : editorProblem;
    }

    private void closeEditor() {
        if (editor == null) return;
        editor = null;
        overlay.getChildren().clear();
        if (getParent() != null) getParent().requestFocus();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return Palette.cssMetaData();
    }
}
