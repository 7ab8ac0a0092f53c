package org.convscope.ui.explorer.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convscope.engine.explain.UnitExplanation;
import org.convscope.engine.explain.UnitExplanation.DenseUnit;

/** A fully connected unit: the inputs that contribute most (largest |w·x|), the rest summed, then bias and total. */
final class DenseSection implements Section {
    /** Rows of the contributor table. */
    static final int TOP = 8;
    private static final double BAR_WIDTH = 60;

    private final IntFunction<String> inputName;
    private final Label[][] cells; // [row] {input, x, w, w·x}
    private final Region[] bars;
    private final Label heading = Ledger.label("", "channel-heading");
    private final Ledger ledger = new Ledger();
    private final VBox box;

    /** {@code inputName} names input i, e.g. "pool2 c3 (2, 1)". */
    DenseSection(DenseUnit dense, IntFunction<String> inputName) {
        this.inputName = inputName;
        int rows = Math.min(TOP, dense.inputs().length);
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
        cells = new Label[rows][];
        bars = new Region[rows];
        for (int r = 0; r < rows; r++) {
            cells[r] = new Label[] {Ledger.label("", "input-name"), Ledger.label("", "number"),
                    Ledger.label("", "number"), Ledger.label("", "number")};
            bars[r] = new Region();
            bars[r].getStyleClass().addAll("bar", "positive");
            bars[r].setMaxWidth(Region.USE_PREF_SIZE);
            table.addRow(r + 1, cells[r]);
            table.add(bars[r], 4, r + 1);
        }
        box = new VBox(heading, table, ledger);
        box.getStyleClass().add("section");
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public void show(UnitExplanation explanation) {
        DenseUnit dense = (DenseUnit) explanation;
        int[] top = dense.topContributors(cells.length);
        float largest = Math.abs(dense.products()[top[0]]);
        double topSum = 0;
        for (int r = 0; r < cells.length; r++) {
            boolean used = r < top.length;
            for (Label cell : cells[r]) cell.setVisible(used);
            bars[r].setVisible(used);
            if (!used) continue;
            int i = top[r];
            float p = dense.products()[i];
            topSum += p;
            cells[r][0].setText(inputName.apply(i));
            cells[r][1].setText(InspectorFormat.value(dense.inputs()[i]));
            cells[r][2].setText(InspectorFormat.value(dense.weights()[i]));
            cells[r][3].setText(InspectorFormat.value(p));
            String sign = p >= 0 ? "positive" : "negative";
            if (!bars[r].getStyleClass().contains(sign)) bars[r].getStyleClass().setAll("bar", sign);
            bars[r].setPrefWidth(largest == 0 ? 0 : BAR_WIDTH * Math.abs(p) / largest);
        }
        int n = dense.inputs().length;
        heading.setText("largest contributions of " + n + " inputs");
        List<Ledger.Row> rows = new ArrayList<>(List.of(
                new Ledger.Row("", "the " + top.length + " largest terms above", topSum, null,
                        "The sum of the table's w·x column."),
                new Ledger.Row("+", "the other " + (n - top.length) + " terms", dense.sum() - topSum, null,
                        "All remaining inputs together; many are 0 because their unit was silent."),
                new Ledger.Row("=", "Σ w·x over " + n + " inputs", dense.sum(), "inspector-sum",
                        "Every input times its weight, added up."),
                new Ledger.Row("+", "bias", dense.bias(), "inspector-bias", "A learned constant of this neuron."),
                new Ledger.Row("=", dense.layer() + " output", dense.value(), "inspector-total",
                        "The neuron's value before the activation: weighted sum + bias.").asResult()));
        dense.activated().ifPresent(a -> rows.add(new Ledger.Row("→", Sections.activationName(a.kind()) + " → "
                + a.layer(), a.value(), "inspector-activated", Sections.activationTip(a.kind()))));
        ledger.show(rows);
    }
}
