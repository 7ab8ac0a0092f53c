package org.convscope.ui.explorer.inspector;

import java.util.List;
import java.util.function.IntFunction;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.convscope.engine.explain.UnitExplanation;
import org.convscope.engine.explain.UnitExplanation.SoftmaxUnit;

/** A softmax unit: the table logits → e^(z − max) → ÷ Σ → p for every class, this class's row highlighted. */
final class SoftmaxSection implements Section {
    private final Label[][] cells; // [class] {class, z, e^(z − max), p}
    private final Ledger ledger = new Ledger();
    private final VBox box;
    private int selected = -1;

    private final IntFunction<String> names;

    SoftmaxSection(SoftmaxUnit softmax, String logitLayer, IntFunction<String> names) {
        this.names = names;
        GridPane table = new GridPane();
        table.getStyleClass().add("softmax-table");
        String[] headers = {"class", "z", "e^(z − max)", "p"};
        String[] tips = {"The class (its name, or its number).", "The class's score (logit) from " + logitLayer + ".",
                "e to the power of the score, minus the largest score so that the numbers stay small; the top class gets 1.",
                "Probability: this class's e^(z − max) divided by the sum over all classes."};
        for (int c = 0; c < headers.length; c++) {
            Label h = Ledger.label(headers[c], "column-header");
            if (c > 0) h.getStyleClass().add("numeric");
            h.setTooltip(Ledger.tip(tips[c]));
            table.add(h, c, 0);
        }
        cells = new Label[softmax.logits().length][];
        for (int j = 0; j < cells.length; j++) {
            cells[j] = new Label[] {Ledger.label(names.apply(j), "number"), Ledger.label("", "number"),
                    Ledger.label("", "number"), Ledger.label("", "number")};
            table.addRow(j + 1, cells[j]);
        }
        box = new VBox(table, ledger);
        box.getStyleClass().add("section");
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public void show(UnitExplanation explanation) {
        SoftmaxUnit softmax = (SoftmaxUnit) explanation;
        int k = softmax.unit().channel();
        for (int j = 0; j < cells.length; j++) {
            cells[j][1].setText(InspectorFormat.value(softmax.logits()[j]));
            cells[j][2].setText(InspectorFormat.value(softmax.exponentials()[j]));
            cells[j][3].setText(InspectorFormat.value(softmax.exponentials()[j] / softmax.sum()));
        }
        if (k != selected) {
            if (selected >= 0) for (Label cell : cells[selected]) cell.getStyleClass().remove("selected");
            for (Label cell : cells[k]) cell.getStyleClass().add("selected");
            selected = k;
        }
        ledger.show(List.of(
                new Ledger.Row("", "largest score z", softmax.max(), null, "Subtracted from every score before e^z."),
                new Ledger.Row("", "Σ e^(z − max) over " + softmax.logits().length + " classes", softmax.sum(),
                        "inspector-sum", "The normaliser: dividing by it makes the probabilities add up to 1."),
                new Ledger.Row("=", "p(" + names.apply(k) + ") = " + InspectorFormat.value(softmax.exponentials()[k]) + " ÷ Σ",
                        softmax.value(), "inspector-total", "The probability the network gives class " + names.apply(k) + ".")
                        .asResult()));
    }
}
