package org.convscope.ui.explorer.inspector;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convscope.engine.explain.UnitExplanation;
import org.convscope.engine.explain.UnitExplanation.ChannelTerms;
import org.convscope.engine.explain.UnitExplanation.ConvUnit;
import org.convscope.ui.view.ColorMap;

/**
 * A conv unit: which input channels its filter sees (grouped and depthwise convolutions see a few, or one); per input
 * channel the weights, the inputs under them and their products, then the sums. A filter over more than
 * {@value #PAGE} channels shows them a page at a time, the channels that move the unit most first, and its ledger
 * lists the {@value #PAGE} largest shares and the rest as one sum.
 */
final class ConvSection implements Section {
    static final int PAGE = 8;
    /** The room an operator (× or =) takes before its grid until measured, and the gap on a line (CSS hgap). */
    private static final double OPERATOR_WIDTH = 14;
    private static final double GAP = 3;
    private final VBox box = new VBox();
    private final ConvUnit conv; // the first unit shown: its layer's kernel size
    private final String inputName;
    private final ChannelView[] channels;
    private final Ledger ledger = new Ledger();
    private final Label sees = Ledger.label("", "subtitle");
    private final Label pageLabel = Ledger.label("", "page-label");
    private final Button previousPage = new Button("◀");
    private final Button nextPage = new Button("▶");
    private final int pages;
    private int page;
    private ConvUnit shown;

    /** For the units of the layer of {@code conv}, fed by the layer called {@code inputName}. */
    ConvSection(ConvUnit conv, String inputName) {
        this.conv = conv;
        this.inputName = inputName;
        box.getStyleClass().add("section");
        sees.setWrapText(true);
        sees.setMinWidth(0);
        sees.setId("inspector-sees");
        box.getChildren().add(sees);
        int n = conv.channels().size();
        pages = (n + PAGE - 1) / PAGE;
        if (pages > 1) {
            previousPage.setId("inspector-previous-page");
            nextPage.setId("inspector-next-page");
            pageLabel.setId("inspector-page");
            previousPage.setOnAction(e -> turn(-1));
            nextPage.setOnAction(e -> turn(1));
            HBox pager = new HBox(6, previousPage, pageLabel, nextPage);
            pager.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.getChildren().add(pager);
        }
        channels = new ChannelView[Math.min(n, PAGE)];
        for (int c = 0; c < channels.length; c++) {
            ChannelTerms t = conv.channels().get(c);
            channels[c] = new ChannelView(t.height(), t.width());
            box.getChildren().add(channels[c].block);
        }
        box.getChildren().add(ledger);
    }

    @Override
    public Node node() {
        return box;
    }

    /**
     * As many of w, × x and = w·x on a line as fit the width with cells that still hold their numbers (narrowed down
     * to {@link ValueGrid#MIN_TEXT_CELL}); one a line, as wide as the width allows, when not even one does.
     */
    @Override
    public void fitWidth(double width) {
        int cols = conv.spec().kernelWidth();
        double operator = channels.length == 0 ? OPERATOR_WIDTH : channels[0].operatorWidth();
        double cell = 0;
        for (int perLine = 3; perLine >= 1 && cell < ValueGrid.MIN_TEXT_CELL; perLine--) {
            double room = (width - (perLine - 1) * (operator + GAP)) / perLine - (perLine == 1 ? operator : 0);
            cell = ValueGrid.cellFor(room, cols, ValueGrid.Style.SMALL);
        }
        for (ChannelView c : channels) c.setCellWidth(cell);
    }

    @Override
    public void show(UnitExplanation explanation) {
        ConvUnit conv = (ConvUnit) explanation;
        shown = conv;
        sees.setText(sees(conv));
        float wExtent = 0, xExtent = 0, pExtent = 0;
        for (ChannelTerms t : conv.channels()) {
            wExtent = Math.max(wExtent, ValueGrid.extent(t.weights()));
            xExtent = Math.max(xExtent, ValueGrid.extent(t.inputs()));
            pExtent = Math.max(pExtent, ValueGrid.extent(t.products()));
        }
        List<ChannelTerms> order = pages > 1 ? byShare(conv) : conv.channels();
        int first = page * PAGE;
        for (int c = 0; c < channels.length; c++) {
            boolean there = first + c < order.size();
            channels[c].block.setVisible(there);
            channels[c].block.setManaged(there);
            if (there) channels[c].show(conv, order.get(first + c), wExtent, xExtent, pExtent);
        }
        if (pages > 1) {
            pageLabel.setText("channels " + (first + 1) + "–" + Math.min(order.size(), first + PAGE) + " of "
                    + order.size() + ", largest |Σ w·x| first");
            previousPage.setDisable(page == 0);
            nextPage.setDisable(page == pages - 1);
        }
        ledger.show(rows(conv));
    }

    private void turn(int delta) {
        page = Math.clamp(page + delta, 0, pages - 1);
        if (shown != null) show(shown);
    }

    /** The input channels, the largest |Σ w·x| first. */
    private static List<ChannelTerms> byShare(ConvUnit conv) {
        List<ChannelTerms> order = new ArrayList<>(conv.channels());
        order.sort(java.util.Comparator.comparingDouble((ChannelTerms t) -> -Math.abs(t.sum())));
        return order;
    }

    /**
     * Which input channels the filter sees: all of them; with G groups the filter's group's C/G channels; in a
     * depthwise convolution (G = C) just its own.
     */
    static String sees(ConvUnit conv) {
        List<ChannelTerms> ts = conv.channels();
        int first = ts.getFirst().channel() + 1;
        int last = ts.getLast().channel() + 1;
        int groups = conv.spec().groups();
        int filter = conv.unit().channel() + 1;
        if (groups == 1) return "Filter " + filter + " sees all " + ts.size() + " input channels.";
        if (ts.size() == 1) {
            return "Depthwise: filter " + filter + " sees only input channel " + first
                    + ", one channel's products.";
        }
        int group = conv.unit().channel() / (conv.spec().filters() / groups) + 1;
        return "Grouped, " + groups + " groups: filter " + filter + " (group " + group + ") sees input"
                + " channels " + first + "–" + last + ", " + ts.size() + " of them.";
    }

    /** One input channel: a heading with its Σ w·x, and the grids w × x = w·x (hidden when every input is 0). */
    private final class ChannelView {
        final Label heading = Ledger.label("", "channel-heading");
        final Tooltip headingTip = Ledger.tip("");
        final ValueGrid weights;
        final ValueGrid inputs;
        final ValueGrid products;
        final Tooltip weightsTip = Ledger.tip("");
        final Tooltip inputsTip = Ledger.tip("");
        final Label inputsTitle = Ledger.label("x", "grid-title");
        final FlowPane row;
        final HBox times; // "× x": how much room an operator takes is its width less the grid's
        final VBox block;

        ChannelView(int height, int width) {
            weights = new ValueGrid(height, width, ValueGrid.Style.SMALL);
            inputs = new ValueGrid(height, width, ValueGrid.Style.SMALL);
            products = new ValueGrid(height, width, ValueGrid.Style.SMALL);
            heading.setTooltip(headingTip);
            Tooltip.install(weights, weightsTip);
            Tooltip.install(inputs, inputsTip);
            Tooltip.install(products, Ledger.tip("Products w·x, cell by cell: red pushes the unit up, blue pulls it down."));
            // w, then × x, then = w·x: what does not fit the inspector's width goes on the next line, an operator
            // with the grid it leads to.
            Node inputsColumn = column(inputsTitle, inputs);
            times = operand("×", inputsColumn);
            row = new FlowPane(column(Ledger.label("w", "grid-title"), weights), times,
                    operand("=", column(Ledger.label("w·x", "grid-title"), products)));
            row.setPrefWrapLength(1); // its width is the inspector's, never more
            row.getStyleClass().add("channel-row");
            heading.setWrapText(true);
            heading.setMinWidth(0);
            block = new VBox(heading, row);
            block.getStyleClass().add("channel-block");
        }

        /** The room an operator and the gap after it take before its grid, as laid out in the theme's font. */
        double operatorWidth() {
            double measured = times.prefWidth(-1) - times.getChildren().get(1).prefWidth(-1);
            return measured > 0 ? measured : OPERATOR_WIDTH;
        }

        void setCellWidth(double cell) {
            for (ValueGrid g : new ValueGrid[] {weights, inputs, products}) g.setCellWidth(cell);
        }

        void show(ConvUnit conv, ChannelTerms t, float wExtent, float xExtent, float pExtent) {
            boolean silent = conv.channels().size() > 1 && allZero(t.inputs()); // one channel: show its zeros, padding and all
            heading.setText(inputName + " channel " + (t.channel() + 1) + ":  Σ w·x = " + InspectorFormat.value(t.sum())
                    + (silent ? "  (every input is 0)" : ""));
            headingTip.setText(silent
                    ? "Nothing in this input channel fires under the filter, so it adds nothing whatever its weights."
                    : "This input channel's share of the unit: the sum of the " + t.height() + "×" + t.width()
                            + " products on the right.");
            row.setVisible(!silent);
            row.setManaged(!silent);
            if (silent) return;
            weights.draw(t.weights(), ColorMap.DIVERGING, wExtent, null);
            inputs.draw(t.inputs(), ColorMap.DIVERGING, xExtent, k -> t.padding()[k] ? ValueGrid.Mark.PAD : null);
            products.draw(t.products(), ColorMap.DIVERGING, pExtent, null);
            weightsTip.setText("Weights w of filter " + (conv.unit().channel() + 1) + " for input channel "
                    + (t.channel() + 1)
                    + " (learned). Red is positive, blue negative.");
            inputsTip.setText("Inputs x under the filter: " + inputName + " channel " + (t.channel() + 1)
                    + " around the unit. Grey cells lie on the zero padding outside the image.");
            boolean padded = false;
            for (boolean p : t.padding()) padded |= p;
            inputsTitle.setText(padded ? "x (grey: padding)" : "x");
        }
    }

    private static boolean allZero(float[] values) {
        for (float v : values) if (v != 0f) return false;
        return true;
    }

    /** An operator and the grid it leads to, kept on one line. */
    private static HBox operand(String operator, Node grid) {
        HBox box = new HBox(Ledger.label(operator, "operator"), grid);
        box.getStyleClass().add("operand");
        return box;
    }

    private static Node column(Label title, ValueGrid grid) {
        VBox column = new VBox(title, grid);
        column.getStyleClass().add("grid-column");
        return column;
    }

    private static List<Ledger.Row> rows(ConvUnit conv) {
        List<Ledger.Row> rows = new ArrayList<>();
        int n = conv.channels().size();
        String window = conv.spec().kernelHeight() + "×" + conv.spec().kernelWidth();
        if (n > PAGE) {
            List<ChannelTerms> order = byShare(conv);
            double top = 0;
            for (int i = 0; i < PAGE; i++) {
                ChannelTerms t = order.get(i);
                top += t.sum();
                rows.add(new Ledger.Row(i == 0 ? "" : "+", "channel " + (t.channel() + 1), t.sum(), null,
                        "Σ w·x over the " + window + " window of input channel " + (t.channel() + 1) + "."));
            }
            rows.add(new Ledger.Row("+", "the other " + (n - PAGE) + " channels", (float) (conv.channelSum() - top), null,
                    "The shares of the channels not listed, added up: each is smaller than those above."));
            rows.add(new Ledger.Row("=", "Σ over " + n + " channels", conv.channelSum(), "inspector-sum",
                    "Every input channel's share added up: the weighted sum of all " + n * conv.spec().kernelHeight()
                            * conv.spec().kernelWidth() + " inputs."));
        } else if (n > 1) {
            for (ChannelTerms t : conv.channels()) {
                rows.add(new Ledger.Row(t == conv.channels().getFirst() ? "" : "+", "channel " + (t.channel() + 1),
                        t.sum(), null,
                        "Σ w·x over the " + window + " window of input channel " + (t.channel() + 1) + "."));
            }
            rows.add(new Ledger.Row("=", "Σ over " + n + " channels", conv.channelSum(), "inspector-sum",
                    "Every input channel's share added up: the weighted sum of all " + n * conv.spec().kernelHeight()
                            * conv.spec().kernelWidth() + " inputs."));
        } else {
            rows.add(new Ledger.Row("", "Σ w·x over the " + window + " window", conv.channelSum(), "inspector-sum",
                    "The " + window + " products added up: how well the window matches the filter."));
        }
        rows.add(new Ledger.Row("+", "bias of filter " + (conv.unit().channel() + 1), conv.bias(), "inspector-bias",
                "A learned constant added to every position of this feature map; it sets how easily the unit fires."));
        rows.add(new Ledger.Row("=", conv.layer() + " output", conv.value(), "inspector-total",
                "The unit's value before the activation: weighted sum + bias.").asResult());
        conv.activated().ifPresent(a -> rows.add(new Ledger.Row("→", Sections.activationName(a.kind()) + " → "
                + a.layer(), a.value(), "inspector-activated", Sections.activationTip(a.kind()))));
        return rows;
    }
}
