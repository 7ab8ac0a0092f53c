package org.convscope.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.ui.view.ColorMap;
import org.convscope.ui.view.RgbImage;

/**
 * The probe image and its feature maps with the current weights: the input, then every layer with a spatial output
 * (a convolution is shown after its activation), one tile per channel, each layer on its own scale.
 */
final class FeatureMapsPane extends VBox {
    private static final double TILE_PIXELS = 48;
    private static final int MAX_COLUMNS = 8;

    private final Label prediction = new Label();
    private List<MosaicRow> rows = List.of();

    FeatureMapsPane() {
        getStyleClass().add("feature-maps");
        prediction.getStyleClass().add("prediction");
    }

    void show(ForwardSnapshot probe, int label) {
        List<Integer> layers = shownLayers(probe);
        if (layers.size() + 1 != rows.size()) rebuild(layers.size() + 1);
        Dims in = probe.spec().input();
        if (in.channels() == 3) {
            int scale = (int) Math.max(1, Math.round(2 * TILE_PIXELS / in.width()));
            rows.get(0).view().setImage(RgbImage.of(probe.input(), 0, in.width(), in.height(), scale));
            rows.get(0).title().setText("input · " + in + " (colour)");
        } else {
            paint(0, "input", probe.input(), in, ColorMap.INK);
        }
        for (int k = 0; k < layers.size(); k++) {
            int i = layers.get(k);
            paint(k + 1, probe.spec().layers().get(i).name(), probe.output(i), probe.shapes().get(i), ColorMap.VIRIDIS);
        }
        float[] p = probe.result();
        int top = probe.topClass();
        prediction.setText(String.format(Locale.ROOT, "probe: true class %d · predicted %d (%.0f%%)", label, top,
                100 * p[top]));
    }

    private void paint(int row, String name, float[] data, Dims d, ColorMap map) {
        int plane = d.height() * d.width();
        float[] range = org.convscope.ui.view.Heatmap.range(data, 0, d.size());
        int columns = Math.min(MAX_COLUMNS, d.channels());
        int scale = (int) Math.max(1, Math.round(TILE_PIXELS / d.width()));
        rows.get(row).view().setImage(rows.get(row).mosaic().paint(data, d.channels(), columns, d.height(), d.width(), scale,
                c -> c * plane, map, range));
        rows.get(row).title().setText(name + " · " + d);
    }

    /** Layers with a spatial output, a layer followed by an activation replaced by that activation. */
    private static List<Integer> shownLayers(ForwardSnapshot probe) {
        List<LayerSpec> specs = probe.spec().layers();
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            if (probe.shapes().get(i).isVector()) continue;
            boolean activationNext = i + 1 < specs.size() && specs.get(i + 1) instanceof ActivationSpec;
            if (specs.get(i) instanceof ConvSpec && activationNext) continue;
            shown.add(i);
        }
        return shown;
    }

    private void rebuild(int count) {
        rows = MosaicRow.create(count);
        getChildren().setAll(prediction);
        for (MosaicRow row : rows) getChildren().addAll(row.nodes());
    }
}
