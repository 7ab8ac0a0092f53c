package org.convscope.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.convscope.training.HealthSnapshot;
import org.convscope.training.LayerHealth;

/**
 * The network's health, one row per layer with weights: histograms of its weights, their gradients and its
 * activations on a fixed probe set, the share of dead ReLUs, and the update-to-weight ratio; each column explains
 * itself in a tooltip.
 */
final class HealthPane extends VBox {
    static final String WEIGHTS_TIP = "The layer's weights (not its biases). Training usually widens them a little;"
            + " weights that all collapse to 0 or grow without bound signal too much weight decay or a too high"
            + " learning rate.";
    static final String GRADIENTS_TIP = "dL/dw of the weights, averaged over the probe images. Gradients near zero"
            + " in early layers (vanishing) mean they learn slowly; very large ones (exploding) make training unstable.";
    static final String ACTIVATIONS_TIP = "The layer's outputs over the probe images, after its activation function"
            + " (a spike at 0 after a ReLU is normal). Bars on a square-root scale.";
    static final String DEAD_TIP = "Dead ReLUs: the share of units that are zero for every probe image; a unit is a"
            + " convolution's filter (zero at every position) or a fully connected neuron. A dead unit passes no"
            + " gradient, so it stops learning; a large share often follows a too high learning rate.";
    static final String RATIO_TIP = "Update-to-weight ratio ‖Δw‖/‖w‖ of the last measured step: how much one step"
            + " changes the layer. Around 1e-3 is healthy; much smaller learns slowly, much larger (above 1e-2)"
            + " overwrites what was learnt.";
    private static final Color WEIGHT_BARS = Color.web("#58a6ff");
    private static final Color GRADIENT_BARS = Color.web("#f0883e");
    private static final Color ACTIVATION_BARS = Color.web("#3fb950");

    final Label title = new Label();
    private final GridPane grid = new GridPane();
    private final List<Row> rows = new ArrayList<>();
    private HealthSnapshot shown;

    private record Row(Label name, HistogramCanvas weights, HistogramCanvas gradients, HistogramCanvas activations,
                       Label dead, Label ratio) {}

    HealthPane() {
        getStyleClass().add("health-pane");
        setId("health");
        title.getStyleClass().add("caption");
        grid.getStyleClass().add("health-grid");
        grid.setHgap(6);
        grid.setVgap(3);
        header(0, "layer", "Layers with weights: convolutions and fully connected layers.");
        header(1, "weights", WEIGHTS_TIP);
        header(2, "gradients", GRADIENTS_TIP);
        header(3, "activations", ACTIVATIONS_TIP);
        header(4, "dead ReLU", DEAD_TIP);
        header(5, "‖Δw‖/‖w‖", RATIO_TIP);
        getChildren().addAll(title, grid);
        setMinWidth(USE_PREF_SIZE);
    }

    private void header(int column, String text, String tip) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        label.setMinWidth(USE_PREF_SIZE);
        label.setTooltip(tooltip(tip));
        grid.add(label, column, 0);
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    void show(HealthSnapshot h) {
        if (h == null || h == shown) return;
        shown = h;
        title.setText(String.format(Locale.ROOT, "at step %,d · on %d fixed training images", h.step(), h.probeImages()));
        if (rows.size() != h.layers().size()) rebuild(h.layers().size());
        for (int i = 0; i < rows.size(); i++) {
            LayerHealth l = h.layers().get(i);
            Row r = rows.get(i);
            r.name().setText(l.layer());
            r.weights().show(l.weights());
            r.gradients().show(l.gradients());
            r.activations().show(l.activations());
            r.dead().setText(Double.isNaN(l.deadShare()) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * l.deadShare()));
            mark(r.dead(), !Double.isNaN(l.deadShare()) && l.deadShare() > 0.5);
            r.ratio().setText(Double.isNaN(l.updateRatio()) ? "–" : String.format(Locale.ROOT, "%.1e", l.updateRatio()));
            mark(r.ratio(), !Double.isNaN(l.updateRatio()) && (l.updateRatio() > 1e-2 || l.updateRatio() < 1e-5));
        }
    }

    private static void mark(Label label, boolean warn) {
        label.getStyleClass().removeAll("value", "warning");
        label.getStyleClass().add(warn ? "warning" : "value");
    }

    private void rebuild(int count) {
        grid.getChildren().removeIf(n -> GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) > 0);
        rows.clear();
        for (int i = 0; i < count; i++) {
            Row r = new Row(new Label(), new HistogramCanvas(WEIGHT_BARS), new HistogramCanvas(GRADIENT_BARS),
                    new HistogramCanvas(ACTIVATION_BARS), new Label(), new Label());
            r.name().getStyleClass().add("value");
            for (Label l : new Label[] {r.name(), r.dead(), r.ratio()}) l.setMinWidth(USE_PREF_SIZE);
            Tooltip.install(r.weights(), tooltip(WEIGHTS_TIP));
            Tooltip.install(r.gradients(), tooltip(GRADIENTS_TIP));
            Tooltip.install(r.activations(), tooltip(ACTIVATIONS_TIP));
            r.dead().setTooltip(tooltip(DEAD_TIP));
            r.ratio().setTooltip(tooltip(RATIO_TIP));
            grid.addRow(i + 1, r.name(), r.weights(), r.gradients(), r.activations(), r.dead(), r.ratio());
            rows.add(r);
        }
    }
}
