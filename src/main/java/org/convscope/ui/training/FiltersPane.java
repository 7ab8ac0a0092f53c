package org.convscope.ui.training;

import java.util.List;
import java.util.Locale;
import javafx.scene.layout.VBox;
import org.convscope.training.ConvFilters;
import org.convscope.ui.view.ColorMap;

/**
 * The filters of every convolution layer: one mosaic per layer, a column per filter and a row per input channel,
 * blue for negative weights, red for positive, white for zero (each layer on its own ±max|w| scale).
 */
final class FiltersPane extends VBox {
    private static final double TARGET_WIDTH = 440;

    private List<MosaicRow> rows = List.of();

    FiltersPane() {
        getStyleClass().add("filters-pane");
    }

    void show(List<ConvFilters> layers) {
        if (layers.size() != rows.size()) rebuild(layers.size());
        for (int l = 0; l < layers.size(); l++) {
            ConvFilters f = layers.get(l);
            float extent = 0;
            for (float w : f.weights()) extent = Math.max(extent, Math.abs(w));
            int tile = f.kernelHeight() * f.kernelWidth();
            int scale = (int) Math.max(2, Math.min(14, TARGET_WIDTH / (f.filters() * (f.kernelWidth() + 1))));
            rows.get(l).view().setImage(rows.get(l).mosaic().paint(f.weights(), f.filters() * f.channels(), f.filters(),
                    f.kernelHeight(), f.kernelWidth(), scale,
                    i -> ((i % f.filters()) * f.channels() + i / f.filters()) * tile, ColorMap.DIVERGING,
                    new float[] {-extent, extent}));
            rows.get(l).title().setText(String.format(Locale.ROOT, "%s · %d filters of %d×%d×%d · weights within ±%.3f",
                    f.layer(), f.filters(), f.channels(), f.kernelHeight(), f.kernelWidth(), extent));
        }
    }

    private void rebuild(int count) {
        rows = MosaicRow.create(count);
        getChildren().clear();
        for (MosaicRow row : rows) getChildren().addAll(row.nodes());
    }
}
