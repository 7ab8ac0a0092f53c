package org.convscope.ui.training;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.convscope.engine.train.Evaluation;

/**
 * The test set's confusion matrix, as large as its panel allows: a row per true class (labelled "true" down the
 * left), a column per predicted class ("predicted" along the top), each cell shaded by its share of the row — the
 * diagonal in the theme's green, mistakes in its red — and labelled with its count in black or white, whichever
 * reads on it. Clicking a cell reports it and outlines it; hovering one says what it holds.
 */
final class ConfusionMatrixView extends Region implements StudioPalette.Host {
    private static final double LEFT = 44;
    private static final double TOP = 36;

    private final Canvas canvas = new Canvas();
    private final StudioPalette palette = new StudioPalette(this, this::draw);
    private final Tooltip tip = new Tooltip();
    private Evaluation evaluation;
    private int[] selected;
    private int[] hovered;
    private BiConsumer<Integer, Integer> onCell = (t, p) -> {};

    ConfusionMatrixView() {
        getStyleClass().addAll("confusion-matrix", StudioPalette.STYLE_CLASS);
        getChildren().add(canvas);
        setMinSize(160, 160);
        setPrefSize(360, 360);
        tip.setShowDelay(Duration.millis(200));
        Tooltip.install(canvas, tip);
        canvas.setOnMouseClicked(e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            if (cell == null) return;
            selected = cell;
            draw();
            onCell.accept(cell[0], cell[1]);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            canvas.setCursor(cell == null ? Cursor.DEFAULT : Cursor.HAND);
            tip.setText(cell == null ? "" : describe(cell[0], cell[1]));
            if (!java.util.Arrays.equals(cell, hovered)) {
                hovered = cell;
                draw();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hovered = null;
            draw();
        });
    }

    @Override
    public StudioPalette palette() {
        return palette;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return StudioPalette.cssMetaData(Region.getClassCssMetaData());
    }

    void setOnCell(BiConsumer<Integer, Integer> handler) {
        onCell = handler;
    }

    void show(Evaluation eval) {
        if (eval == evaluation) return; // the same evaluation arrives with every training frame until the next one
        evaluation = eval;
        if (eval == null || selected != null && selected[0] >= eval.confusion().length) selected = null;
        draw();
    }

    /** The cell outlined as chosen, {true, predicted}, or null. */
    int[] selected() {
        return selected == null ? null : selected.clone();
    }

    /** "true 4, predicted 9: 12 test images (1.2% of class 4)". */
    String describe(int trueClass, int predicted) {
        int[] row = evaluation.confusion()[trueClass];
        int total = 0;
        for (int c : row) total += c;
        int n = row[predicted];
        return String.format(Locale.ROOT, "true %d, predicted %d: %s (%.1f%% of class %d)%s", trueClass, predicted,
                images(n), total == 0 ? 0.0 : 100.0 * n / total, trueClass, n == 0 ? "" : " · click to see them");
    }

    /** "1 test image", "12 test images". */
    static String images(int n) {
        return String.format(Locale.ROOT, "%,d test image%s", n, n == 1 ? "" : "s");
    }

    /** {true class, predicted class} under the point, or null. */
    int[] cellAt(double x, double y) {
        if (evaluation == null) return null;
        int n = evaluation.confusion().length;
        double size = cellSize(n);
        int col = (int) Math.floor((x - LEFT) / size);
        int row = (int) Math.floor((y - TOP) / size);
        return x >= LEFT && y >= TOP && row < n && col < n ? new int[] {row, col} : null;
    }

    private double cellSize(int n) {
        return Math.max(3, Math.min(canvas.getWidth() - LEFT - 2, canvas.getHeight() - TOP - 2) / n);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(palette.color(StudioPalette.Ink.PANEL));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (evaluation == null) {
            g.setFill(palette.color(StudioPalette.Ink.MUTED));
            g.setFont(Font.font(12));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("measured on the test set after every epoch and whenever training pauses", 8, 8);
            return;
        }
        int[][] m = evaluation.confusion();
        int n = m.length;
        double size = cellSize(n);
        int every = Math.max(1, (int) Math.ceil(14 / size)); // label every class while they have room
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(palette.color(StudioPalette.Ink.MUTED));
        g.setFont(Font.font(null, FontWeight.BOLD, 11));
        g.fillText("predicted →", LEFT + size * n / 2, 9);
        g.save();
        g.translate(9, TOP + size * n / 2);
        g.rotate(-90);
        g.fillText("true →", 0, 0);
        g.restore();
        g.setFont(Font.font(Math.clamp(size * 0.4, 9, 12)));
        for (int i = 0; i < n; i += every) {
            g.fillText(Integer.toString(i), LEFT + size * (i + 0.5), TOP - 9);
            g.fillText(Integer.toString(i), LEFT - 12, TOP + size * (i + 0.5));
        }
        Color panel = palette.color(StudioPalette.Ink.PANEL);
        Color empty = panel.interpolate(palette.color(StudioPalette.Ink.BORDER), 0.45);
        Color good = palette.color(StudioPalette.Ink.GOOD);
        Color bad = palette.color(StudioPalette.Ink.BAD);
        // Counts in a font whose widest number fits its cell (about 0.6 em a character).
        int most = 0;
        for (int[] r : m) for (int c : r) most = Math.max(most, c);
        int chars = String.format(Locale.ROOT, "%,d", most).length();
        double fontSize = Math.min(14, Math.min(size * 0.4, 0.85 * size / (0.62 * chars)));
        boolean counts = fontSize >= 7.5;
        g.setFont(Font.font(null, FontWeight.BOLD, Math.max(7.5, fontSize)));
        for (int t = 0; t < n; t++) {
            int row = 0;
            for (int c : m[t]) row += c;
            for (int p = 0; p < n; p++) {
                double share = row == 0 ? 0 : (double) m[t][p] / row;
                double strength = t == p ? 0.15 + 0.85 * share : Math.min(1, share * 8);
                Color fill = m[t][p] == 0 ? empty : panel.interpolate(t == p ? good : bad, strength);
                double x = LEFT + p * size;
                double y = TOP + t * size;
                g.setFill(fill);
                g.fillRect(x, y, size - 1, size - 1);
                if (m[t][p] > 0 && t != p && !counts) {
                    // Too small for a number: a mistake still shows as at least a faint red.
                    g.setFill(panel.interpolate(bad, Math.max(0.35, strength)));
                    g.fillRect(x, y, size - 1, size - 1);
                }
                if (counts && m[t][p] > 0) {
                    g.setFill(fill.getBrightness() * (1 - fill.getSaturation() / 2) > 0.55 ? Color.BLACK : Color.WHITE);
                    g.fillText(String.format(Locale.ROOT, "%,d", m[t][p]), x + size / 2, y + size / 2);
                }
            }
        }
        outline(g, hovered, size, StudioPalette.Ink.MUTED, 1);
        outline(g, selected, size, StudioPalette.Ink.ACCENT, 2.5);
    }

    private void outline(GraphicsContext g, int[] cell, double size, StudioPalette.Ink ink, double width) {
        if (cell == null) return;
        g.setStroke(palette.color(ink));
        g.setLineWidth(width);
        g.strokeRect(LEFT + cell[1] * size + width / 2 - 0.5, TOP + cell[0] * size + width / 2 - 0.5, size - width,
                size - width);
    }
}
