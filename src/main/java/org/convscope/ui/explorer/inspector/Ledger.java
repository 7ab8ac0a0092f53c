package org.convscope.ui.explorer.inspector;

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
 */
final class Ledger extends GridPane {
    private int rows;

    Ledger() {
        getStyleClass().add("ledger");
        ColumnConstraints op = new ColumnConstraints();
        ColumnConstraints term = new ColumnConstraints();
        term.setHgrow(Priority.ALWAYS);
        ColumnConstraints amount = new ColumnConstraints();
        amount.setHalignment(javafx.geometry.HPos.RIGHT);
        getColumnConstraints().addAll(op, term, amount);
    }

    /** Adds a row; {@code id} (or null) goes on the value label so that tests and the explorer can read it. */
    Ledger row(String op, String term, double value, String id, String tooltip) {
        return row(op, term, InspectorFormat.value(value), id, tooltip);
    }

    Ledger row(String op, String term, String value, String id, String tooltip) {
        Label opLabel = label(op, "op");
        Label termLabel = label(term, "term");
        termLabel.setWrapText(true);
        Label amount = label(value, "amount");
        if (id != null) amount.setId(id);
        Tooltip tip = tip(tooltip);
        for (Label l : new Label[] {opLabel, termLabel, amount}) l.setTooltip(tip);
        addRow(rows++, opLabel, termLabel, amount);
        return this;
    }

    /** Marks the last row as the one that gives the unit's value. */
    Ledger result() {
        getChildren().stream().filter(n -> getRowIndex(n) == rows - 1).forEach(n -> n.getStyleClass().add("result"));
        return this;
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
