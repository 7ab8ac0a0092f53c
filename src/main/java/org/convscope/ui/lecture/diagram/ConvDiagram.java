package org.convscope.ui.lecture.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.convscope.lecture.ConvSetup;
import org.convscope.lecture.ConvStep;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.Notation;
import org.convscope.lecture.NumberStyle;
import org.convscope.lecture.Volume;

/**
 * A convolution's diagram: per input channel (R, G, B for three), the input with the window, the filter's matching
 * channel, their products and the channel's sum Σ; the bias; the sum line adding it all up; the output so far. Two
 * arrangements: channels in rows (the classic picture, wide) and channels in columns (tall), the view taking the one
 * that comes out larger. In predict mode the current cell, the sums and the sum line's result are hidden.
 */
final class ConvDiagram {
    private ConvDiagram() {}

    static List<Diagram> arrangements(ConvStepper s, boolean concealed, FrameActions actions) {
        ConvFacts facts = ConvFacts.of(s);
        Step parts = new Step(s, facts, concealed, actions);
        ConvOutput.Pieces output = ConvOutput.of(s, facts, concealed, actions);
        Block rows = s.setup().depth() == 1 ? parts.oneRow(output)
                : Blocks.row(Parts.GAP, Blocks.Align.START, parts.channelsInRows(), output.withArrow());
        Block columns = Blocks.row(Parts.GAP, Blocks.Align.START, parts.channelsInColumns(), output.withArrow());
        return List.of(Sketch.of(rows, 0.5), Sketch.of(columns, 0.5));
    }

    /** The blocks of one step of one convolution. */
    private record Step(ConvStepper stepper, ConvFacts facts, boolean concealed, FrameActions actions) {
        ConvSetup setup() {
            return stepper.setup();
        }

        Optional<ConvStep> step() {
            return stepper.current();
        }

        int filter() {
            return step().map(ConvStep::filter).orElse(0);
        }

        NumberStyle style() {
            return facts.style();
        }

        String channelLabel(int c) {
            return setup().depth() == 1 ? "" : Notation.channel(c, setup().depth());
        }

        String filterHeading() {
            int k = setup().kernel();
            String size = Notation.size(k, k, setup().depth());
            int n = setup().filters().size();
            return n == 1 ? "filter " + size : "filter " + Notation.of(filter(), n) + ": " + size;
        }

        /** Channel c of the current filter; a click on a cell types a new weight. */
        Block kernel(int c) {
            int k = setup().kernel();
            int f = filter();
            Volume filter = setup().filters().get(f);
            GridBlock g = GridBlock.numbers(k, k, facts.kernelChars());
            for (int i = 0; i < k * k; i++) {
                int index = c * k * k + i;
                float w = filter.values()[index];
                String text = style().format(w);
                g.text(i, text, Ink.TEXT, "kernel");
                Parts.tint(g, i, w, facts.kernelRange(), Item.Tint.DIVERGING);
                g.onEdit(i, text, Parts.typed(v -> actions.edit(new ConvStepper(setup().withFilterValue(f, index, v),
                        stepper.position()))));
                String hover = Parts.hover(style(), w);
                if (hover != null) g.hover(i, hover);
            }
            return g;
        }

        /** The bias of the current filter, typed into like a weight. */
        Block bias() {
            int f = filter();
            float b = setup().bias()[f];
            GridBlock g = GridBlock.numbers(1, 1, facts.kernelChars());
            String text = style().format(b);
            g.text(0, text, Ink.TEXT, "bias");
            g.onEdit(0, text, Parts.typed(v -> actions.edit(new ConvStepper(setup().withBias(f, v), stepper.position()))));
            return Blocks.row(0.3, Blocks.Align.CENTER, Parts.label("b ="), g);
        }

        /** Channel c's products w·x, blank before the first step. */
        Block products(int c) {
            int k = setup().kernel();
            GridBlock g = GridBlock.numbers(k, k, facts.productChars());
            step().ifPresent(st -> {
                for (int i = 0; i < k * k; i++) {
                    float p = st.products()[c * k * k + i];
                    g.text(i, style().format(p), Ink.TEXT, "product");
                    Parts.tint(g, i, p, facts.productRange(), Item.Tint.DIVERGING);
                    String hover = Parts.hover(style(), p);
                    if (hover != null) g.hover(i, hover);
                }
            });
            return g;
        }

        /**
         * "Σ = 4" under channel c's products; "Σ ≈ 4.3" when the products as shown do not add up to it (the exact sum
         * on hover); "Σ = ?" in predict mode.
         */
        Block channelSum(int c) {
            String reserve = "Σ ≈ " + "0".repeat(facts.sumChars());
            if (step().isEmpty()) return Parts.sum("", reserve, Ink.TEXT);
            ConvStep st = step().get();
            if (concealed) return Parts.sum("Σ = ?", reserve, Ink.TEXT);
            int k2 = setup().kernel() * setup().kernel();
            double[] products = new double[k2];
            for (int i = 0; i < k2; i++) products[i] = st.products()[c * k2 + i];
            float sum = st.channelSums()[c];
            boolean exact = style().addsUp(products, sum);
            return Parts.sum("Σ " + (exact ? "=" : "≈") + " " + style().format(sum), reserve, Ink.TEXT,
                    exact ? null : "exactly " + NumberStyle.exactText(sum));
        }

        /** "ΣR + ΣG + ΣB + b = 64 + 64 + 635 + 0 = 763", the result hidden in predict mode. */
        Block sumLine() {
            int depth = setup().depth();
            String names = String.join(" + ", ConvStepper.termNames(depth)) + " = ";
            String widest = "(" + "0".repeat(Math.max(facts.sumChars(), facts.kernelChars())) + ")";
            String reserve = names + String.join(" + ", java.util.Collections.nCopies(depth + 1, widest)) + " ≈ "
                    + "0".repeat(facts.outputChars());
            String text = step().map(st -> names + (concealed ? "?" : stepper.arithmetic(st))).orElse("");
            return Parts.sum(text, reserve, Ink.ACCENT);
        }

        /** One channel in one row, the classic picture: input × filter = products → output; b and Σ beneath. */
        Block oneRow(ConvOutput.Pieces output) {
            List<List<Block>> table = new ArrayList<>();
            table.add(java.util.Arrays.asList(over(ConvInput.heading(setup())), null, over(filterHeading()), null,
                    over("products w·x"), null, new Blocks.Overhang(output.heading())));
            table.add(List.of(ConvInput.of(setup(), facts, 0, step()), Parts.operator("×"), kernel(0), Parts.operator("="),
                    products(0), Parts.operator("→"), output.maps()));
            table.add(java.util.Arrays.asList(null, null, bias(), null, channelSum(0), null, null));
            Block grid = Blocks.table(table, Parts.GAP, 0.4, Blocks.Align.START, Blocks.Align.CENTER);
            return Blocks.column(0.5, Blocks.Align.START, grid, sumLine());
        }

        private static Block over(String heading) {
            return new Blocks.Overhang(Parts.heading(heading));
        }

        /** Channels in rows: R: input × filter = products Σ; then b and the sum line. */
        Block channelsInRows() {
            int depth = setup().depth();
            List<List<Block>> table = new ArrayList<>();
            table.add(java.util.Arrays.asList(null, over(ConvInput.heading(setup())), null, over(filterHeading()), null,
                    over("products w·x"), null));
            for (int c = 0; c < depth; c++) {
                table.add(List.of(Parts.label(channelLabel(c)), ConvInput.of(setup(), facts, c, step()),
                        Parts.operator("×"), kernel(c), Parts.operator("="), products(c), channelSum(c)));
            }
            table.add(java.util.Arrays.asList(null, null, null, bias(), null, null, null));
            Block grid = Blocks.table(table, Parts.GAP, 0.4, Blocks.Align.START, Blocks.Align.CENTER);
            return Blocks.column(0.5, Blocks.Align.START, grid, sumLine());
        }

        /** Channels in columns: inputs side by side, the filter's channels under them, then the products. */
        Block channelsInColumns() {
            int depth = setup().depth();
            List<Block> labels = new ArrayList<>();
            List<Block> inputs = new ArrayList<>();
            List<Block> kernels = new ArrayList<>();
            List<Block> products = new ArrayList<>();
            double[] widths = new double[depth];
            for (int c = 0; c < depth; c++) {
                labels.add(Parts.label(channelLabel(c)));
                inputs.add(ConvInput.of(setup(), facts, c, step()));
                kernels.add(kernel(c));
                products.add(Blocks.column(0.2, Blocks.Align.START, products(c), channelSum(c)));
                widths[c] = Math.max(Math.max(labels.get(c).width(), inputs.get(c).width()),
                        Math.max(kernels.get(c).width(), products.get(c).width()));
            }
            return Blocks.column(0.35, Blocks.Align.START,
                    Parts.heading(ConvInput.heading(setup())), depth > 1 ? spread(labels, widths) : null,
                    spread(inputs, widths), Parts.heading("× " + filterHeading()), spread(kernels, widths), bias(),
                    Parts.heading("= products w·x"), spread(products, widths), sumLine());
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
