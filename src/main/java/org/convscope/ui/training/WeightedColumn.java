package org.convscope.ui.training;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A column that shares its height out by weight: children added with a weight get that share of what the others
 * (at their preferred height) leave, within their own minimum and maximum heights, what one cannot take going to the
 * rest; so a chart never stretches to fill a tall window while the confusion matrix stays small, and a short window
 * shrinks each part in proportion instead of pushing the last ones off the screen. Every child gets the full width.
 */
final class WeightedColumn extends Pane {
    private final Map<Node, Double> weights = new HashMap<>();
    private final double spacing;

    WeightedColumn(double spacing) {
        this.spacing = spacing;
        getStyleClass().add("column");
        setMinHeight(0);
        setMinWidth(0);
    }

    /** Adds a child that keeps its preferred height. */
    WeightedColumn fixed(Node child) {
        getChildren().add(child);
        return this;
    }

    /** Adds a child that gets {@code weight} of the height left over. */
    WeightedColumn weighted(Node child, double weight) {
        getChildren().add(child);
        weights.put(child, weight);
        return this;
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double width = getWidth() - x - snappedRightInset();
        double top = snappedTopInset();
        double height = getHeight() - top - snappedBottomInset();
        var children = getManagedChildren();
        double[] heights = new double[children.size()];
        double left = height - spacing * Math.max(0, children.size() - 1);
        double weightSum = 0;
        for (int i = 0; i < heights.length; i++) {
            Node c = children.get(i);
            Double w = weights.get(c);
            if (w == null) {
                heights[i] = c.prefHeight(width);
                left -= heights[i];
            } else {
                heights[i] = -1;
                weightSum += w;
            }
        }
        // Share out what is left; a child held at its minimum or maximum drops out and the rest share again.
        boolean settled = false;
        while (!settled && weightSum > 0) {
            settled = true;
            for (int i = 0; i < heights.length; i++) {
                if (heights[i] >= 0) continue;
                Node c = children.get(i);
                double w = weights.get(c);
                double share = Math.max(0, left) * w / weightSum;
                double min = c.minHeight(width);
                double max = c.maxHeight(width);
                double clamped = Math.clamp(share, Math.min(min, max), max);
                if (clamped != share) {
                    heights[i] = clamped;
                    left -= clamped;
                    weightSum -= w;
                    settled = false;
                }
            }
        }
        for (int i = 0; i < heights.length; i++) {
            if (heights[i] < 0) heights[i] = Math.max(0, left) * weights.get(children.get(i)) / weightSum;
        }
        double y = top;
        for (int i = 0; i < heights.length; i++) {
            children.get(i).resizeRelocate(x, y, width, heights[i]);
            y += heights[i] + spacing;
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        double sum = snappedTopInset() + snappedBottomInset() + spacing * Math.max(0, getManagedChildren().size() - 1);
        for (Node c : getManagedChildren()) sum += c.prefHeight(width);
        return sum;
    }

    @Override
    protected double computePrefWidth(double height) {
        double most = 0;
        for (Node c : getManagedChildren()) most = Math.max(most, c.prefWidth(-1));
        return snappedLeftInset() + snappedRightInset() + most;
    }
}
