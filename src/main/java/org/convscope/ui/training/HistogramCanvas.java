package org.convscope.ui.training;

import java.util.List;
import java.util.Locale;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.convscope.lecture.Notation;
import org.convscope.training.Histogram;

/**
 * A small histogram: bar heights on a square-root scale (so that a spike, e.g. the zeros after a ReLU, does not
 * flatten the rest), a line at zero when the range spans it, and the range's ends written underneath; in the theme's
 * colours. With a note instead ("frozen"), the note alone.
 */
final class HistogramCanvas extends Canvas implements StudioPalette.Host {
    static final double WIDTH = 96;
    static final double MIN_WIDTH = 48;
    static final double HEIGHT = 38;
    private static final double LABEL_HEIGHT = 11;
    private static final Font FONT = Font.font(9);

    private final StudioPalette.Ink bars;
    private final StudioPalette palette = new StudioPalette(this, this::draw);
    private Histogram shown;
    private String note = "";

    HistogramCanvas(StudioPalette.Ink bars) {
        super(WIDTH, HEIGHT);
        this.bars = bars;
        getStyleClass().addAll("histogram", StudioPalette.STYLE_CLASS);
    }

    @Override
    public StudioPalette palette() {
        return palette;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return StudioPalette.cssMetaData(Canvas.getClassCssMetaData());
    }

    /** Draws at this width from now on (the health table narrows its histograms in a narrow column). */
    void resizeTo(double width) {
        if (width == getWidth()) return;
        setWidth(width);
        draw();
    }

    void show(Histogram h) {
        shown = h;
        note = "";
        draw();
    }

    /** Shows a word instead of bars (a frozen layer's gradients). */
    void showNote(String text) {
        shown = null;
        note = text;
        draw();
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double width = getWidth();
        g.setFill(palette.color(StudioPalette.Ink.PANEL));
        g.fillRect(0, 0, width, HEIGHT);
        g.setFont(FONT);
        if (shown == null) {
            g.setFill(palette.color(StudioPalette.Ink.MUTED));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(note, width / 2, HEIGHT / 2);
            return;
        }
        Histogram h = shown;
        int[] counts = h.counts();
        int most = 0;
        for (int c : counts) most = Math.max(most, c);
        if (most == 0) return;
        double plot = HEIGHT - LABEL_HEIGHT - 2;
        double bar = width / counts.length;
        g.setFill(palette.color(bars));
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] == 0) continue;
            double height = Math.max(1, plot * Math.sqrt((double) counts[b] / most));
            g.fillRect(b * bar, 1 + plot - height, Math.max(1, bar - 0.5), height);
        }
        if (h.min() < 0 && h.max() > 0) {
            double x = width * -h.min() / ((double) h.max() - h.min());
            g.setStroke(palette.color(StudioPalette.Ink.MUTED));
            g.setLineWidth(1);
            g.strokeLine(Math.round(x) + 0.5, 0, Math.round(x) + 0.5, plot + 1);
        }
        g.setFill(palette.color(StudioPalette.Ink.MUTED));
        g.setTextBaseline(VPos.BOTTOM);
        String low = number(h.min());
        String high = number(h.max());
        if ((low.length() + high.length()) * 5.2 + 6 > width) { // narrow: two significant digits
            low = shortNumber(h.min());
            high = shortNumber(h.max());
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(low, 1, HEIGHT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(high, width - 1, HEIGHT);
    }

    static String shortNumber(double v) {
        return v == 0 ? "0" : Notation.minus(String.format(Locale.ROOT, "%.2g", v).replaceFirst("^(-?)0\\.", "$1."));
    }

    static String number(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        return Notation.minus(a >= 0.01 && a < 1000 ? String.format(Locale.ROOT, "%.3g", v)
                : String.format(Locale.ROOT, "%.1e", v));
    }
}
