package org.convscope.ui.lecture.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convscope.lecture.NumberStyle;
import org.convscope.lecture.SoftmaxStepper;

/**
 * Softmax as a table and a bar chart: per class the logit z (typed into), e^z, and p = e^z / Σ e^z with its bar, the
 * sum of the exponentials under their column. Exponentials and probabilities are rounded to three decimals (hover for
 * every digit); in predict mode the current one, and its bar, stay hidden.
 */
final class SoftmaxDiagram {
    /** Length of the bar of probability 1, in units. */
    private static final double BAR = 8;

    private SoftmaxDiagram() {}

    static List<Diagram> arrangements(SoftmaxStepper s, boolean concealed, FrameActions actions) {
        int n = s.logits().length;
        NumberStyle zStyle = s.logitStyle();
        NumberStyle rounded = SoftmaxStepper.ROUNDED;
        float[] exps = new float[n];
        float[] probs = new float[n];
        for (int i = 0; i < n; i++) {
            exps[i] = (float) s.exp(i);
            probs[i] = (float) s.probability(i);
        }
        int expChars = Parts.chars(rounded, exps);
        int zChars = Parts.chars(zStyle, s.logits());
        int pos = s.position();
        int currentExp = pos >= 1 && pos <= n ? pos - 1 : -1;
        int currentProb = pos >= n + 2 ? pos - n - 2 : -1;
        float zRange = Parts.range(s.logits());
        List<List<Block>> rows = new ArrayList<>();
        rows.add(java.util.Arrays.asList(over("class"), over("z"), null, over("e^z"), null, over("p = e^z / Σ e^z"), null));
        for (int i = 0; i < n; i++) {
            int index = i;
            GridBlock z = GridBlock.numbers(1, 1, zChars);
            String zText = zStyle.format(s.logits()[i]);
            z.text(0, zText, Ink.TEXT, "cell");
            Parts.tint(z, 0, s.logits()[i], zRange, Item.Tint.DIVERGING);
            z.onEdit(0, zText, Parts.typed(v -> actions.edit(s.withLogit(index, v))));
            GridBlock e = GridBlock.numbers(1, 1, expChars);
            if (s.hasExp(i)) shown(e, i == currentExp, concealed, rounded.format(exps[i]), s.exp(i));
            e.onClick(0, () -> actions.jumpTo(index + 1));
            GridBlock p = GridBlock.numbers(1, 1, 5);
            boolean revealed = s.hasProbability(i) && !(concealed && i == currentProb);
            if (s.hasProbability(i)) shown(p, i == currentProb, concealed, rounded.format(probs[i]), s.probability(i));
            p.onClick(0, () -> actions.jumpTo(n + 2 + index));
            rows.add(List.of(Blocks.text(String.valueOf(i + 1), Parts.LABEL, Item.Face.MONO, Ink.MUTED, "label"), z,
                    Parts.operator("→"), e, Parts.operator("→"), p, bar(revealed ? probs[i] : Float.NaN, i == currentProb)));
        }
        Block table = Blocks.table(rows, Parts.GAP, 0.3, Blocks.Align.START, Blocks.Align.CENTER);
        String sumText = !s.hasSum() ? "" : concealed && pos == n + 1 ? "Σ e^z = ?" : "Σ e^z ≈ " + rounded.format(s.sum());
        Block sum = Parts.sum(sumText, "Σ e^z ≈ " + "0".repeat(Parts.chars(rounded, new float[] {(float) s.sum()})),
                Ink.ACCENT, s.hasSum() && !(concealed && pos == n + 1) ? "exactly " + NumberStyle.exactText(s.sum()) : null);
        return List.of(Sketch.of(Blocks.column(0.6, Blocks.Align.START, table, sum), 0.5));
    }

    private static Block over(String heading) {
        return new Blocks.Overhang(Parts.heading(heading));
    }

    /** A computed cell: its rounded value (hover: every digit), or "?" while it is to be predicted. */
    private static void shown(GridBlock g, boolean current, boolean concealed, String text, double exact) {
        boolean hidden = current && concealed;
        g.text(0, hidden ? "?" : text, hidden ? Ink.ACCENT : Ink.TEXT, current ? "current" : "output");
        if (!hidden) g.hover(0, "exactly " + NumberStyle.exactText(exact));
        if (current) g.outline(0, 0, 1, 1, Ink.ACCENT, 0.16, false, true);
    }

    /** A bar as long as the probability, with it in per cent; empty while not computed. */
    private static Block bar(float p, boolean current) {
        String label = Float.isNaN(p) ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * p);
        double labelWidth = Parts.SUM * (Measure.width("100.0%", Item.Face.MONO) + 0.3);
        return Blocks.of(BAR + labelWidth, 1, (sk, x, y) -> {
            sk.add(new Item.Outline(new Rect(x, y + 0.15, BAR, 0.7), Ink.GRID, 0.03, false));
            if (Float.isNaN(p)) return;
            sk.add(new Item.Fill(new Rect(x, y + 0.15, BAR * p, 0.7), current ? Ink.ACCENT : Ink.POSITIVE, 0.8));
            sk.add(new Item.Text(x + BAR + 0.3, y + 0.5, label, Parts.SUM, Item.Face.MONO, Ink.TEXT, Item.Align.LEFT, "bar"));
        });
    }
}
