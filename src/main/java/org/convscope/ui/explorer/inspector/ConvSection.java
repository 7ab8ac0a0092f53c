package org.convscope.ui.explorer.inspector;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convscope.engine.explain.UnitExplanation.ChannelTerms;
import org.convscope.engine.explain.UnitExplanation.ConvUnit;
import org.convscope.ui.view.ColorMap;

/** A conv unit: per input channel the weights, the inputs under them and their products, then the sums. */
final class ConvSection {
    private ConvSection() {}

    static Node of(ConvUnit conv, String inputName) {
        VBox box = new VBox();
        box.getStyleClass().add("section");
        float wExtent = 0, xExtent = 0, pExtent = 0;
        for (ChannelTerms t : conv.channels()) {
            wExtent = Math.max(wExtent, ValueGrid.extent(t.weights()));
            xExtent = Math.max(xExtent, ValueGrid.extent(t.inputs()));
            pExtent = Math.max(pExtent, ValueGrid.extent(t.products()));
        }
        for (ChannelTerms t : conv.channels()) {
            box.getChildren().add(channel(conv, t, inputName, wExtent, xExtent, pExtent));
        }
        box.getChildren().add(ledger(conv));
        return box;
    }

    private static Node channel(ConvUnit conv, ChannelTerms t, String inputName, float wExtent, float xExtent,
                                float pExtent) {
        boolean silent = conv.channels().size() > 1 && allZero(t.inputs()); // one channel: show its zeros, padding and all
        Label heading = Ledger.label(inputName + " channel " + t.channel() + ":  Σ w·x = " + InspectorFormat.value(t.sum())
                + (silent ? "  (every input is 0)" : ""), "channel-heading");
        heading.setTooltip(Ledger.tip(silent
                ? "Nothing in this input channel fires under the filter, so it adds nothing whatever its weights."
                : "This input channel's share of the unit: the sum of the " + t.height() + "×" + t.width()
                        + " products on the right."));
        if (silent) return heading;
        ValueGrid weights = new ValueGrid(t.weights(), t.height(), t.width(), ColorMap.DIVERGING, wExtent,
                ValueGrid.Style.SMALL, null);
        ValueGrid inputs = new ValueGrid(t.inputs(), t.height(), t.width(), ColorMap.DIVERGING, xExtent,
                ValueGrid.Style.SMALL, k -> t.padding()[k] ? ValueGrid.Mark.PAD : null);
        ValueGrid products = new ValueGrid(t.products(), t.height(), t.width(), ColorMap.DIVERGING, pExtent,
                ValueGrid.Style.SMALL, null);
        Tooltip.install(weights, Ledger.tip("Weights w of filter " + conv.unit().channel() + " for input channel "
                + t.channel() + " (learned). Red is positive, blue negative."));
        Tooltip.install(inputs, Ledger.tip("Inputs x under the filter: " + inputName + " channel " + t.channel()
                + " around the unit. Grey cells lie on the zero padding outside the image."));
        Tooltip.install(products, Ledger.tip("Products w·x, cell by cell: red pushes the unit up, blue pulls it down."));
        boolean padded = false;
        for (boolean p : t.padding()) padded |= p;
        HBox row = new HBox(column("w", weights), Ledger.label("×", "operator"),
                column(padded ? "x (grey: padding)" : "x", inputs),
                Ledger.label("=", "operator"), column("w·x", products));
        row.getStyleClass().add("channel-row");
        VBox block = new VBox(heading, row);
        block.getStyleClass().add("channel-block");
        return block;
    }

    private static boolean allZero(float[] values) {
        for (float v : values) if (v != 0f) return false;
        return true;
    }

    private static Node column(String title, ValueGrid grid) {
        VBox column = new VBox(Ledger.label(title, "grid-title"), grid);
        column.getStyleClass().add("grid-column");
        return column;
    }

    private static Node ledger(ConvUnit conv) {
        Ledger ledger = new Ledger();
        int n = conv.channels().size();
        String window = conv.spec().kernelHeight() + "×" + conv.spec().kernelWidth();
        if (n > 1) {
            for (ChannelTerms t : conv.channels()) {
                ledger.row(t.channel() == 0 ? "" : "+", "channel " + t.channel(), t.sum(), null,
                        "Σ w·x over the " + window + " window of input channel " + t.channel() + ".");
            }
            ledger.row("=", "Σ over " + n + " channels", conv.channelSum(), "inspector-sum",
                    "Every input channel's share added up: the weighted sum of all " + n * conv.spec().kernelHeight()
                            * conv.spec().kernelWidth() + " inputs.");
        } else {
            ledger.row("", "Σ w·x over the " + window + " window", conv.channelSum(), "inspector-sum",
                    "The " + window + " products added up: how well the window matches the filter.");
        }
        ledger.row("+", "bias of filter " + conv.unit().channel(), conv.bias(), "inspector-bias",
                "A learned constant added to every position of this feature map; it sets how easily the unit fires.");
        ledger.row("=", conv.layer() + " output", conv.value(), "inspector-total",
                "The unit's value before the activation: weighted sum + bias.").result();
        conv.activated().ifPresent(a -> ledger.row("→", Sections.activationName(a.kind()) + " → " + a.layer(), a.value(),
                "inspector-activated", Sections.activationTip(a.kind())));
        return ledger;
    }
}
