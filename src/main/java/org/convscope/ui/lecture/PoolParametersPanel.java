package org.convscope.ui.lecture;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.lecture.PoolStepper;

/** A pooling's kind (max, average, L2), window F and stride S; every change restarts the frame with them. */
final class PoolParametersPanel extends VBox {
    private final LectureModel model;
    private final ComboBox<PoolSpec.Kind> kind = new ComboBox<>();
    private final Spinner<Integer> window = ConvParametersPanel.spinner(1, 8);
    private final Spinner<Integer> stride = ConvParametersPanel.spinner(0, 8);
    private boolean updating;

    PoolParametersPanel(LectureModel model) {
        this.model = model;
        getStyleClass().add("parameters-panel");
        kind.getItems().setAll(PoolSpec.Kind.values());
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PoolSpec.Kind k) {
                return k == null ? "" : k == PoolSpec.Kind.L2 ? "L2" : k.name().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public PoolSpec.Kind fromString(String s) {
                return null;
            }
        });
        GridPane grid = new GridPane();
        grid.getStyleClass().add("parameters-grid");
        grid.addRow(0, new Label("pooling"), kind);
        grid.addRow(1, new Label("window F"), window);
        grid.addRow(2, new Label("stride S"), stride);
        Label hint = new Label("Click a number of the input to type another.");
        hint.setWrapText(true);
        hint.getStyleClass().add("panel-message");
        getChildren().addAll(new Label("parameters"), grid, hint);
        getChildren().getFirst().getStyleClass().add("grid-heading");
        kind.setOnAction(e -> changed());
        window.valueProperty().addListener((obs, old, v) -> changed());
        stride.valueProperty().addListener((obs, old, v) -> changed());
    }

    void show(PoolStepper s) {
        updating = true;
        kind.setValue(s.kind());
        window.getValueFactory().setValue(s.window());
        stride.getValueFactory().setValue(s.stride());
        updating = false;
    }

    private void changed() {
        if (updating || !(model.stepper() instanceof PoolStepper s) || kind.getValue() == null) return;
        model.replace(s.with(kind.getValue(), window.getValue(), stride.getValue()));
    }
}
