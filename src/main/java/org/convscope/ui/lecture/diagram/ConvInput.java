package org.convscope.ui.lecture.diagram;

import java.util.Optional;
import org.convscope.lecture.ConvSetup;
import org.convscope.lecture.ConvStep;
import org.convscope.lecture.Notation;
import org.convscope.lecture.NumberStyle;

/**
 * One channel of a convolution's input as the diagram draws it: the padded grid with the zeros of the padding in
 * grey, the filter's window outlined; when the output is rounded down, the cells no window reaches shaded and the
 * filter hanging over the edge dashed; when nothing fits, the kernel dashed over the whole input. A map too large
 * for its numbers is a heatmap, and the numbers under the window are shown beside it in an enlarged inset.
 */
final class ConvInput {
    private ConvInput() {}

    /** How a channel is tinted: in its own colour for the three channels of an image, else blue and red. */
    static Item.Tint tint(int channel, int depth) {
        if (depth != 3) return Item.Tint.DIVERGING;
        return switch (channel) {
            case 0 -> Item.Tint.RED;
            case 1 -> Item.Tint.GREEN;
            default -> Item.Tint.BLUE;
        };
    }

    /**
     * The side of a heatmap channel, in units: a lone channel gets the full side; each of several is drawn smaller, just
     * taller than its inset, so that the numbers of the three stacked rows (inset, filter, products) come out larger.
     */
    static double heatSide(ConvSetup s) {
        return s.depth() == 1 ? Parts.HEAT_SIDE : Math.max(s.kernel() + 2, Parts.HEAT_SIDE * 0.75);
    }

    static boolean readable(ConvSetup s) {
        return Math.max(s.paddedHeight(), s.paddedWidth()) <= Parts.READABLE;
    }

    static Block of(ConvSetup s, ConvFacts facts, int c, Optional<ConvStep> step) {
        int h = s.paddedHeight();
        int w = s.paddedWidth();
        float[] padded = new float[h * w];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) padded[y * w + x] = s.paddedAt(c, y, x);
        boolean readable = readable(s);
        GridBlock g = readable ? GridBlock.numbers(h, w, facts.inputChars())
                : GridBlock.heat(h, w, heatSide(s) / Math.max(h, w), padded, 0, facts.inputRange(), tint(c, s.depth()));
        int p = Math.max(0, s.padding());
        int coveredRows = h - s.ignoredRows();
        int coveredCols = w - s.ignoredColumns();
        NumberStyle style = facts.style();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                boolean pad = y < p || x < p || y >= h - p || x >= w - p;
                boolean ignored = y >= coveredRows || x >= coveredCols;
                if (readable) {
                    g.text(i, style.format(padded[i]), pad || ignored ? Ink.MUTED : Ink.TEXT, pad ? "pad" : "cell");
                    if (!pad && !ignored) Parts.tint(g, i, padded[i], facts.inputRange(), tint(c, s.depth()));
                    String hover = Parts.hover(style, padded[i]);
                    if (hover != null) g.hover(i, hover);
                }
                if (pad) g.tint(i, Ink.PAD, 0.35);
                if (ignored) g.tint(i, Ink.IGNORED, 0.45);
            }
        }
        int k = s.kernel();
        if (s.problem().isPresent() && s.stride() >= 1) {
            g.reserve(Math.max(0, k - h), Math.max(0, k - w));
            g.outline(0, 0, k, k, Ink.PROBLEM, 0.1, true, false);
        }
        if (s.roundsDown()) hanging(g, s);
        step.ifPresent(st -> g.outline(st.top(), st.left(), k, k, Ink.WINDOW, readable ? 0.14 : 0.1, false, true));
        if (readable) return g;
        return Parts.zoomed(g, inset(s, facts, c, step), step.map(st -> new int[] {st.top(), st.left()}).orElse(null), k);
    }

    /** The window that would hang over the right (and bottom) edge, dashed, in room reserved beyond the grid. */
    private static void hanging(GridBlock g, ConvSetup s) {
        int k = s.kernel();
        int nextLeft = s.outputWidth() * s.stride();
        int nextTop = s.outputHeight() * s.stride();
        int overRight = Math.max(0, nextLeft + k - s.paddedWidth());
        int overBottom = Math.max(0, nextTop + k - s.paddedHeight());
        g.reserve(s.ignoredRows() > 0 ? overBottom : 0, s.ignoredColumns() > 0 ? overRight : 0);
        if (s.ignoredColumns() > 0) g.outline(0, nextLeft, k, k, Ink.PROBLEM, 0.1, true, false);
        if (s.ignoredRows() > 0) g.outline(nextTop, 0, k, k, Ink.PROBLEM, 0.1, true, false);
    }

    /** The numbers under the window of channel c, enlarged; empty cells before the first step. */
    private static GridBlock inset(ConvSetup s, ConvFacts facts, int c, Optional<ConvStep> step) {
        int k = s.kernel();
        GridBlock g = GridBlock.numbers(k, k, facts.inputChars());
        step.ifPresent(st -> {
            for (int i = 0; i < k * k; i++) {
                float v = st.window()[c * k * k + i];
                g.text(i, facts.style().format(v), Ink.TEXT, "inset");
                Parts.tint(g, i, v, facts.inputRange(), tint(c, s.depth()));
                String hover = Parts.hover(facts.style(), v);
                if (hover != null) g.hover(i, hover);
            }
        });
        g.outline(0, 0, k, k, Ink.WINDOW, 0.14, false, false);
        return g;
    }

    /** The input's heading: "input 5×5×1", "input 7×7×1, padded to 9×9". */
    static String heading(ConvSetup s) {
        return "input " + Notation.size(s.input().dims()) + (s.padding() > 0
                ? ", padded to " + Notation.size(s.paddedHeight(), s.paddedWidth()) : "");
    }
}
