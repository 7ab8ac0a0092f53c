package org.convscope.ui.lecture;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.convscope.lecture.NetworkStepper;

/** A network's volumes as a table that grows one layer per step, with each layer's parameter count and the total. */
final class NetworkPane extends GridPane {
    NetworkPane() {
        getStyleClass().addAll("stepper-pane", "network-table");
    }

    void show(NetworkStepper s) {
        getChildren().clear();
        addRow(0, cell("layer", "header"), cell("operation", "header"), cell("output volume", "header"),
                cell("parameters", "header"));
        addRow(1, cell("input", null), cell("", null), cell(s.network().input().toString(), "volume"), cell("", null));
        List<NetworkStepper.Row> rows = s.rows();
        for (int i = 0; i < s.position(); i++) {
            NetworkStepper.Row r = rows.get(i);
            String mark = i == s.position() - 1 ? "current" : null;
            addRow(i + 2, cell(r.name(), mark), cell(r.description(), mark), cell(r.output().toString(), "volume"),
                    cell(String.format(Locale.ROOT, "%,d", r.parameters()), "number"));
        }
        Label total = cell(String.format(Locale.ROOT, "%,d", s.parametersSoFar()), "number");
        total.getStyleClass().add("header");
        addRow(rows.size() + 2, cell("total", "header"), cell("", null), cell("", null), total);
    }

    private static Label cell(String text, String styleClass) {
        Label label = Labels.of(text, "table-cell");
        label.setMaxWidth(Double.MAX_VALUE);
        if (styleClass != null) label.getStyleClass().add(styleClass);
        return label;
    }
}
