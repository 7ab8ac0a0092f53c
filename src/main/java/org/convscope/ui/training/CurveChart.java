package org.convscope.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Line curves against training steps on a canvas (cheaper than a LineChart for thousands of points redrawn 10 times
 * a second): axes with ticks and grid lines, a linear or logarithmic y axis, one colour of the theme per series, a
 * legend, markers for the per-epoch points, and under the mouse the step and every series' value there.
 */
final class CurveChart extends Region implements StudioPalette.Host {
    /** One curve: x (training steps) and y values of equal length, in a colour of the palette. */
    record Series(String name, StudioPalette.Ink ink, double[] x, double[] y, boolean markers) {}

    /** The plot's margins left and right of its x axis, in pixels. */
    static final double LEFT = 50;
    static final double RIGHT = 10;
    private static final double BOTTOM = 20;
    private static final double TOP = 22;
    private static final Font FONT = Font.font(11);

    private final Canvas canvas = new Canvas();
    private final StudioPalette palette = new StudioPalette(this, this::draw);
    private final String title;
    private final double fixedMax;
    private final String format;
    private List<Series> series = List.of();
    private boolean log;
    private double hoverX = Double.NaN;
    // The axes as last drawn, for the mouse.
    private double xMax = 1;
    private double plotW;

    /**
     * @param fixedMax the top of the y axis, or NaN to fit the data
     * @param format   how values are written ("%.3f", or "%.1f%%" of values × 100 when the format ends with %%)
     */
    CurveChart(String title, double fixedMax, String format) {
        this.title = title;
        this.fixedMax = fixedMax;
        this.format = format;
        getStyleClass().addAll("curve-chart", StudioPalette.STYLE_CLASS);
        getChildren().add(canvas);
        setMinSize(200, 100);
        setPrefSize(420, 200);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            hoverX = e.getX();
            draw();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hoverX = Double.NaN;
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

    void show(List<Series> newSeries) {
        series = List.copyOf(newSeries);
        draw();
    }

    /** A logarithmic y axis (for the loss, whose late changes are small), or a linear one. */
    void setLog(boolean on) {
        log = on;
        draw();
    }

    boolean isLog() {
        return log;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** The y axis: its ends and its ticks, linear or logarithmic. */
    private record Axis(double low, double high, boolean log, double[] ticks) {
        double fraction(double y) {
            double v = log ? Math.log10(Math.max(y, low)) : y;
            double a = log ? Math.log10(low) : low;
            double b = log ? Math.log10(high) : high;
            return b == a ? 0 : (Math.min(v, b) - a) / (b - a);
        }
    }

    private Axis yAxis() {
        double max = 0;
        double minPositive = Double.POSITIVE_INFINITY;
        for (Series s : series) {
            for (double y : s.y()) {
                if (!Double.isFinite(y)) continue;
                max = Math.max(max, y);
                if (y > 0) minPositive = Math.min(minPositive, y);
            }
        }
        if (log && Double.isFinite(minPositive) && max > minPositive) {
            double low = Math.pow(10, Math.floor(Math.log10(minPositive)));
            double high = Math.pow(10, Math.ceil(Math.log10(max)));
            return new Axis(low, high, true, logTicks(low, high));
        }
        double high = Double.isNaN(fixedMax) ? (max <= 0 ? 1 : niceCeil(max * 1.05)) : fixedMax;
        return new Axis(0, high, false, ticks(0, high, 5));
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(palette.color(StudioPalette.Ink.PANEL));
        g.fillRect(0, 0, w, h);
        if (w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) return;
        xMax = 1;
        for (Series s : series) for (double x : s.x()) xMax = Math.max(xMax, x);
        Axis axis = yAxis();
        plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        g.setFont(FONT);
        g.setLineWidth(1);
        grid(g, axis, plotH);
        legend(g);
        for (Series s : series) curve(g, s, axis, plotH);
        hover(g, axis, plotH);
    }

    private void grid(GraphicsContext g, Axis axis, double plotH) {
        g.setStroke(palette.color(StudioPalette.Ink.BORDER));
        g.setFill(palette.color(StudioPalette.Ink.MUTED));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : axis.ticks()) {
            double y = Math.round(TOP + plotH * (1 - axis.fraction(t))) + 0.5;
            g.strokeLine(LEFT, y, LEFT + plotW, y);
            g.fillText(value(t, axis), LEFT - 5, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : stepTicks(xMax, plotW)) {
            double x = Math.round(LEFT + plotW * t / xMax) + 0.5;
            g.strokeLine(x, TOP + plotH, x, TOP + plotH + 4);
            g.fillText(String.format(Locale.ROOT, "%,d", (long) t), x, TOP + plotH + 5);
        }
        g.setStroke(palette.color(StudioPalette.Ink.MUTED));
        g.strokeLine(LEFT + 0.5, TOP, LEFT + 0.5, TOP + plotH);
        g.strokeLine(LEFT, TOP + plotH + 0.5, LEFT + plotW, TOP + plotH + 0.5);
    }

    private void legend(GraphicsContext g) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(palette.color(StudioPalette.Ink.STRONG));
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 12));
        g.fillText(title + (log ? " (log scale)" : ""), 6, 11);
        g.setFont(FONT);
        double x = LEFT + 10 + 7.5 * (title.length() + (log ? 12 : 0));
        for (Series s : series) {
            g.setFill(palette.color(s.ink()));
            if (s.markers()) g.fillOval(x, 8, 6, 6);
            else g.fillRect(x, 10, 12, 3);
            g.setFill(palette.color(StudioPalette.Ink.TEXT));
            g.fillText(s.name(), x + 16, 11);
            x += 26 + 6.5 * s.name().length();
        }
    }

    private void curve(GraphicsContext g, Series s, Axis axis, double plotH) {
        g.setStroke(palette.color(s.ink()));
        g.setFill(palette.color(s.ink()));
        g.setLineWidth(s.markers() ? 1.5 : 1.2);
        double[] xs = s.x();
        double[] ys = s.y();
        g.beginPath();
        boolean started = false;
        int column = Integer.MIN_VALUE;
        double low = 0, high = 0, last = 0;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(ys[i]) || axis.log() && ys[i] <= 0) continue;
            double px = LEFT + plotW * xs[i] / xMax;
            double py = TOP + plotH * (1 - axis.fraction(ys[i]));
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
    }

    /** Under the mouse: a line at its step and a box with each series' value at the nearest point. */
    private void hover(GraphicsContext g, Axis axis, double plotH) {
        if (Double.isNaN(hoverX) || hoverX < LEFT || hoverX > LEFT + plotW || series.isEmpty()) return;
        List<String> lines = new ArrayList<>();
        List<StudioPalette.Ink> inks = new ArrayList<>();
        for (Hovered h : hovered()) {
            lines.add(h.line());
            inks.add(h.series().ink());
        }
        if (lines.isEmpty()) return;
        g.setStroke(palette.color(StudioPalette.Ink.MUTED));
        g.setLineDashes(3, 3);
        g.strokeLine(Math.round(hoverX) + 0.5, TOP, Math.round(hoverX) + 0.5, TOP + plotH);
        g.setLineDashes();
        double boxW = 12 + 6.4 * lines.stream().mapToInt(String::length).max().orElse(10);
        double boxH = 6 + 15 * lines.size();
        double x = hoverX + boxW + 14 < LEFT + plotW ? hoverX + 8 : hoverX - boxW - 8;
        double y = TOP + 4;
        g.setFill(palette.color(StudioPalette.Ink.PANEL, 0.92));
        g.fillRect(x, y, boxW, boxH);
        g.setStroke(palette.color(StudioPalette.Ink.BORDER));
        g.strokeRect(x + 0.5, y + 0.5, boxW, boxH);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int k = 0; k < lines.size(); k++) {
            g.setFill(palette.color(inks.get(k)));
            g.fillRect(x + 5, y + 8 + 15 * k, 8, 3);
            g.setFill(palette.color(StudioPalette.Ink.TEXT));
            g.fillText(lines.get(k), x + 17, y + 3 + 15 * k);
        }
    }

    /** A series' point under the mouse. */
    private record Hovered(Series series, int index, String value) {
        /** "smoothed 0.4123 (step 1,200)". */
        String line() {
            return String.format(Locale.ROOT, "%s %s (step %,d)", series.name(), value, (long) series.x()[index]);
        }
    }

    /** Every series' point nearest the step under the mouse, as the hover box lists them; none off the plot. */
    private List<Hovered> hovered() {
        if (Double.isNaN(hoverX) || hoverX < LEFT || hoverX > LEFT + plotW) return List.of();
        double step = (hoverX - LEFT) / plotW * xMax;
        List<Hovered> out = new ArrayList<>();
        for (Series s : series) {
            int i = nearest(s.x(), step);
            if (i >= 0 && Double.isFinite(s.y()[i])) out.add(new Hovered(s, i, value(s.y()[i], null)));
        }
        return out;
    }

    /** The hover box's lines as last drawn: "smoothed 0.4123 (step 1,200)", one a series; none without the mouse. */
    List<String> hoverLines() {
        return hovered().stream().map(Hovered::line).toList();
    }

    /** The index of the x nearest to {@code at} in ascending xs, or −1 when empty. */
    static int nearest(double[] xs, double at) {
        if (xs.length == 0) return -1;
        int i = java.util.Arrays.binarySearch(xs, at);
        if (i >= 0) return i;
        int after = -i - 1;
        if (after == 0) return 0;
        if (after == xs.length) return xs.length - 1;
        return at - xs[after - 1] <= xs[after] - at ? after - 1 : after;
    }

    /** A value as this chart writes it; on a tick of a log axis, as the power of ten it is. */
    private String value(double v, Axis axis) {
        if (axis != null && axis.log() && (v >= 1e4 || v < 1e-2)) return String.format(Locale.ROOT, "%.0e", v);
        if (format.endsWith("%%")) return String.format(Locale.ROOT, axis != null ? "%.0f%%" : format, 100 * v);
        if (axis != null && !axis.log()) return String.format(Locale.ROOT, v >= 10 ? "%.0f" : v >= 1 ? "%.1f" : "%.2f", v);
        return String.format(Locale.ROOT, format, v);
    }

    /**
     * The step axis's ticks: one every 90 px or so, but steps are whole, so never more ticks than steps (a short run
     * must not write "0 0 1 1").
     */
    static double[] stepTicks(double xMax, double plotW) {
        return ticks(0, xMax, (int) Math.min(xMax, Math.max(2, (int) (plotW / 90))));
    }

    /** About {@code count} round ticks from low to high (steps of 1, 2 or 5 × a power of ten). */
    static double[] ticks(double low, double high, int count) {
        if (!(high > low)) return new double[] {low};
        double raw = (high - low) / Math.max(1, count);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power * (raw / power < 1.5 ? 1 : raw / power < 3.5 ? 2 : raw / power < 7.5 ? 5 : 10);
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step) out.add(t);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Powers of ten from low to high, with 2× and 5× between them when there are at most two decades. */
    static double[] logTicks(double low, double high) {
        List<Double> out = new ArrayList<>();
        boolean fine = high / low <= 100;
        for (double p = low; p <= high * 1.0001; p *= 10) {
            out.add(p);
            if (fine && p * 2 < high) out.add(p * 2);
            if (fine && p * 5 < high) out.add(p * 5);
        }
        return out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** The round number at or above v: 1, 2 or 5 × a power of ten, or a multiple of the power below. */
    static double niceCeil(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        return Math.ceil(v / power * 2) / 2 * power;
    }
}
