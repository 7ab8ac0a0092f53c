package org.convscope.ui.explorer.inspector;

import java.util.function.IntFunction;
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
 * 450 values, and one node per value made every {@code show} cost a full CSS pass over them. Being a drawing, its
 * sizes and marks are set here rather than in the CSS; made once and redrawn, like the rest of the inspector: {@link Style#SMALL} cells hold {@link InspectorFormat#cell}
 * text, {@link Style#LARGE} cells {@link InspectorFormat#value} text. Marks: {@code PAD} (a padding position, grey)
 * and {@code WINNER} (outlined, bold).
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

    private static final Color LINES = Color.web("#d8d8d8");
    private static final Color PAD_FILL = Color.web("#eeeeee");
    private static final Color PAD_TEXT = Color.web("#aaaaaa");
    private static final Color TEXT = Color.web("#1a1a1a");
    private static final Color OUTLINE = Color.web("#111111");

    private final int rows;
    private final int cols;
    private final Style style;
    private final Font regular;
    private final Font bold;

    /** An empty rows×cols grid; {@link #draw} fills it. */
    ValueGrid(int rows, int cols, Style style) {
        super(cols * (style.width + 1) + 1, rows * (style.height + 1) + 1);
        this.rows = rows;
        this.cols = cols;
        this.style = style;
        regular = Font.font(style.fontSize);
        bold = Font.font(null, FontWeight.BOLD, style.fontSize);
        getStyleClass().add("value-grid");
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
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(LINES);
        g.fillRect(0, 0, getWidth(), getHeight());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        float low = map.symmetric() ? -extent : 0f;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int k = r * cols + c;
                Mark mark = marks == null ? null : marks.apply(k);
                double x = 1 + c * (style.width + 1);
                double y = 1 + r * (style.height + 1);
                Color fill = mark == Mark.PAD ? PAD_FILL : argb(map.argb(values[k], low, extent));
                g.setFill(fill);
                g.fillRect(x, y, style.width, style.height);
                if (mark == Mark.WINNER) {
                    g.setStroke(OUTLINE);
                    g.setLineWidth(2);
                    g.strokeRect(x + 1, y + 1, style.width - 2, style.height - 2);
                }
                g.setFont(mark == Mark.WINNER ? bold : regular);
                g.setFill(mark == Mark.PAD ? PAD_TEXT : luminance(fill) < 0.45 ? Color.WHITE : TEXT);
                String text = style == Style.SMALL ? InspectorFormat.cell(values[k]) : InspectorFormat.value(values[k]);
                g.fillText(text, x + style.width / 2, y + style.height / 2);
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
}
