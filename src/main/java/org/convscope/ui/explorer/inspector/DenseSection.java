package org.convscope.ui.explorer.inspector;

import java.util.function.IntFunction;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convscope.engine.explain.UnitExplanation.DenseUnit;

/** A fully connected unit: the inputs that contribute most (largest |w·x|), the rest summed, then bias and total. */
final class DenseSection {
    /** Rows of the contributor table. */
    static final int TOP = 8;
    private static final double BAR_WIDTH = 60;

    private DenseSection() {}

    /** {@code inputName} names input i, e.g. "pool2 c3 (2, 1)". */
    static Node of(DenseUnit dense, IntFunction<String> inputName) {
        int[] top = dense.topContributors(TOP);
        GridPane table = new GridPane();
        table.getStyleClass().add("contributors");
        String[] headers = {"input", "x", "w", "w·x", ""};
        String[] tips = {"Which unit of the previous layer feeds this term.", "The input's value.",
                "The learned weight of this connection.", "The term's contribution: weight × input.",
                "Size of the contribution; red raises the unit, blue lowers it."};
        for (int c = 0; c < headers.length; c++) {
            Label h = Ledger.label(headers[c], "column-header");
            if (c > 0) h.getStyleClass().add("numeric");
            h.setTooltip(Ledger.tip(tips[c]));
            table.add(h, c, 0);
        }
        float largest = Math.abs(dense.products()[top[0]]);
        double topSum = 0;
        for (int r = 0; r < top.length; r++) {
            int i = top[r];
            float p = dense.products()[i];
            topSum += p;
            Region bar = new Region();
            bar.getStyleClass().addAll("bar", p >= 0 ? "positive" : "negative");
            bar.setPrefWidth(largest == 0 ? 0 : BAR_WIDTH * Math.abs(p) / largest);
            bar.setMaxWidth(Region.USE_PREF_SIZE);
            table.addRow(r + 1, Ledger.label(inputName.apply(i), "input-name"),
                    Ledger.label(InspectorFormat.value(dense.inputs()[i]), "number"),
                    Ledger.label(InspectorFormat.value(dense.weights()[i]), "number"),
                    Ledger.label(InspectorFormat.value(p), "number"), bar);
        }
        int n = dense.inputs().length;
        Ledger ledger = new Ledger();
        ledger.row("", "the " + top.length + " largest terms above", topSum, null,
                "The sum of the table's w·x column.");
        ledger.row("+", "the other " + (n - top.length) + " terms", dense.sum() - topSum, null,
                "All remaining inputs together; many are 0 because their unit was silent.");
        ledger.row("=", "Σ w·x over " + n + " inputs", dense.sum(), "inspector-sum",
                "Every input times its weight, added up.");
        ledger.row("+", "bias", dense.bias(), "inspector-bias", "A learned constant of this neuron.");
        ledger.row("=", dense.layer() + " output", dense.value(), "inspector-total",
                "The neuron's value before the activation: weighted sum + bias.").result();
        dense.activated().ifPresent(a -> ledger.row("→", Sections.activationName(a.kind()) + " → " + a.layer(),
                a.value(), "inspector-activated", Sections.activationTip(a.kind())));
        VBox box = new VBox(Ledger.label("largest contributions of " + n + " inputs", "channel-heading"), table, ledger);
        box.getStyleClass().add("section");
        return box;
    }
}
