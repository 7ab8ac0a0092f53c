package org.convscope.ui.explorer.inspector;

import javafx.scene.Node;
import org.convscope.engine.explain.UnitExplanation;

/**
 * The arithmetic of one layer's units, made once per layer and then only updated: for every other unit of the layer
 * and every new frame, {@link #show} changes texts and redraws grids, never the nodes, so that a pinned unit can
 * follow a pen stroke point by point.
 */
interface Section {
    Node node();

    /** Shows a unit of the layer the section was made for. */
    void show(UnitExplanation explanation);

    /** Fits what is wide (matrices of values) into the width the inspector has; nothing by default. */
    default void fitWidth(double width) {}
}
