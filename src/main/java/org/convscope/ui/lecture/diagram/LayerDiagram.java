package org.convscope.ui.lecture.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.convscope.engine.explain.UnitExplanation.ChannelTerms;
import org.convscope.engine.explain.UnitExplanation.ConvUnit;
import org.convscope.engine.spec.Window;
import org.convscope.lecture.LayerConv;
import org.convscope.lecture.LayerStepper;
import org.convscope.lecture.Notation;
import org.convscope.lecture.NumberStyle;

/**
 * A real network's filter over its layer's real input. The maps: each channel shown in detail whole (the window's
 * place on it) and close up (following the window), every channel's Σ when there are more than a page, the output map
 * so far. The arithmetic: per channel shown, the numbers under the window × the filter's weights = the products, and
 * their Σ; the bias; the sum line with the engine's output. Several arrangements, the view taking the one that comes
 * out largest: the maps above the arithmetic (a channel's whole map and close-up side by side, or one over the other;
 * a channel's arithmetic in one row, or folded in two with the products under the weights), or the maps beside the
 * arithmetic, channels in columns. In predict mode the sums, the sum line's result and the current output cell are
 * hidden.
 */
final class LayerDiagram {
    private LayerDiagram() {}

    static List<Diagram> arrangements(LayerStepper s, boolean concealed, FrameActions actions) {
        Pieces parts = new Pieces(s, LayerFacts.of(s), s.current(), concealed, actions);
        List<Diagram> arrangements = new ArrayList<>(List.of(Sketch.of(parts.above(false), 0.5),
                Sketch.of(parts.above(true), 0.5), Sketch.of(parts.beside(), 0.5)));
        if (s.perPage() == 1) arrangements.add(Sketch.of(parts.corner(), 0.5));
        return arrangements;
    }

    /** The blocks of one step, each made once and placed in every arrangement. */
    private static final class Pieces {
        private final LayerStepper s;
        private final LayerFacts facts;
        private final Optional<ConvUnit> unit;
        private final boolean concealed;
        private final List<Integer> shown;
        private final List<Block> labels = new ArrayList<>();
        /** Per channel shown: the whole map (or, for a small input, the whole padded map with the window). */
        private final List<Block> wholes = new ArrayList<>();
        /** Per channel shown: the close-up as high as the arithmetic's grids, or null when the whole map is small. */
        private final List<Block> closes = new ArrayList<>();
        /** Per channel shown: whole map and close-up side by side, for the arrangement with the maps beside. */
        private final List<Block> pairs = new ArrayList<>();
        private final List<Block> under = new ArrayList<>();
        private final List<Block> kernels = new ArrayList<>();
        private final List<Block> products = new ArrayList<>();
        private final List<Block> sums = new ArrayList<>();
        private final Block summary;
        private final Block output;

        Pieces(LayerStepper s, LayerFacts facts, Optional<ConvUnit> unit, boolean concealed, FrameActions actions) {
            this.s = s;
            this.facts = facts;
            this.unit = unit;
            this.concealed = concealed;
            shown = s.shown();
            LayerConv conv = s.conv();
            Optional<Integer> step = s.position() == 0 ? Optional.empty() : Optional.of(s.position() - 1);
            boolean small = LayerMaps.fitsClose(conv);
            double rowSide = Math.max(3, conv.window().kernelH());
            for (int c : shown) {
                int channel = conv.firstChannel() + c;
                labels.add(Parts.label(conv.channelName(channel)));
                Block whole = small ? LayerMaps.close(s, facts, channel, step, LayerMaps.SIDE)
                        : LayerMaps.whole(s, facts, channel, step);
                wholes.add(whole);
                closes.add(small ? null : LayerMaps.close(s, facts, channel, step, rowSide));
                pairs.add(small ? whole : Blocks.row(Parts.GAP, Blocks.Align.START, whole,
                        LayerMaps.close(s, facts, channel, step, LayerMaps.SIDE)));
                under.add(LayerMaps.underWindow(s, facts, c, unit));
                kernels.add(kernel(c));
                products.add(products(c));
                sums.add(channelSum(c));
            }
            summary = s.summarised() ? LayerMaps.sums(s, facts, unit, concealed, actions) : null;
            output = LayerMaps.output(s, facts, concealed, actions);
        }

        private NumberStyle style() {
            return facts.style();
        }

        private Window window() {
            return s.conv().window();
        }

        /** Channel c (of the filter's depth) of the trained weights. */
        private Block kernel(int c) {
            Window w = window();
            int taps = w.kernelH() * w.kernelW();
            GridBlock g = GridBlock.numbers(w.kernelH(), w.kernelW(), facts.kernelChars());
            for (int i = 0; i < taps; i++) {
                float v = s.conv().weights()[c * taps + i];
                g.text(i, style().format(v), Ink.TEXT, "kernel");
                Parts.tint(g, i, v, facts.kernelRange(), Item.Tint.DIVERGING);
                String hover = Parts.hover(style(), v);
                if (hover != null) g.hover(i, hover);
            }
            return g;
        }

        /** Channel c's products w·x, blank before the first step. */
        private Block products(int c) {
            Window w = window();
            GridBlock g = GridBlock.numbers(w.kernelH(), w.kernelW(), facts.productChars());
            unit.ifPresent(u -> {
                float[] p = u.channels().get(c).products();
                for (int i = 0; i < p.length; i++) {
                    g.text(i, style().format(p[i]), Ink.TEXT, "product");
                    Parts.tint(g, i, p[i], facts.productRange(), Item.Tint.DIVERGING);
                    String hover = Parts.hover(style(), p[i]);
                    if (hover != null) g.hover(i, hover);
                }
            });
            return g;
        }

        /** "Σ ≈ 1.23" under channel c's products (the exact sum on hover); "Σ = ?" while hidden. */
        private Block channelSum(int c) {
            String reserve = "Σ ≈ " + "0".repeat(facts.sumChars());
            if (unit.isEmpty()) return Parts.sum("", reserve, Ink.TEXT);
            if (concealed) return Parts.sum("Σ = ?", reserve, Ink.TEXT);
            ChannelTerms t = unit.get().channels().get(c);
            double[] terms = new double[t.products().length];
            for (int i = 0; i < terms.length; i++) terms[i] = t.products()[i];
            boolean exact = style().addsUp(terms, t.sum());
            return Parts.sum("Σ " + (exact ? "=" : "≈") + " " + style().format(t.sum()),
                    reserve, Ink.TEXT, exact ? null : "exactly " + NumberStyle.exactText(t.sum()));
        }

        /** "b = 0.05": the filter's trained bias. */
        private Block bias() {
            GridBlock g = GridBlock.numbers(1, 1, facts.kernelChars());
            float b = s.conv().bias();
            g.text(0, style().format(b), Ink.TEXT, "bias");
            String hover = Parts.hover(style(), b);
            if (hover != null) g.hover(0, hover);
            return Blocks.row(0.3, Blocks.Align.CENTER, Parts.label("b ="), g);
        }

        /** "ΣR + ΣG + ΣB + b = 0.52 + (−1.3) + 0.07 + 0.1 ≈ −0.61", the result hidden in predict mode. */
        private Block sumLine() {
            List<String> names = s.termNames();
            String head = String.join(" + ", names) + " = ";
            String widest = "(" + "0".repeat(Math.max(Math.max(facts.sumChars(), facts.totalChars()), facts.kernelChars())) + ")";
            String reserve = head + String.join(" + ", Collections.nCopies(names.size(), widest)) + " ≈ "
                    + "0".repeat(facts.outputChars());
            String text = unit.map(u -> head + (concealed ? "?" : s.arithmetic(u,
                    s.conv().engineOutput(s.row(s.position() - 1), s.col(s.position() - 1))))).orElse("");
            return Parts.sum(text, reserve, Ink.ACCENT);
        }

        private String filterHeading() {
            return "filter " + Notation.of(s.conv().filter(), s.conv().spec().filters()) + ": " + s.kernelSize();
        }

        private static Block over(String heading) {
            return new Blocks.Overhang(Parts.heading(heading));
        }

        private static Block heading(String text) {
            return Parts.heading(text);
        }

        /** The input's heading over every shown channel's whole map under its name, then the Σs and the output map. */
        private Block band() {
            List<Block> channels = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                channels.add(Blocks.column(0.2, Blocks.Align.START, labels.get(i), wholes.get(i)));
            }
            Block inputs = Blocks.column(0.2, Blocks.Align.START, heading(LayerMaps.inputHeading(s.conv())),
                    Blocks.row(Parts.GAP, Blocks.Align.START, channels));
            return Blocks.row(1, Blocks.Align.START, inputs, summary, output);
        }

        /**
         * The whole maps in a band over the arithmetic and the sum line. Per channel one row: the close-up, the numbers
         * under the window × the weights = the products, Σ; or, folded, two rows, the products under the weights.
         */
        Block above(boolean folded) {
            List<List<Block>> table = new ArrayList<>();
            if (folded) {
                table.add(Arrays.asList(null, null, over("under the window"), null, over(filterHeading())));
                for (int i = 0; i < shown.size(); i++) {
                    table.add(Arrays.asList(labels.get(i), closes.get(i), under.get(i), operator("×"), kernels.get(i)));
                    table.add(Arrays.asList(null, null, null, operator("="), Blocks.row(Parts.GAP, Blocks.Align.CENTER,
                            products.get(i), sums.get(i))));
                }
                table.add(Arrays.asList(null, null, null, null, bias()));
            } else {
                table.add(Arrays.asList(null, null, over("under the window"), null, over(filterHeading()), null,
                        over("products w·x"), null));
                for (int i = 0; i < shown.size(); i++) {
                    table.add(Arrays.asList(labels.get(i), closes.get(i), under.get(i), operator("×"), kernels.get(i),
                            operator("="), products.get(i), sums.get(i)));
                }
                table.add(Arrays.asList(null, null, null, null, bias(), null, null, null));
            }
            Block arithmetic = Blocks.table(table, Parts.GAP, 0.4, Blocks.Align.START, Blocks.Align.CENTER);
            return Blocks.column(0.6, Blocks.Align.START, band(), arithmetic, sumLine());
        }

        /**
         * For one channel in detail: its close-up, the numbers under the window × the weights in a row, the products and
         * Σ under the weights, and the maps (whole map, Σs, output) in the corner under the numbers.
         */
        Block corner() {
            List<List<Block>> table = new ArrayList<>();
            table.add(Arrays.asList(null, null, over("under the window"), null, over(filterHeading())));
            table.add(Arrays.asList(labels.getFirst(), closes.getFirst(), under.getFirst(), operator("×"), kernels.getFirst()));
            table.add(Arrays.asList(new Blocks.Overhang(band()), null, null, operator("="),
                    Blocks.column(0.2, Blocks.Align.START, products.getFirst(), sums.getFirst())));
            table.add(Arrays.asList(null, null, null, null, bias()));
            Block arithmetic = Blocks.table(table, Parts.GAP, 0.4, Blocks.Align.START, Blocks.Align.CENTER);
            return Blocks.column(0.6, Blocks.Align.START, arithmetic, sumLine());
        }

        /** The maps in a column at the left, the arithmetic in one column per channel, Σs and output at the right. */
        Block beside() {
            double[] widths = new double[shown.size()];
            List<Block> columnProducts = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                columnProducts.add(Blocks.column(0.2, Blocks.Align.START, products.get(i), sums.get(i)));
                widths[i] = Math.max(Math.max(labels.get(i).width(), under.get(i).width()),
                        Math.max(kernels.get(i).width(), columnProducts.get(i).width()));
            }
            Block arithmetic = Blocks.column(0.35, Blocks.Align.START, heading("under the window"),
                    spread(labels, widths), spread(under, widths), heading("× " + filterHeading()), spread(kernels, widths),
                    bias(), heading("= products w·x"), spread(columnProducts, widths));
            List<Block> maps = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) maps.add(Blocks.column(0.2, Blocks.Align.START, labels.get(i), pairs.get(i)));
            Block inputs = Blocks.column(0.4, Blocks.Align.START, heading(LayerMaps.inputHeading(s.conv())),
                    Blocks.column(0.4, Blocks.Align.START, maps));
            Block right = Blocks.column(0.8, Blocks.Align.START, summary, output);
            Block top = Blocks.row(1, Blocks.Align.START, inputs, arithmetic, right);
            return Blocks.column(0.6, Blocks.Align.START, top, sumLine());
        }

        private static Block operator(String symbol) {
            return Parts.operator(symbol);
        }

        private static Block spread(List<Block> blocks, double[] widths) {
            List<Block> boxed = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                boxed.add(Blocks.boxed(blocks.get(i), widths[i], 0, Blocks.Align.START, Blocks.Align.START));
            }
            return Blocks.row(Parts.GAP, Blocks.Align.START, boxed);
        }
    }
}
