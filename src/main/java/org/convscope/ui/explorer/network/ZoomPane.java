package org.convscope.ui.explorer.network;

import javafx.beans.property.DoubleProperty;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Shows a node scaled by a zoom factor and takes the scaled size, for a scroll pane. A region rather than the usual
 * {@code Group}: a group's bounds follow every change inside it, so each repainted image would make the scroll pane,
 * and with it the window, lay out again; a region's bounds are its size.
 */
final class ZoomPane extends Region {
    private final Node content;
    private final DoubleProperty zoom;

    ZoomPane(Node content, DoubleProperty zoom) {
        this.content = content;
        this.zoom = zoom;
        getChildren().add(content);
        content.scaleXProperty().bind(zoom);
        content.scaleYProperty().bind(zoom);
        zoom.addListener((o, old, z) -> requestLayout());
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1) * zoom.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1) * zoom.get();
    }

    @Override
    protected void layoutChildren() {
        double w = content.prefWidth(-1);
        double h = content.prefHeight(-1);
        double z = zoom.get();
        content.resize(w, h);
        // Scaling pivots on the centre: shift so that the scaled content starts at (0, 0).
        content.relocate(w * (z - 1) / 2, h * (z - 1) / 2);
    }
}
