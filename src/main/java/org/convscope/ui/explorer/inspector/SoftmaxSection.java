package org.convscope.ui.explorer.inspector;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.convscope.engine.explain.UnitExplanation.SoftmaxUnit;

/** A softmax unit: the table logits → e^(z − max) → ÷ Σ → p for every class, this class's row highlighted. */
final class SoftmaxSection {
    private SoftmaxSection() {}

    static Node of(SoftmaxUnit softmax, String logitLayer) {
        GridPane table = new GridPane();
        table.getStyleClass().add("softmax-table");
        String[] headers = {"class", "z", "e^(z − max)", "p"};
        String[] tips = {"The class (digit).", "The class's score (logit) from " + logitLayer + ".",
                "e to the power of the score, minus the largest score so that the numbers stay small; the top class gets 1.",
                "Probability: this class's e^(z − max) divided by the sum over all classes."};
        for (int c = 0; c < headers.length; c++) {
            Label h = Ledger.label(headers[c], "column-header");
            if (c > 0) h.getStyleClass().add("numeric");
            h.setTooltip(Ledger.tip(tips[c]));
            table.add(h, c, 0);
        }
        int k = softmax.unit().channel();
        for (int j = 0; j < softmax.logits().length; j++) {
            Label[] cells = {Ledger.label(Integer.toString(j), "number"),
                    Ledger.label(InspectorFormat.value(softmax.logits()[j]), "number"),
                    Ledger.label(InspectorFormat.value(softmax.exponentials()[j]), "number"),
                    Ledger.label(InspectorFormat.value(softmax.exponentials()[j] / softmax.sum()), "number")};
            if (j == k) for (Label cell : cells) cell.getStyleClass().add("selected");
            table.addRow(j + 1, cells);
        }
        Ledger ledger = new Ledger();
        ledger.row("", "largest score z", softmax.max(), null, "Subtracted from every score before e^z.");
        ledger.row("", "Σ e^(z − max) over " + softmax.logits().length + " classes", softmax.sum(), "inspector-sum",
                "The normaliser: dividing by it makes the probabilities add up to 1.");
        ledger.row("=", "p(" + k + ") = " + InspectorFormat.value(softmax.exponentials()[k]) + " ÷ Σ", softmax.value(),
                "inspector-total", "The probability the network gives class " + k + ".").result();
        VBox box = new VBox(table, ledger);
        box.getStyleClass().add("section");
        return box;
    }
}
