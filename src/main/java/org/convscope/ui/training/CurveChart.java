package org.convscope.ui.training;

import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * Line curves against training steps on a canvas (cheaper than a LineChart for thousands of points redrawn 10 times
 * a second): axes with the range at each end, one colour per series, a legend. Markers draw the per-epoch points.
 */
final class CurveChart extends Region {
    /** One curve: x (training steps) and y values of equal length. */
    record Series(String name, Color color, double[] x, double[] y, boolean markers) {}

    private static final double LEFT = 46;
    private static final double BOTTOM = 20;
    private static final double TOP = 20;
    private static final Color AXIS = Color.web("#8b949e");

    private final Canvas canvas = new Canvas();
    private final String title;
    private final double fixedMax;
    private List<Series> series = List.of();

    /** @param fixedMax the top of the y axis, or NaN to fit the data */
    CurveChart(String title, double fixedMax) {
        this.title = title;
        this.fixedMax = fixedMax;
        getStyleClass().add("curve-chart");
        getChildren().add(canvas);
        setMinSize(200, 120);
        setPrefSize(420, 200);
    }

    void show(List<Series> newSeries) {
        series = List.copyOf(newSeries);
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < LEFT + 10 || h < TOP + BOTTOM + 10) return;
        double xMax = 1;
        double yMax = 0;
        for (Series s : series) {
            for (double x : s.x()) xMax = Math.max(xMax, x);
            for (double y : s.y()) if (Double.isFinite(y)) yMax = Math.max(yMax, y);
        }
        yMax = Double.isNaN(fixedMax) ? (yMax <= 0 ? 1 : yMax * 1.05) : fixedMax;
        double plotW = w - LEFT - 8;
        double plotH = h - TOP - BOTTOM;
        g.setFont(Font.font(11));
        g.setStroke(AXIS);
        g.setFill(AXIS);
        g.setLineWidth(1);
        g.strokeLine(LEFT, TOP, LEFT, TOP + plotH);
        g.strokeLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        g.fillText(format(yMax), 4, TOP + 8);
        g.fillText("0", LEFT - 12, TOP + plotH);
        g.fillText("step " + (long) xMax, LEFT + plotW - 70, h - 4);
        g.fillText(title, LEFT + 4, 13);
        double legendX = LEFT + 8 + 7.5 * title.length();
        for (Series s : series) {
            g.setStroke(s.color());
            g.setFill(s.color());
            g.setLineWidth(s.markers() ? 1.5 : 1.2);
            double[] xs = s.x();
            double[] ys = s.y();
            g.beginPath();
            boolean started = false;
            int column = Integer.MIN_VALUE;
            double low = 0, high = 0, last = 0;
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isFinite(ys[i])) continue;
                double px = LEFT + plotW * xs[i] / xMax;
                double py = TOP + plotH * (1 - Math.min(ys[i], yMax) / yMax);
                if (!s.markers() && (int) px == column) {
                    // Several points on one pixel column: only their range shows, so the path keeps
                    // four points per column however long training runs.
                    low = Math.min(low, py);
                    high = Math.max(high, py);
                    last = py;
                    continue;
                }
                if (started && !s.markers()) {
                    g.lineTo(column, low);
                    g.lineTo(column, high);
                    g.lineTo(column, last);
                }
                if (started) g.lineTo(px, py);
                else g.moveTo(px, py);
                started = true;
                column = (int) px;
                low = high = last = py;
                if (s.markers()) g.fillOval(px - 3, py - 3, 6, 6);
            }
            if (started && !s.markers()) {
                g.lineTo(column, low);
                g.lineTo(column, high);
                g.lineTo(column, last);
            }
            g.stroke();
            g.fillRect(legendX, 6, 10, 3);
            g.fillText(s.name(), legendX + 13, 13);
            legendX += 22 + 6.5 * s.name().length();
        }
    }

    private static String format(double v) {
        return v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
