package org.convscope.ui.explorer.inspector;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * A column of arithmetic written like a till receipt: an operator ("+", "=", "→"), what the term is, and its value
 * right-aligned; each row carries a tooltip saying what the term means. CSS classes: {@code ledger}, {@code op},
 * {@code term}, {@code amount}, and {@code result} on the row that gives the unit's value.
 *
 * <p>Its rows are kept: {@link #show} with the same number of rows only changes texts, so a unit redone for every
 * pen stroke costs no new nodes (a tooltip is a popup window of its own, the most expensive node there is).
 */
final class Ledger extends GridPane {
    /** One row; {@code id} (or null) goes on the value label so that tests and the explorer can read it. */
    record Row(String op, String term, String value, String id, String tooltip, boolean result) {
        Row(String op, String term, double value, String id, String tooltip) {
            this(op, term, InspectorFormat.value(value), id, tooltip, false);
        }

        /** This row as the one that gives the unit's value. */
        Row asResult() {
            return new Row(op, term, value, id, tooltip, true);
        }
    }

    private final List<Label[]> labels = new ArrayList<>(); // [row] {op, term, amount}
    private final List<Tooltip> tips = new ArrayList<>();
    private List<Row> shown = List.of();

    Ledger() {
        getStyleClass().add("ledger");
        ColumnConstraints op = new ColumnConstraints();
        ColumnConstraints term = new ColumnConstraints();
        term.setHgrow(Priority.ALWAYS);
        ColumnConstraints amount = new ColumnConstraints();
        amount.setHalignment(javafx.geometry.HPos.RIGHT);
        getColumnConstraints().addAll(op, term, amount);
    }

    /** Shows the rows: in the nodes already there when the rows have the same operators, ids and result marks. */
    void show(List<Row> rows) {
        if (!sameShape(rows)) rebuild(rows);
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            Label[] l = labels.get(r);
            l[1].setText(row.term());
            l[2].setText(row.value());
            tips.get(r).setText(row.tooltip());
        }
        shown = List.copyOf(rows);
    }

    private boolean sameShape(List<Row> rows) {
        if (rows.size() != shown.size()) return false;
        for (int r = 0; r < rows.size(); r++) {
            Row a = rows.get(r);
            Row b = shown.get(r);
            if (!a.op().equals(b.op()) || a.result() != b.result() || !java.util.Objects.equals(a.id(), b.id())) {
                return false;
            }
        }
        return true;
    }

    private void rebuild(List<Row> rows) {
        getChildren().clear();
        labels.clear();
        tips.clear();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            Label op = label(row.op(), "op");
            Label term = label(row.term(), "term");
            term.setWrapText(true);
            Label amount = label(row.value(), "amount");
            if (row.id() != null) amount.setId(row.id());
            Tooltip tip = tip(row.tooltip());
            Label[] cells = {op, term, amount};
            for (Label l : cells) {
                l.setTooltip(tip);
                if (row.result()) l.getStyleClass().add("result");
            }
            addRow(r, cells);
            labels.add(cells);
            tips.add(tip);
        }
    }

    static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        return label;
    }

    static Tooltip tip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        tip.setShowDelay(Duration.millis(300));
        return tip;
    }
}
