package org.convscope.ui.lecture.diagram;

import java.util.function.Consumer;
import java.util.function.Function;
import org.convscope.lecture.NumberStyle;
import org.convscope.lecture.Numbers;

/** The pieces every frame's diagram is made of, in one size and style: headings, operators, sums, tints, legends. */
final class Parts {
    /** Sizes in diagram units (one unit is a grid cell's height); nothing is smaller than a cell's number. */
    static final double HEADING = 0.75;
    static final double LABEL = 0.85;
    static final double SUM = 0.8;
    static final double OPERATOR = 1.3;
    static final double GAP = 0.6;
    /** Above this many rows or columns a map is drawn as a heatmap, its numbers shown in an inset. */
    static final int READABLE = 16;
    /** Side of a heatmap, in units. */
    static final double HEAT_SIDE = 9;
    /** The strongest tint behind a number, so the number stays readable on it. */
    private static final double CELL_TINT = 0.5;

    private Parts() {}

    static Block heading(String text) {
        return Blocks.text(text, HEADING, Item.Face.SANS_BOLD, Ink.MUTED, "heading");
    }

    static Block label(String text) {
        return Blocks.text(text, LABEL, Item.Face.SANS_BOLD, Ink.TEXT, "label");
    }

    static Block operator(String symbol) {
        return Blocks.text(symbol, OPERATOR, Item.Face.SANS, Ink.MUTED, "operator");
    }

    /** A line of arithmetic, as wide as {@code reserve} so that it keeps its size from step to step. */
    static Block sum(String text, String reserve, Ink ink) {
        return Blocks.text(text, SUM, Item.Face.MONO, ink, Item.Align.LEFT, "sum", reserve);
    }

    /** A line of arithmetic that shows {@code hover} (the exact value of a rounded result) under the pointer. */
    static Block sum(String text, String reserve, Ink ink, String hover) {
        Block line = sum(text, reserve, ink);
        if (hover == null) return line;
        return Blocks.of(line.width(), line.height(), (s, x, y) -> {
            line.draw(s, x, y);
            s.hit(new Diagram.Hover(new Rect(x, y, line.width(), line.height()), hover));
        });
    }

    /** Tints cell i of a number grid by its value: blue below zero, red above (or the channel's colour). */
    static void tint(GridBlock g, int i, float v, float range, Item.Tint tint) {
        if (Float.isNaN(v) || !(range > 0)) return;
        g.tint(i, tint.ink(v), CELL_TINT * Math.min(1, Math.abs(v) / range));
    }

    /** The largest |value|, NaNs skipped: the half-range of a diverging tint. */
    static float range(float[] values) {
        float max = 0;
        for (float v : values) if (!Float.isNaN(v)) max = Math.max(max, Math.abs(v));
        return max;
    }

    /** The most characters any of the values takes in the style. */
    static int chars(NumberStyle style, float[] values) {
        int chars = 1;
        for (float v : values) if (!Float.isNaN(v)) chars = Math.max(chars, style.format(v).length());
        return chars;
    }

    /** "n" as the style writes it, and the exact value to hover when the shown one is rounded (else null). */
    static String hover(NumberStyle style, float v) {
        return style.exact(v) ? null : "exactly " + NumberStyle.exactText(v);
    }

    /**
     * What a heatmap's colours mean: a bar from −range to range (or 0 to range for a channel of an image) with the
     * values at its ends and middle.
     */
    static Block legend(float range, Item.Tint tint, Function<Float, String> format) {
        boolean symmetric = tint == Item.Tint.DIVERGING;
        int steps = 48;
        float[] ramp = new float[steps];
        for (int i = 0; i < steps; i++) {
            float t = (float) i / (steps - 1);
            ramp[i] = symmetric ? (2 * t - 1) * range : t * range;
        }
        double width = 6;
        GridBlock bar = GridBlock.heat(1, steps, width / steps, ramp, 0, range, tint);
        String low = format.apply(symmetric ? -range : 0f);
        String high = format.apply(range);
        Block ends = Blocks.of(width, SUM * 1.3, (s, x, y) -> {
            s.add(new Item.Text(x, y + SUM * 0.65, low, SUM * 0.9, Item.Face.MONO, Ink.MUTED, Item.Align.LEFT, "legend"));
            if (symmetric) {
                s.add(new Item.Text(x + width / 2, y + SUM * 0.65, "0", SUM * 0.9, Item.Face.MONO, Ink.MUTED,
                        Item.Align.CENTER, "legend"));
            }
            s.add(new Item.Text(x + width, y + SUM * 0.65, high, SUM * 0.9, Item.Face.MONO, Ink.MUTED, Item.Align.RIGHT,
                    "legend"));
        });
        return Blocks.column(0.1, Blocks.Align.START, Blocks.boxed(bar, width, 0.5, Blocks.Align.START, Blocks.Align.START),
                ends);
    }

    /**
     * The heatmap with the inset beside it, joined by two lines from the window's corners to the inset's: the inset
     * is the window, enlarged.
     */
    static Block zoomed(GridBlock heat, GridBlock inset, int[] window, int k) {
        double gap = 1.2;
        double width = heat.width() + gap + inset.width();
        double height = Math.max(heat.height(), inset.height());
        return Blocks.of(width, height, (s, x, y) -> {
            double hy = y + (height - heat.height()) / 2;
            double iy = y + (height - inset.height()) / 2;
            double ix = x + heat.width() + gap;
            heat.draw(s, x, hy);
            inset.draw(s, ix, iy);
            if (window != null) {
                Rect r = heat.cells(x, hy, window[0], window[1], k, k);
                s.add(new Item.Line(r.right(), r.y(), ix, iy, Ink.WINDOW, 0.05, true));
                s.add(new Item.Line(r.right(), r.bottom(), ix, iy + inset.height(), Ink.WINDOW, 0.05, true));
                s.focus(new Rect(ix, iy, inset.width(), inset.height()));
            }
        });
    }

    /** Takes a typed number to {@code take}, or says why the text is not one. */
    static Diagram.Commit typed(Consumer<Float> take) {
        return text -> {
            float v;
            try {
                v = Numbers.parse(text);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            take.accept(v);
            return null;
        };
    }

    /**
     * Cell i of a result grid: its number (tinted, the exact value on hover when rounded) once computed, NaN for not
     * yet; the current cell outlined (a marker in a heatmap) and, while hidden, "?" without a tint; a click jumps to
     * the step that writes it.
     */
    static void result(GridBlock g, int i, int cols, float v, boolean current, boolean concealed, boolean readable,
                       NumberStyle style, float range, Runnable jump) {
        if (readable && !Float.isNaN(v)) {
            g.text(i, style.format(v), Ink.TEXT, current ? "current" : "output");
            tint(g, i, v, range, Item.Tint.DIVERGING);
            String hover = hover(style, v);
            if (hover != null) g.hover(i, hover);
        }
        if (current) {
            if (readable && concealed) g.text(i, "?", Ink.ACCENT, "current");
            if (readable) g.outline(i / cols, i % cols, 1, 1, Ink.ACCENT, 0.16, false, true);
            else g.marker(i / cols, i % cols, Ink.ACCENT);
        }
        g.onClick(i, jump);
    }
}
