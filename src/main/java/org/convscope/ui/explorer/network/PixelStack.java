package org.convscope.ui.explorer.network;

import javafx.scene.layout.Region;

/**
 * One or more {@link PixelView}s of one fixed size stacked in a region (a picture and its overlays), laid out here
 * rather than by a layout pane: an ImageView whose pixels change reports new layout bounds to its parent, and a
 * managed one would make every frame lay out the whole window. The views are unmanaged; this region's size is theirs
 * plus its insets, so nothing around it moves when they repaint.
 */
public class PixelStack extends Region {
    private final double width;
    private final double height;

    public PixelStack(double width, double height, PixelView... views) {
        this.width = width;
        this.height = height;
        for (PixelView v : views) v.setManaged(false);
        getChildren().addAll(views);
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
