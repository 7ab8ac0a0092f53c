package org.convscope.ui.explorer.network;

import javafx.scene.layout.Region;

/**
 * One or more {@link PixelView}s of one fixed size stacked in a region (a picture and its overlays), laid out here
 * rather than by a layout pane: an ImageView whose pixels change reports new layout bounds to its parent, and a
 * managed one would make every frame lay out the whole window. The views are unmanaged; this region's size is theirs
 * plus its insets, so nothing around it moves when they repaint.
 */
public class PixelStack extends Region {
    private double width;
    private double height;

    public PixelStack(double width, double height, PixelView... views) {
        this.width = width;
        this.height = height;
        for (PixelView v : views) v.setManaged(false);
        getChildren().addAll(views);
    }

    /** Adds a node on top of the views (an outline), unmanaged: its owner places it in this region's coordinates. */
    public void addOverlay(javafx.scene.Node node) {
        node.setManaged(false);
        getChildren().add(node);
    }

    /** Shows the views at a new size; their owner repaints them (a pixelated view enlarges by a new factor). */
    public void setSize(double width, double height) {
        if (width == this.width && height == this.height) return;
        this.width = width;
        this.height = height;
        for (var child : getChildren()) {
            if (child instanceof PixelView v) {
                v.setFitWidth(width);
                v.setFitHeight(height);
            }
        }
        requestLayout();
    }

    /** The views' width (without insets). */
    public double viewWidth() {
        return width;
    }

    /** The views' height (without insets). */
    public double viewHeight() {
        return height;
    }

    @Override
    protected void layoutChildren() {
        for (var child : getChildren()) {
            if (child instanceof PixelView) child.relocate(snappedLeftInset(), snappedTopInset());
        }
    }

    @Override
    protected double computePrefWidth(double h) {
        return width + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double w) {
        return height + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double h) {
        return computePrefWidth(h);
    }

    @Override
    protected double computeMinHeight(double w) {
        return computePrefHeight(w);
    }

    @Override
    protected double computeMaxWidth(double h) {
        return computePrefWidth(h);
    }

    @Override
    protected double computeMaxHeight(double w) {
        return computePrefHeight(w);
    }
}
