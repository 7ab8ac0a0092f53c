package org.convscope.ui.lecture.diagram;

import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.lecture.Notation;
import org.convscope.lecture.NumberStyle;
import org.convscope.lecture.PoolStep;
import org.convscope.lecture.PoolStepper;

/**
 * Pooling: each channel of the input with the current window (and, for max, its winner), the output so far, and the
 * window's arithmetic with its intermediate values (13/4 for an average, √63 for L2). Input cells can be typed into.
 * A window that does not divide the input evenly shows the cells it ignores and where it would hang over the edge.
 */
final class PoolDiagram {
    private PoolDiagram() {}

    static List<Diagram> arrangements(PoolStepper s, boolean concealed, FrameActions actions) {
        NumberStyle style = s.numberStyle();
        PoolStepper end = s.at(s.count());
        float range = Math.max(Parts.range(s.input().values()), Parts.range(end.output()));
        int chars = Parts.chars(style, s.input().values());
        int outChars = Parts.chars(style, end.output());
        PoolStep step = s.current().orElse(null);
        List<Block> inputs = new ArrayList<>();
        for (int c = 0; c < s.input().channels(); c++) inputs.add(input(s, c, step, concealed, style, range, chars, actions));
        Block in = Blocks.column(0.35, Blocks.Align.START, Parts.heading("input " + Notation.size(s.input().dims())),
                Blocks.column(0.4, Blocks.Align.START, inputs));
        Block out = output(s, concealed, style, range, outChars, actions);
        Block line = arithmetic(s, step, concealed, style);
        Block wide = Blocks.column(0.6, Blocks.Align.START,
                Blocks.row(Parts.GAP, Blocks.Align.CENTER, in, Parts.operator("→ " + s.kindName() + " →"), out), line);
        Block tall = Blocks.column(0.6, Blocks.Align.START, in, line, Blocks.row(Parts.GAP, Blocks.Align.START,
                Parts.operator("↓"), out));
        return List.of(Sketch.of(wide, 0.5), Sketch.of(tall, 0.5));
    }

    private static Block input(PoolStepper s, int c, PoolStep step, boolean concealed, NumberStyle style, float range,
                               int chars, FrameActions actions) {
        int h = s.input().height();
        int w = s.input().width();
        int plane = h * w;
        boolean readable = Math.max(h, w) <= Parts.READABLE;
        GridBlock g = readable ? GridBlock.numbers(h, w, chars)
                : GridBlock.heat(h, w, Parts.HEAT_SIDE / Math.max(h, w), s.input().values(), c * plane, range,
                Item.Tint.DIVERGING);
        boolean fits = s.problem().isEmpty();
        int coveredRows = fits ? (s.outputDims().height() - 1) * s.stride() + s.window() : h;
        int coveredCols = fits ? (s.outputDims().width() - 1) * s.stride() + s.window() : w;
        for (int i = 0; i < plane; i++) {
            float v = s.input().values()[c * plane + i];
            boolean ignored = i / w >= coveredRows || i % w >= coveredCols;
            if (ignored) g.tint(i, Ink.IGNORED, 0.45);
            if (!readable) continue;
            String text = style.format(v);
            g.text(i, text, ignored ? Ink.MUTED : Ink.TEXT, "cell");
            if (!ignored) Parts.tint(g, i, v, range, Item.Tint.DIVERGING);
            int index = c * plane + i;
            g.onEdit(i, text, Parts.typed(value -> actions.edit(s.withInputValue(index, value))));
        }
        int f = s.window();
        if (fits && (coveredRows < h || coveredCols < w)) {
            int nextTop = s.outputDims().height() * s.stride();
            int nextLeft = s.outputDims().width() * s.stride();
            g.reserve(coveredRows < h ? nextTop + f - h : 0, coveredCols < w ? nextLeft + f - w : 0);
            if (coveredCols < w) g.outline(0, nextLeft, f, f, Ink.PROBLEM, 0.1, true, false);
            if (coveredRows < h) g.outline(nextTop, 0, f, f, Ink.PROBLEM, 0.1, true, false);
        }
        if (step != null && step.channel() == c) {
            g.outline(step.top(), step.left(), f, f, Ink.WINDOW, 0.14, false, true);
            if (step.winner() >= 0 && !concealed) {
                g.outline(step.top() + step.winner() / f, step.left() + step.winner() % f, 1, 1, Ink.ACCENT, 0.16, false, false);
            }
        }
        if (readable) return g;
        GridBlock inset = GridBlock.numbers(f, f, chars);
        if (step != null && step.channel() == c) {
            for (int i = 0; i < f * f; i++) {
                inset.text(i, style.format(step.window()[i]), Ink.TEXT, "inset");
                Parts.tint(inset, i, step.window()[i], range, Item.Tint.DIVERGING);
            }
            if (step.winner() >= 0 && !concealed) {
                inset.outline(step.winner() / f, step.winner() % f, 1, 1, Ink.ACCENT, 0.16, false, false);
            }
        }
        inset.outline(0, 0, f, f, Ink.WINDOW, 0.14, false, false);
        int[] window = step != null && step.channel() == c ? new int[] {step.top(), step.left()} : null;
        return Parts.zoomed(g, inset, window, f);
    }

    private static Block output(PoolStepper s, boolean concealed, NumberStyle style, float range, int chars,
                                FrameActions actions) {
        if (s.problem().isPresent()) {
            return Blocks.column(0.3, Blocks.Align.START, Parts.heading("output"),
                    Blocks.text("nothing fits", Parts.SUM, Item.Face.SANS_BOLD, Ink.PROBLEM, "problem"));
        }
        Dims d = s.outputDims();
        int plane = d.height() * d.width();
        float[] values = s.output();
        int current = s.position() - 1;
        if (concealed && current >= 0) values[current] = Float.NaN;
        boolean readable = Math.max(d.height(), d.width()) <= Parts.READABLE;
        List<Block> maps = new ArrayList<>();
        for (int c = 0; c < d.channels(); c++) {
            GridBlock g = readable ? GridBlock.numbers(d.height(), d.width(), chars)
                    : GridBlock.heat(d.height(), d.width(), Parts.HEAT_SIDE / Math.max(d.height(), d.width()), values,
                    c * plane, range, Item.Tint.DIVERGING);
            for (int i = 0; i < plane; i++) {
                int index = c * plane + i;
                Parts.result(g, i, d.width(), values[index], index == current, concealed, readable, style, range,
                        () -> actions.jumpTo(index + 1));
            }
            maps.add(g);
        }
        Block legend = readable ? null : Parts.legend(range, Item.Tint.DIVERGING, style::format);
        return Blocks.column(0.35, Blocks.Align.START, Parts.heading("output " + Notation.size(d)),
                Blocks.column(0.4, Blocks.Align.START, maps), legend);
    }

    /** The window's arithmetic, as wide as the widest of the frame's steps. */
    private static Block arithmetic(PoolStepper s, PoolStep step, boolean concealed, NumberStyle style) {
        String reserve = "";
        for (int i = 0; i < s.count(); i++) {
            PoolStep st = s.step(i);
            String text = s.cellName(st) + " = " + s.arithmetic(st, style);
            if (text.length() > reserve.length()) reserve = text;
        }
        String text = step == null ? "" : concealed ? s.question() : s.cellName(step) + " = " + s.arithmetic(step, style);
        return Parts.sum(text, reserve, Ink.ACCENT);
    }
}
