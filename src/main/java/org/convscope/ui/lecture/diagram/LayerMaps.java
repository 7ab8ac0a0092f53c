package org.convscope.ui.lecture.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.convscope.engine.Dims;
import org.convscope.engine.explain.UnitExplanation.ChannelTerms;
import org.convscope.engine.explain.UnitExplanation.ConvUnit;
import org.convscope.engine.spec.Window;
import org.convscope.lecture.LayerConv;
import org.convscope.lecture.LayerStepper;
import org.convscope.lecture.Notation;
import org.convscope.lecture.NumberStyle;

/**
 * The maps of a real network's frame, as heatmaps of any size: one input channel whole, with the window's place and
 * the part of it shown close up; that close-up, which follows the window as it steps (the zero padding grey); the
 * filter's output map so far; and, when the filter sees more channels than a page shows, every channel's Σ w·x.
 */
final class LayerMaps {
    /** Side of a map, in units. */
    static final double SIDE = 6;
    /** The close-up is about this many windows wide, within these bounds (cells of the padded input). */
    private static final int CLOSE_WINDOWS = 4;
    private static final int CLOSE_MIN = 12;
    private static final int CLOSE_MAX = 32;
    /** The smallest outline of a window on a large map, in units: it can be found however small its cells. */
    private static final double LEAST = 0.7;
    /** Output maps up to this many cells take a click on a cell to jump to its step. */
    private static final int CLICKABLE = 4096;
    /** Up to this many channel sums are written out as numbers; more are a grid of tints. */
    private static final int SUMS_AS_NUMBERS = 6;
    /** Width of the grid of many channels' sums, in units. */
    private static final double SUMS_WIDTH = 9;

    private LayerMaps() {}

    /** How channel c (of all the layer's) is tinted: a picture's in its colour, from its least value; others ± in blue and red. */
    static Item.Tint tint(LayerConv conv, int c) {
        return conv.colour() ? ConvInput.tint(c, 3) : Item.Tint.DIVERGING;
    }

    /** The padded input's height (rows of the input plus the padding above and below). */
    private static int paddedHeight(LayerConv conv) {
        return conv.input().height() + conv.window().padTop() + conv.window().padBottom();
    }

    private static int paddedWidth(LayerConv conv) {
        return conv.input().width() + conv.window().padLeft() + conv.window().padRight();
    }

    private static int spanH(Window w) {
        return w.dilationH() * (w.kernelH() - 1) + 1;
    }

    private static int spanW(Window w) {
        return w.dilationW() * (w.kernelW() - 1) + 1;
    }

    /**
     * The close-up's size in cells of the padded input, [rows, cols]: about four windows, or the whole padded input
     * when that is less than twice as large.
     */
    private static int[] closeSize(LayerConv conv) {
        int side = Math.clamp((long) CLOSE_WINDOWS * Math.max(spanH(conv.window()), spanW(conv.window())), CLOSE_MIN, CLOSE_MAX);
        if (Math.max(paddedHeight(conv), paddedWidth(conv)) < 2 * side) side = Integer.MAX_VALUE;
        return new int[] {Math.min(side, paddedHeight(conv)), Math.min(side, paddedWidth(conv))};
    }

    /** Whether the whole padded input fits the close-up, so that one map shows it all. */
    static boolean fitsClose(LayerConv conv) {
        int[] size = closeSize(conv);
        return size[0] == paddedHeight(conv) && size[1] == paddedWidth(conv);
    }

    /** The top-left corner [row, col] in the padded input of the window of step {@code index}. */
    private static int[] windowAt(LayerStepper s, int index) {
        Window w = s.conv().window();
        return new int[] {s.row(index) * w.strideH(), s.col(index) * w.strideW()};
    }

    /** The close-up's top-left corner in the padded input: the window in its middle, kept inside. */
    private static int[] closeAt(LayerStepper s, int[] window) {
        int[] size = closeSize(s.conv());
        Window w = s.conv().window();
        int top = Math.clamp(window[0] + spanH(w) / 2 - size[0] / 2, 0, paddedHeight(s.conv()) - size[0]);
        int left = Math.clamp(window[1] + spanW(w) / 2 - size[1] / 2, 0, paddedWidth(s.conv()) - size[1]);
        return new int[] {top, left};
    }

    /** Channel c (of all the layer's) whole, unpadded, with the window's place and the close-up's outlined. */
    static Block whole(LayerStepper s, LayerFacts facts, int c, Optional<Integer> step) {
        LayerConv conv = s.conv();
        Dims in = conv.input();
        double cell = SIDE / Math.max(in.height(), in.width());
        int plane = in.height() * in.width();
        GridBlock g = conv.colour()
                ? GridBlock.heat(in.height(), in.width(), cell, facts.shifted(), c * plane, facts.shiftedRange()[c], tint(conv, c))
                : GridBlock.heat(in.height(), in.width(), cell, conv.inputValues(), c * plane, facts.inputRange(), tint(conv, c));
        step.ifPresent(index -> {
            Window w = conv.window();
            int[] at = windowAt(s, index);
            int[] close = closeAt(s, at);
            int[] size = closeSize(conv);
            g.window(close[0] - w.padTop(), close[1] - w.padLeft(), size[0], size[1], Ink.MUTED, 0.06, true, false, 0);
            g.window(at[0] - w.padTop(), at[1] - w.padLeft(), spanH(w), spanW(w), Ink.WINDOW, 0.1, false, false, LEAST);
        });
        return g;
    }

    /**
     * The part of channel c around the window, padded, {@code side} units a side, the window outlined (and its taps,
     * when they are spread out by a dilation): it moves with the window. Before the first step, the top-left corner.
     */
    static Block close(LayerStepper s, LayerFacts facts, int c, Optional<Integer> step, double side) {
        LayerConv conv = s.conv();
        Window w = conv.window();
        Dims in = conv.input();
        int[] size = closeSize(conv);
        int[] window = step.map(index -> windowAt(s, index)).orElse(new int[2]);
        int[] at = closeAt(s, window);
        float[] values = new float[size[0] * size[1]]; // [rows][cols] of the close-up
        boolean[] pad = new boolean[values.length];
        float[] x = conv.colour() ? facts.shifted() : conv.inputValues();
        for (int r = 0; r < size[0]; r++) {
            for (int k = 0; k < size[1]; k++) {
                int y = at[0] + r - w.padTop();
                int xx = at[1] + k - w.padLeft();
                int i = r * size[1] + k;
                pad[i] = y < 0 || y >= in.height() || xx < 0 || xx >= in.width();
                values[i] = pad[i] ? Float.NaN : x[(c * in.height() + y) * in.width() + xx];
            }
        }
        double cell = side / Math.max(size[0], size[1]);
        float range = conv.colour() ? facts.shiftedRange()[c] : facts.inputRange();
        GridBlock g = GridBlock.heat(size[0], size[1], cell, values, 0, range, tint(conv, c));
        for (int i = 0; i < values.length; i++) if (pad[i]) g.tint(i, Ink.PAD, 0.35);
        if (step.isPresent()) {
            int top = window[0] - at[0];
            int left = window[1] - at[1];
            boolean spread = w.dilationH() > 1 || w.dilationW() > 1;
            if (spread) {
                for (int i = 0; i < w.kernelH(); i++) {
                    for (int j = 0; j < w.kernelW(); j++) {
                        g.outline(top + i * w.dilationH(), left + j * w.dilationW(), 1, 1, Ink.WINDOW, 0.04, false, false);
                    }
                }
            }
            g.window(top, left, spanH(w), spanW(w), Ink.WINDOW, 0.1, spread, true, 0);
        }
        return g;
    }

    /** "input 224×224×3"; "relu: 112×112×64" for the output of the layer it reads (the padding shows in grey). */
    static String inputHeading(LayerConv conv) {
        String what = conv.readsInput() ? "input " : conv.pass().network().spec().layers().get(conv.source()).name() + ": ";
        return what + Notation.size(conv.input());
    }

    /**
     * The filter's output map so far: the engine's numbers, the current cell marked (and left empty while its value is
     * hidden); a click on a cell of a map that is not too large jumps to its step. The legend beneath.
     */
    static Block output(LayerStepper s, LayerFacts facts, boolean concealed, FrameActions actions) {
        Dims out = s.conv().output();
        float[] values = s.output();
        int current = s.position() - 1;
        if (concealed && current >= 0) values[current] = Float.NaN;
        GridBlock g = GridBlock.heat(out.height(), out.width(), SIDE / Math.max(out.height(), out.width()), values, 0,
                facts.outputRange(), Item.Tint.DIVERGING);
        if (current >= 0) g.marker(s.row(current), s.col(current), Ink.ACCENT);
        if (values.length <= CLICKABLE) {
            for (int i = 0; i < values.length; i++) {
                int step = i + 1;
                g.onClick(i, () -> actions.jumpTo(step));
            }
        }
        Block legend = Parts.legend(facts.outputRange(), Item.Tint.DIVERGING, v -> facts.style().format(v));
        return Blocks.column(0.35, Blocks.Align.START, Parts.heading("map " + Notation.of(s.conv().filter(), out.channels())
                + ", " + Notation.size(out.height(), out.width())), g, legend);
    }

    /**
     * Every channel's Σ w·x at this step: numbers for a few channels (in rows of three, each under its name), else a
     * grid of tints in rows of 8 or more; the channels shown in detail outlined; a click on a channel shows its page.
     * Empty before the first step and while hidden.
     */
    static Block sums(LayerStepper s, LayerFacts facts, Optional<ConvUnit> unit, boolean concealed, FrameActions actions) {
        LayerConv conv = s.conv();
        int n = conv.depth();
        float[] sums = new float[n];
        Arrays.fill(sums, Float.NaN);
        if (!concealed) unit.ifPresent(u -> {
            for (int c = 0; c < n; c++) sums[c] = u.channels().get(c).sum();
        });
        Block heading = Parts.heading("Σ w·x per channel");
        if (n > SUMS_AS_NUMBERS) {
            int cols = Math.min(n, Math.max(8, (int) Math.ceil(Math.sqrt(2.0 * n))));
            float[] cells = Arrays.copyOf(sums, Math.ceilDiv(n, cols) * cols);
            Arrays.fill(cells, n, cells.length, Float.NaN);
            GridBlock g = GridBlock.heat(cells.length / cols, cols, Math.min(1, SUMS_WIDTH / cols), cells, 0,
                    facts.sumRange(), Item.Tint.DIVERGING);
            for (int c = 0; c < n; c++) channelSum(s, g, c, cols, c, sums[c], facts, false, actions);
            return Blocks.column(0.2, Blocks.Align.START, heading, g);
        }
        List<Block> rows = new ArrayList<>();
        for (int first = 0; first < n; first += 3) {
            int count = Math.min(3, n - first);
            GridBlock g = GridBlock.numbers(1, count, facts.sumChars());
            List<Block> names = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int c = first + i;
                channelSum(s, g, i, count, c, sums[c], facts, true, actions);
                String name = conv.colour() ? conv.channelName(c) : String.valueOf(conv.firstChannel() + c + 1);
                names.add(Blocks.boxed(Blocks.text(name, Parts.HEADING, Item.Face.SANS_BOLD, Ink.MUTED, Item.Align.CENTER,
                        "heading", null), g.width() / count, 0, Blocks.Align.CENTER, Blocks.Align.START));
            }
            rows.add(Blocks.column(0.1, Blocks.Align.START, Blocks.row(0, Blocks.Align.START, names), g));
        }
        return Blocks.column(0.2, Blocks.Align.START, heading, Blocks.column(0.3, Blocks.Align.START, rows));
    }

    /**
     * Cell i of a grid of sums {@code cols} wide: channel c's Σ (a number, or a tint), its name on hover, a click
     * showing its page, an outline when it is shown in detail.
     */
    private static void channelSum(LayerStepper s, GridBlock g, int i, int cols, int c, float sum, LayerFacts facts,
                                   boolean number, FrameActions actions) {
        String name = s.conv().channelName(s.conv().firstChannel() + c);
        if (number && !Float.isNaN(sum)) {
            g.text(i, facts.style().format(sum), Ink.TEXT, "channel-sum");
            Parts.tint(g, i, sum, facts.sumRange(), Item.Tint.DIVERGING);
        }
        g.hover(i, Float.isNaN(sum) ? name : name + ": Σ w·x = " + NumberStyle.exactText(sum));
        g.onClick(i, () -> actions.view(s.withPage(s.pageOf(c))));
        if (s.shown().contains(c)) g.outline(i / cols, i % cols, 1, 1, Ink.ACCENT, number ? 0.1 : 0.06, false, false);
    }

    /** The numbers under the window in channel c of the filter (from 0, of its depth); padding taps grey. */
    static GridBlock underWindow(LayerStepper s, LayerFacts facts, int c, Optional<ConvUnit> unit) {
        Window w = s.conv().window();
        GridBlock g = GridBlock.numbers(w.kernelH(), w.kernelW(), facts.inputChars());
        Item.Tint tint = tint(s.conv(), s.conv().firstChannel() + c);
        unit.ifPresent(u -> {
            ChannelTerms t = u.channels().get(c);
            for (int i = 0; i < t.inputs().length; i++) {
                float v = t.inputs()[i];
                if (t.padding()[i]) {
                    g.text(i, "0", Ink.MUTED, "pad");
                    g.tint(i, Ink.PAD, 0.35);
                    continue;
                }
                g.text(i, facts.style().format(v), Ink.TEXT, "inset");
                int channel = s.conv().firstChannel() + c;
                if (tint == Item.Tint.DIVERGING) Parts.tint(g, i, v, facts.inputRange(), tint);
                else Parts.tint(g, i, v - facts.least()[channel], facts.shiftedRange()[channel], tint);
                String hover = Parts.hover(facts.style(), v);
                if (hover != null) g.hover(i, hover);
            }
        });
        g.outline(0, 0, w.kernelH(), w.kernelW(), Ink.WINDOW, 0.14, false, true);
        return g;
    }
}
