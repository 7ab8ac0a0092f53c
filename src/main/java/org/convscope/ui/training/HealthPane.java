package org.convscope.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.convscope.training.HealthSnapshot;
import org.convscope.training.LayerHealth;

/**
 * The network's health, one row per layer with weights: histograms of its weights, their gradients and its
 * activations on a fixed probe set, the share of dead ReLUs, and the update-to-weight ratio; each column explains
 * itself in a tooltip. A frozen layer says so instead of its gradients and ratio. A layer whose ReLUs are all dead
 * raises an alarm above the table: at step 0 the network starts dead and cannot learn at all.
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
    static final String FROZEN_TIP = "Frozen: this layer's weights stay as they are (only the last layers train), so"
            + " it has no gradient and no update.";

    /** The longest layer name written on one line. */
    static final int NAME_LINE = 9;

    final Label title = new Label();
    final Label alarm = new Label();
    private final GridPane grid = new GridPane();
    private final List<Row> rows = new ArrayList<>();
    private HealthSnapshot shown;

    private record Row(Label name, HistogramCanvas weights, HistogramCanvas gradients, HistogramCanvas activations,
                       Label dead, Label ratio) {}

    HealthPane() {
        getStyleClass().add("health-pane");
        setId("health");
        title.getStyleClass().add("caption");
        alarm.setId("health-alarm");
        alarm.getStyleClass().add("health-alarm");
        alarm.setWrapText(true);
        alarm.setMinHeight(Region.USE_PREF_SIZE);
        showAlarm("");
        grid.getStyleClass().add("health-grid");
        grid.setHgap(4);
        grid.setVgap(3);
        header(0, "layer", "Layers with weights: convolutions and fully connected layers.");
        header(1, "weights", WEIGHTS_TIP);
        header(2, "gradients", GRADIENTS_TIP);
        header(3, "activations", ACTIVATIONS_TIP);
        header(4, "dead\nReLU", DEAD_TIP);
        header(5, "‖Δw‖/‖w‖", RATIO_TIP);
        getChildren().addAll(title, alarm, grid);
        setMinWidth(0);
        widthProperty().addListener((o, a, b) -> fitHistograms());
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
            r.name().setUserData(l.layer());
            r.weights().show(l.weights());
            if (l.frozen()) r.gradients().showNote("frozen");
            else r.gradients().show(l.gradients());
            r.activations().show(l.activations());
            r.dead().setText(Double.isNaN(l.deadShare()) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * l.deadShare()));
            mark(r.dead(), !Double.isNaN(l.deadShare()) && l.deadShare() > 0.5 ? "warning" : "value");
            r.ratio().setText(l.frozen() ? "frozen" : Double.isNaN(l.updateRatio()) ? "–" : ratio(l.updateRatio()));
            r.ratio().setTooltip(tooltip(l.frozen() ? FROZEN_TIP : RATIO_TIP));
            mark(r.ratio(), l.frozen() ? "frozen" : !Double.isNaN(l.updateRatio())
                    && (l.updateRatio() > 1e-2 || l.updateRatio() < 1e-5) ? "warning" : "value");
        }
        showAlarm(alarm(h));
        fitHistograms();
    }

    /** "1.2e-3": the ratio in two significant digits and an exponent without a leading zero, narrow for the table. */
    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.1e", r).replaceFirst("e([-+])0*(\\d)", "e$1$2").replace("e+", "e");
    }

    /**
     * A layer's name on two lines when it is longer than {@value #NAME_LINE} characters and has a dot to break after:
     * before its last part ("layer1.0." over "conv1"), or before the last two when the last is a number ("block2." over
     * "shortcut.0", "layer2.0." over "downsample.0"), so that graph networks' long names leave the histograms their
     * room; a short name as it is.
     */
    static String wrapped(String name) {
        if (name.length() <= NAME_LINE) return name;
        int cut = name.lastIndexOf('.', name.length() - 2);
        if (cut > 0 && name.substring(cut + 1).chars().allMatch(Character::isDigit)) {
            int before = name.lastIndexOf('.', cut - 1);
            if (before > 0) cut = before;
        }
        return cut <= 0 ? name : name.substring(0, cut + 1) + "\n" + name.substring(cut + 1);
    }

    /**
     * The alarm for layers whose ReLUs are all dead, or "": at step 0 the network starts dead (no gradient reaches
     * the layers before, so it cannot learn at all); later, training has killed them.
     */
    static String alarm(HealthSnapshot h) {
        List<String> dead = h.layers().stream().filter(LayerHealth::allDead).map(LayerHealth::layer).toList();
        if (dead.isEmpty()) return "";
        String which = String.join(", ", dead);
        String all = "every ReLU after " + which + " is zero for every probe image";
        return h.step() == 0
                ? "The network starts dead: " + all + ", so no gradient passes and it cannot learn. Reset with another"
                        + " seed, or change the network (its initialisation, a bias, leaky ReLU)."
                : "Dead: " + all + ", so no gradient passes through and the layers before it stop learning. Lower the"
                        + " learning rate and reset, or go back to a saved session.";
    }

    /**
     * Narrows the three histograms (down to {@value HistogramCanvas#MIN_WIDTH} px) when the pane is narrower than the
     * table at their full width, so the dead ReLU and update ratio columns stay in sight: the widest width at which
     * the three columns, each as wide as its histogram or its header, fit beside the others.
     */
    private void fitHistograms() {
        if (rows.isEmpty()) return;
        nameLines(false);
        double each = histogramWidth();
        if (each < HistogramCanvas.WIDTH * 0.8) {
            nameLines(true);
            each = histogramWidth();
        }
        for (Row r : rows) {
            r.weights().resizeTo(each);
            r.gradients().resizeTo(each);
            r.activations().resizeTo(each);
        }
    }

    /** The widest the histograms can be beside the other columns, each column as wide as its histogram or header. */
    private double histogramWidth() {
        double left = getWidth() - (widest(0) + widest(4) + widest(5) + 5 * grid.getHgap() + 4);
        double each = HistogramCanvas.WIDTH;
        while (each > HistogramCanvas.MIN_WIDTH
                && Math.max(each, widest(1)) + Math.max(each, widest(2)) + Math.max(each, widest(3)) > left) each--;
        return each;
    }

    /** Writes the layers' names on one line, or long ones on two ({@link #wrapped}). */
    private void nameLines(boolean two) {
        for (Row r : rows) {
            if (r.name().getUserData() instanceof String name) r.name().setText(two ? wrapped(name) : name);
        }
    }

    /** The widest label of a column of the table. */
    private double widest(int column) {
        double w = 0;
        for (javafx.scene.Node n : grid.getChildren()) {
            Integer c = GridPane.getColumnIndex(n);
            if (c != null && c == column && n instanceof Label l) w = Math.max(w, l.prefWidth(-1));
        }
        return w;
    }

    private void showAlarm(String text) {
        alarm.setText(text);
        alarm.setVisible(!text.isEmpty());
        alarm.setManaged(!text.isEmpty());
    }

    private static void mark(Label label, String style) {
        label.getStyleClass().removeAll("value", "warning", "frozen");
        label.getStyleClass().add(style);
    }

    private void rebuild(int count) {
        grid.getChildren().removeIf(n -> GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) > 0);
        rows.clear();
        for (int i = 0; i < count; i++) {
            Row r = new Row(new Label(), new HistogramCanvas(StudioPalette.Ink.SMOOTH),
                    new HistogramCanvas(StudioPalette.Ink.TRAIN), new HistogramCanvas(StudioPalette.Ink.TEST), new Label(),
                    new Label());
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
        fitHistograms();
    }
}
