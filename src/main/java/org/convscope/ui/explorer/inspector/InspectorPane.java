package org.convscope.ui.explorer.inspector;

import javafx.scene.layout.VBox;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.explain.UnitRef;

/** Shows one unit's arithmetic with the real numbers of a forward pass. */
public final class InspectorPane extends VBox {
    public InspectorPane() {
        getStyleClass().add("inspector");
    }

    /** Explains the unit of the snapshot. */
    public void show(ForwardSnapshot snapshot, UnitRef unit) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Shows nothing. */
    public void clear() {
        getChildren().clear();
    }
}
