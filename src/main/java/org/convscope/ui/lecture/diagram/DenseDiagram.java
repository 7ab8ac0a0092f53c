package org.convscope.ui.lecture.diagram;

import java.util.List;
import org.convscope.lecture.DenseStepper;
import org.convscope.lecture.Notation;
import org.convscope.lecture.NumberStyle;

/**
 * One fully connected neuron with its connections drawn: each input x times its weight w gives a product, a line from
 * each product to the neuron (blue for a negative weight, red for a positive one, as thick as the weight is large;
 * the current one highlighted, those not added yet dashed), Σ w·x before the bias, then + b and y. Inputs, weights
 * and the bias can be typed into; the neuron can be changed with the row of numbers above.
 */
final class DenseDiagram {
    private static final double ROW_GAP = 0.25;
    private static final double RADIUS = 1.3;
    private static final double SPAN = 4;

    private DenseDiagram() {}

    static List<Diagram> arrangements(DenseStepper s, boolean concealed, FrameActions actions) {
        NumberStyle style = s.numberStyle();
        int n = s.inputs().length;
        float[] w = new float[n];
        float[] p = new float[n];
        float[] shown = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = s.weight(i);
            p[i] = s.product(i);
            shown[i] = i < s.position() ? p[i] : Float.NaN;
        }
        int current = s.atEnd() ? -1 : s.position() - 1;
        float wRange = Parts.range(s.weights());
        float xRange = Parts.range(s.inputs());
        float pRange = Parts.range(p);
        int chars = Math.max(Parts.chars(style, s.inputs()), Parts.chars(style, s.weights()));
        GridBlock[] xs = new GridBlock[n];
        GridBlock[] ws = new GridBlock[n];
        GridBlock[] ps = new GridBlock[n];
        int pChars = Parts.chars(style, p);
        for (int i = 0; i < n; i++) {
            int index = i;
            xs[i] = GridBlock.numbers(1, 1, chars);
            ws[i] = GridBlock.numbers(1, 1, chars);
            ps[i] = GridBlock.numbers(1, 1, pChars);
            editable(xs[i], s.inputs()[i], style, xRange, v -> actions.edit(s.withInput(index, v)));
            editable(ws[i], w[i], style, wRange, v -> actions.edit(s.withWeight(index, v)));
            if (!Float.isNaN(shown[i])) {
                boolean hidden = concealed && i == current;
                ps[i].text(0, hidden ? "?" : style.format(p[i]), hidden ? Ink.ACCENT : Ink.TEXT,
                        i == current ? "current" : "product");
                if (!hidden) Parts.tint(ps[i], 0, p[i], pRange, Item.Tint.DIVERGING);
            }
            if (i == current) {
                xs[i].outline(0, 0, 1, 1, Ink.WINDOW, 0.14, false, false);
                ws[i].outline(0, 0, 1, 1, Ink.WINDOW, 0.14, false, false);
                ps[i].outline(0, 0, 1, 1, Ink.ACCENT, 0.16, false, true);
            }
        }
        GridBlock b = GridBlock.numbers(1, 1, chars);
        editable(b, s.bias()[s.neuron()], style, wRange, v -> actions.edit(s.withBias(v)));
        GridBlock neurons = GridBlock.numbers(1, s.units(), String.valueOf(s.units()).length());
        for (int u = 0; u < s.units(); u++) {
            int unit = u;
            neurons.text(u, String.valueOf(u + 1), u == s.neuron() ? Ink.ACCENT : Ink.MUTED, "neuron");
            neurons.onClick(u, () -> actions.edit(s.withNeuron(unit)));
        }
        neurons.outline(0, s.neuron(), 1, 1, Ink.ACCENT, 0.14, false, false);
        Block heading = Blocks.row(0.4, Blocks.Align.CENTER, Parts.heading("neuron " + Notation.of(s.neuron(), s.units())
                + ":  y = Σ w·x + b"), Parts.heading("   neurons:"), neurons);
        String reserveSum = "Σ w·x = " + "0".repeat(Parts.chars(style, new float[] {Parts.range(p) * n}) + 3);
        String sumText = s.atStart() ? "" : "Σ w·x = " + (concealed && !s.atEnd() ? "?" : style.format(s.weightedSum()));
        String yText = s.atEnd() ? "y = " + (concealed ? "?" : style.format(s.sum())) : "y =";
        Block net = network(s, xs, ws, ps, w, wRange, current, Parts.sum(sumText, reserveSum, Ink.TEXT),
                Blocks.row(0.3, Blocks.Align.CENTER, Parts.label("+ b"), b),
                Parts.sum(yText, "y = " + "0".repeat(chars + 4), Ink.ACCENT));
        return List.of(Sketch.of(Blocks.column(0.6, Blocks.Align.START, heading, net), 0.5));
    }

    /** A one-cell grid that shows v and takes a typed number. */
    private static void editable(GridBlock g, float v, NumberStyle style, float range,
                                 java.util.function.Consumer<Float> take) {
        String text = style.format(v);
        g.text(0, text, Ink.TEXT, "cell");
        Parts.tint(g, 0, v, range, Item.Tint.DIVERGING);
        g.onEdit(0, text, Parts.typed(take));
        String hover = Parts.hover(style, v);
        if (hover != null) g.hover(0, hover);
    }

    /** x × w = w·x per row, the lines to the neuron, the neuron, and what leaves it. */
    private static Block network(DenseStepper s, GridBlock[] xs, GridBlock[] ws, GridBlock[] ps, float[] w,
                                 float wRange, int current, Block sum, Block bias, Block y) {
        int n = w.length;
        double op = 1.2;
        double cellX = xs[0].width();
        double cellW = ws[0].width();
        double cellP = ps[0].width();
        double rowsHeight = n + (n - 1) * ROW_GAP;
        double left = cellX + op + cellW + op + cellP;
        double after = Math.max(Math.max(sum.width(), bias.width()), y.width());
        double width = left + SPAN + 2 * RADIUS + Parts.GAP + after;
        double head = 1.2;
        double height = head + Math.max(rowsHeight, 2 * RADIUS + 2 * (sum.height() + 0.3));
        return Blocks.of(width, height, (sk, x, top) -> {
            double y0 = top + head;
            text(sk, x + cellX / 2, top + 0.5, "x");
            text(sk, x + cellX + op + cellW / 2, top + 0.5, "w");
            text(sk, x + left - cellP / 2, top + 0.5, "w·x");
            double cx = x + left + SPAN + RADIUS;
            double cy = y0 + Math.max(rowsHeight, 2 * RADIUS + 2 * (sum.height() + 0.3)) / 2;
            for (int i = 0; i < n; i++) {
                double ry = y0 + i * (1 + ROW_GAP);
                xs[i].draw(sk, x, ry);
                operator(sk, x + cellX + op / 2, ry + 0.5, "×");
                ws[i].draw(sk, x + cellX + op, ry);
                operator(sk, x + cellX + op + cellW + op / 2, ry + 0.5, "=");
                ps[i].draw(sk, x + left - cellP, ry);
                boolean added = i < s.position();
                Ink ink = i == current ? Ink.ACCENT : added ? (w[i] < 0 ? Ink.NEGATIVE : Ink.POSITIVE) : Ink.GRID;
                double thick = i == current ? 0.2 : 0.04 + 0.14 * (wRange > 0 ? Math.abs(w[i]) / wRange : 0);
                sk.add(new Item.Line(x + left + 0.1, ry + 0.5, cx - RADIUS, cy, ink, thick, !added));
            }
            sk.add(new Item.Disc(cx, cy, RADIUS, Ink.BACKGROUND, 1, Ink.TEXT));
            sk.add(new Item.Text(cx, cy, "Σ", 1.2, Item.Face.SANS_BOLD, Ink.TEXT, Item.Align.CENTER, "neuron"));
            sum.draw(sk, cx - RADIUS, cy + RADIUS + 0.3);
            double right = cx + RADIUS + Parts.GAP;
            sk.add(new Item.Line(cx + RADIUS, cy, right - 0.1, cy, Ink.TEXT, 0.08, false));
            bias.draw(sk, right, cy - bias.height() - 0.3);
            y.draw(sk, right, cy + 0.1);
        });
    }

    private static void text(Sketch sk, double x, double y, String text) {
        sk.add(new Item.Text(x, y, text, Parts.HEADING, Item.Face.SANS_BOLD, Ink.MUTED, Item.Align.CENTER, "heading"));
    }

    private static void operator(Sketch sk, double x, double y, String symbol) {
        sk.add(new Item.Text(x, y, symbol, 0.8, Item.Face.SANS, Ink.MUTED, Item.Align.CENTER, "operator"));
    }
}
