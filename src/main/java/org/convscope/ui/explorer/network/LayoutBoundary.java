package org.convscope.ui.explorer.network;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Stops layout requests of a node that changes every frame (labels, bars, images of varying size) from spreading
 * through the whole window: when the child asks for layout and its preferred size is what it was, only this region
 * and the child are laid out again; only a new preferred size goes on to the parent.
 */
public final class LayoutBoundary extends Region {
    private final Node child;
    private double reportedWidth = -1;
    private double reportedHeight = -1;

    public LayoutBoundary(Node child) {
        this.child = child;
        getChildren().add(child);
        getStyleClass().add("layout-boundary");
    }

    @Override
    public void requestLayout() {
        if (child == null || reportedWidth < 0) { // still being constructed, or never measured
            super.requestLayout();
            return;
        }
        double w = child.prefWidth(-1);
        double h = childHeight(w);
        if (w == reportedWidth && h == reportedHeight) {
            setNeedsLayout(true); // this branch only
            return;
        }
        super.requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        reportedWidth = child.prefWidth(-1);
        return reportedWidth + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        reportedHeight = childHeight(child.prefWidth(-1));
        return reportedHeight + snappedTopInset() + snappedBottomInset();
    }

    /** The child's height at its width: text that wraps (a horizontal content bias) is as tall as its lines. */
    private double childHeight(double width) {
        return child.prefHeight(child.getContentBias() == Orientation.HORIZONTAL ? width : -1);
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
        child.resizeRelocate(snappedLeftInset(), snappedTopInset(),
                getWidth() - snappedLeftInset() - snappedRightInset(), getHeight() - snappedTopInset() - snappedBottomInset());
    }
}
