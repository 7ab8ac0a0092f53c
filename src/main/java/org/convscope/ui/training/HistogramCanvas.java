package org.convscope.ui.training;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.convscope.training.Histogram;

/**
 * A small histogram: bar heights on a square-root scale (so that a spike, e.g. the zeros after a ReLU, does not
 * flatten the rest), a line at zero when the range spans it, and the range's ends written underneath.
 */
final class HistogramCanvas extends Canvas {
    static final double WIDTH = 96;
    static final double HEIGHT = 38;
    private static final double LABEL_HEIGHT = 11;
    private static final Color BACKGROUND = Color.web("#161b22");
    private static final Color ZERO = Color.web("#8b949e");
    private static final Color TEXT = Color.web("#8b949e");
    private static final Font FONT = Font.font(9);

    private final Color bars;

    HistogramCanvas(Color bars) {
        super(WIDTH, HEIGHT);
        this.bars = bars;
    }

    void show(Histogram h) {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int[] counts = h.counts();
        int most = 0;
        for (int c : counts) most = Math.max(most, c);
        if (most == 0) return;
        double plot = HEIGHT - LABEL_HEIGHT - 2;
        double bar = WIDTH / counts.length;
        g.setFill(bars);
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] == 0) continue;
            double height = Math.max(1, plot * Math.sqrt((double) counts[b] / most));
            g.fillRect(b * bar, 1 + plot - height, Math.max(1, bar - 0.5), height);
        }
        if (h.min() < 0 && h.max() > 0) {
            double x = WIDTH * -h.min() / ((double) h.max() - h.min());
            g.setStroke(ZERO);
            g.setLineWidth(1);
            g.strokeLine(Math.round(x) + 0.5, 0, Math.round(x) + 0.5, plot + 1);
        }
        g.setFill(TEXT);
        g.setFont(FONT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(number(h.min()), 1, HEIGHT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(number(h.max()), WIDTH - 1, HEIGHT);
    }

    static String number(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a >= 0.01 && a < 1000 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.1e", v);
    }
}
