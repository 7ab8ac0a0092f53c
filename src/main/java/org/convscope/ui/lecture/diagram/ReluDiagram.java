package org.convscope.ui.lecture.diagram;

import java.util.ArrayList;
import java.util.List;
import org.convscope.lecture.Notation;
import org.convscope.lecture.NumberStyle;
import org.convscope.lecture.ReluStepper;
import org.convscope.lecture.Volume;

/**
 * ReLU: the input map (cells typed into), max(0, x), the output so far; the current cell outlined in both, its
 * arithmetic underneath. Large maps are heatmaps with a legend.
 */
final class ReluDiagram {
    private ReluDiagram() {}

    static List<Diagram> arrangements(ReluStepper s, boolean concealed, FrameActions actions) {
        NumberStyle style = s.numberStyle();
        Volume in = s.input();
        float range = Parts.range(in.values());
        int chars = Parts.chars(style, in.values());
        float[] out = s.output();
        int current = s.position() - 1;
        if (concealed && current >= 0) out[current] = Float.NaN;
        List<Block> inputs = new ArrayList<>();
        List<Block> outputs = new ArrayList<>();
        for (int c = 0; c < in.channels(); c++) {
            inputs.add(grid(s, in.values(), c, current, false, style, range, chars, actions));
            outputs.add(grid(s, out, c, current, concealed, style, range, chars, actions));
        }
        boolean readable = Math.max(in.height(), in.width()) <= Parts.READABLE;
        Block legend = readable ? null : Parts.legend(range, Item.Tint.DIVERGING, style::format);
        Block left = Blocks.column(0.35, Blocks.Align.START, Parts.heading("input " + Notation.size(in.dims())),
                Blocks.column(0.4, Blocks.Align.START, inputs), legend);
        Block right = Blocks.column(0.35, Blocks.Align.START, Parts.heading("ReLU output " + Notation.size(in.dims())),
                Blocks.column(0.4, Blocks.Align.START, outputs));
        String widest = "0".repeat(chars + 2);
        String reserve = s.cellName(s.count() - 1) + " = max(0, " + widest + ") = " + widest + "   (negative → 0)";
        String text = current < 0 ? "" : concealed ? s.question() : s.explain();
        Block line = Parts.sum(text, reserve, Ink.ACCENT);
        Block wide = Blocks.column(0.6, Blocks.Align.START,
                Blocks.row(Parts.GAP, Blocks.Align.START, left, Parts.operator("→ max(0, x) →"), right), line);
        Block tall = Blocks.column(0.6, Blocks.Align.START, left, Parts.operator("↓ max(0, x)"), right, line);
        return List.of(Sketch.of(wide, 0.5), Sketch.of(tall, 0.5));
    }

    /** One channel of the input (cells typed into, the current one outlined) or of the output so far. */
    private static Block grid(ReluStepper s, float[] values, int c, int current, boolean concealed, NumberStyle style,
                              float range, int chars, FrameActions actions) {
        int h = s.input().height();
        int w = s.input().width();
        int plane = h * w;
        boolean input = values == s.input().values();
        boolean readable = Math.max(h, w) <= Parts.READABLE;
        GridBlock g = readable ? GridBlock.numbers(h, w, chars)
                : GridBlock.heat(h, w, Parts.HEAT_SIDE / Math.max(h, w), values, c * plane, range, Item.Tint.DIVERGING);
        for (int i = 0; i < plane; i++) {
            int index = c * plane + i;
            float v = values[index];
            if (!input) {
                Parts.result(g, i, w, v, index == current, concealed, readable, style, range, () -> actions.jumpTo(index + 1));
                continue;
            }
            if (readable) {
                String text = style.format(v);
                g.text(i, text, Ink.TEXT, "cell");
                Parts.tint(g, i, v, range, Item.Tint.DIVERGING);
                g.onEdit(i, text, Parts.typed(value -> actions.edit(s.withInputValue(index, value))));
            }
            if (index == current) {
                if (readable) g.outline(i / w, i % w, 1, 1, Ink.WINDOW, 0.16, false, true);
                else g.marker(i / w, i % w, Ink.WINDOW);
            }
        }
        return g;
    }
}
