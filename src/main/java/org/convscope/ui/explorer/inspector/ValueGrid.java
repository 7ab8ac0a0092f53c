package org.convscope.ui.explorer.inspector;

import java.util.List;
import java.util.function.IntFunction;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.convscope.ui.view.ColorMap;

/**
 * A small matrix of values as coloured cells with the value written in each, drawn on one canvas: a conv2 unit shows
 * 450 values, and one node per value made every {@code show} cost a full CSS pass over them. Made once and redrawn,
 * like the rest of the inspector: {@link Style#SMALL} cells hold {@link InspectorFormat#cell} text, {@link Style#LARGE}
 * cells {@link InspectorFormat#value} text. The cells' colours are the data's (the colour map); everything else comes
 * from the theme's CSS: {@code -x-grid-lines}, {@code -x-pad-fill}, {@code -x-pad-text}, {@code -x-text-on-light},
 * {@code -x-text-on-dark} and {@code -x-outline}. Marks: {@code PAD} (a padding position) and {@code WINNER}
 * (outlined, bold). A grid wider than the room it is given ({@link #fitWidth}) draws narrower cells, and below
 * {@value #MIN_TEXT_CELL} px leaves out their numbers (the colours stay, the tooltips say what they are).
 */
final class ValueGrid extends Canvas {
    enum Style {
        SMALL(23, 17, 9),
        LARGE(64, 30, 12);

        final double width;
        final double height;
        final double fontSize;

        Style(double width, double height, double fontSize) {
            this.width = width;
            this.height = height;
            this.fontSize = fontSize;
        }
    }

    enum Mark { PAD, WINNER }

    /** The narrowest cell that still holds its number (four characters such as "−.13" at 9 px). */
    static final double MIN_TEXT_CELL = 18;
    private static final double MIN_CELL = 4;
    private static final StyleablePropertyFactory<ValueGrid> CSS = new StyleablePropertyFactory<>(Canvas.getClassCssMetaData());

    // Until the theme's CSS is applied (it always is before the grid is shown): neutral greys.
    private final StyleableProperty<Color> lines = colour("gridLines", "-x-grid-lines", g -> g.lines, Color.LIGHTGRAY);
    private final StyleableProperty<Color> padFill = colour("padFill", "-x-pad-fill", g -> g.padFill, Color.GAINSBORO);
    private final StyleableProperty<Color> padText = colour("padText", "-x-pad-text", g -> g.padText, Color.GRAY);
    private final StyleableProperty<Color> textOnLight = colour("textOnLight", "-x-text-on-light", g -> g.textOnLight, Color.BLACK);
    private final StyleableProperty<Color> textOnDark = colour("textOnDark", "-x-text-on-dark", g -> g.textOnDark, Color.WHITE);
    private final StyleableProperty<Color> outline = colour("outline", "-x-outline", g -> g.outline, Color.BLACK);

    private final int rows;
    private final int cols;
    private final Style style;
    private double cellWidth;
    private double cellHeight;
    private Font regular;
    private Font bold;
    // What was drawn last, to draw again at another size or in other colours.
    private float[] values;
    private ColorMap map;
    private float extent;
    private IntFunction<Mark> marks;

    /** An empty rows×cols grid; {@link #draw} fills it. */
    ValueGrid(int rows, int cols, Style style) {
        this.rows = rows;
        this.cols = cols;
        this.style = style;
        getStyleClass().add("value-grid");
        resizeCells(style.width);
        for (StyleableProperty<Color> p : List.of(lines, padFill, padText, textOnLight, textOnDark, outline)) {
            ((ObservableValue<?>) p).addListener((o, old, c) -> redraw());
        }
    }

    private StyleableProperty<Color> colour(String name, String css, java.util.function.Function<ValueGrid,
            StyleableProperty<Color>> property, Color initial) {
        return CSS.createStyleableColorProperty(this, name, css, property, initial);
    }

    /** The width of the grid with its cells at full size. */
    double fullWidth() {
        return cols * (style.width + 1) + 1;
    }

    /** Narrows the cells so that the grid is at most {@code width} wide (never wider than full size); redraws. */
    void fitWidth(double width) {
        setCellWidth(cellFor(width, cols, style));
    }

    /** The widest cell (up to full size, at least a few pixels) with which {@code cols} cells fit {@code width}. */
    static double cellFor(double width, int cols, Style style) {
        return Math.clamp(Math.floor((width - 1) / cols) - 1, MIN_CELL, style.width);
    }

    /** Draws the cells this wide (their height and font follow); redraws. */
    void setCellWidth(double cell) {
        if (cell != cellWidth) {
            resizeCells(cell);
            redraw();
        }
    }

    private void resizeCells(double cell) {
        cellWidth = cell;
        // The numbers keep their size; below MIN_TEXT_CELL they are left out and the cells are only colours.
        cellHeight = cell >= MIN_TEXT_CELL ? style.height : Math.max(MIN_CELL, Math.round(style.height * cell / style.width));
        double font = style.fontSize;
        regular = Font.font(font);
        bold = Font.font(null, FontWeight.BOLD, font);
        setWidth(cols * (cellWidth + 1) + 1);
        setHeight(rows * (cellHeight + 1) + 1);
    }

    /**
     * Draws values[row·cols + col] coloured by the map over ±extent (symmetric maps) or [0, extent]; {@code marks}
     * gives a cell's mark or null. Replaces what was drawn before (the canvas drops its old commands).
     */
    void draw(float[] values, ColorMap map, float extent, IntFunction<Mark> marks) {
        if (values.length < rows * cols) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " grid needs " + rows * cols + " values, got "
                    + values.length);
        }
        this.values = values;
        this.map = map;
        this.extent = extent;
        this.marks = marks;
        redraw();
    }

    private void redraw() {
        if (values == null) return;
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(lines.getValue());
        g.fillRect(0, 0, getWidth(), getHeight());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        boolean numbers = cellWidth >= MIN_TEXT_CELL;
        float low = map.symmetric() ? -extent : 0f;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int k = r * cols + c;
                Mark mark = marks == null ? null : marks.apply(k);
                double x = 1 + c * (cellWidth + 1);
                double y = 1 + r * (cellHeight + 1);
                Color fill = mark == Mark.PAD ? padFill.getValue() : argb(map.argb(values[k], low, extent));
                g.setFill(fill);
                g.fillRect(x, y, cellWidth, cellHeight);
                if (mark == Mark.WINNER) {
                    g.setStroke(outline.getValue());
                    g.setLineWidth(2);
                    g.strokeRect(x + 1, y + 1, cellWidth - 2, cellHeight - 2);
                }
                if (!numbers) continue;
                g.setFont(mark == Mark.WINNER ? bold : regular);
                g.setFill(mark == Mark.PAD ? padText.getValue()
                        : luminance(fill) < 0.45 ? textOnDark.getValue() : textOnLight.getValue());
                String text = style == Style.SMALL ? InspectorFormat.cell(values[k]) : InspectorFormat.value(values[k]);
                g.fillText(text, x + cellWidth / 2, y + cellHeight / 2, cellWidth - 2); // squeezed when wider
            }
        }
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

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
