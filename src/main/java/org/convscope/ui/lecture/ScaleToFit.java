package org.convscope.ui.lecture;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Lays its content out at its preferred size and scales it down, evenly, when the space is smaller (never up: Z
 * zooms): a frame never runs off the screen, at 1920×1080 as at 1280×720, and no number is cut off.
 */
final class ScaleToFit extends Region {
    private final Node content;
    private final Scale scale = new Scale(1, 1, 0, 0);

    ScaleToFit(Node content) {
        this.content = content;
        content.getTransforms().add(scale);
        getChildren().add(content);
    }

    /** The factor the content is drawn at: 1, or less when it does not fit. */
    double factor() {
        return scale.getX();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + content.prefWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        return in.getTop() + in.getBottom() + content.prefHeight(-1);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = content.prefWidth(-1);
        double h = content.prefHeight(w);
        double availableW = getWidth() - in.getLeft() - in.getRight();
        double availableH = getHeight() - in.getTop() - in.getBottom();
        double f = Math.min(1, Math.min(availableW / w, availableH / h));
        if (!(f > 0)) f = 1;
        content.resizeRelocate(in.getLeft(), in.getTop(), w, h);
        scale.setX(f);
        scale.setY(f);
    }
}
