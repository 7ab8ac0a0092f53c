package org.convscope.ui.lecture;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Cells in rows of {@code columns}, every cell as wide as the widest one needs and as tall as the tallest: a grid
 * stays a grid, and a number such as −6600 or −0.75 is never cut to "…", whatever the font size or zoom.
 */
final class UniformCells extends Pane {
    private int columns = 1;

    void setColumns(int columns) {
        this.columns = Math.max(1, columns);
        requestLayout();
    }

    private int rows() {
        return (getManagedChildren().size() + columns - 1) / columns;
    }

    private double cellWidth() {
        double w = 0;
        for (Node n : getManagedChildren()) w = Math.max(w, Math.max(n.minWidth(-1), n.prefWidth(-1)));
        return Math.ceil(w);
    }

    private double cellHeight() {
        double h = 0;
        for (Node n : getManagedChildren()) h = Math.max(h, Math.max(n.minHeight(-1), n.prefHeight(-1)));
        return Math.ceil(h);
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + Math.min(columns, getManagedChildren().size()) * cellWidth();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        return in.getTop() + in.getBottom() + rows() * cellHeight();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = cellWidth();
        double h = cellHeight();
        int i = 0;
        for (Node n : getManagedChildren()) {
            n.resizeRelocate(in.getLeft() + i % columns * w, in.getTop() + i / columns * h, w, h);
            i++;
        }
    }
}
