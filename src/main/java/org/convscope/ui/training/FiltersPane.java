package org.convscope.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.layout.VBox;
import org.convscope.lecture.Notation;
import org.convscope.training.ConvFilters;

/**
 * The filters of every convolution layer, each layer a {@link LayerTiles} grid of its filters (see
 * {@link FilterTiles}): a colour first layer as RGB pictures, others blue for negative weights and red for positive,
 * each layer on its own ±max|w| scale; layers of many filters a page at a time, in order or most changed first. A
 * frozen layer (one that does not train: only the last layers do) says so and is dimmed.
 */
final class FiltersPane extends VBox {
    private final double layerHeight;
    private List<String> names = List.of();
    private List<LayerTiles> grids = List.of();

    /** @param layerHeight the height one layer's page should fit in */
    FiltersPane(double layerHeight) {
        this.layerHeight = layerHeight;
        getStyleClass().add("filters-pane");
        setMinWidth(0);
    }

    /**
     * @param reference the filters at step 0, to sort and describe by how far each moved (null or empty: none)
     * @param frozen    the names of the layers that do not train, marked as frozen
     */
    void show(List<ConvFilters> layers, List<ConvFilters> reference, Set<String> frozen) {
        List<String> now = layers.stream().map(ConvFilters::layer).toList();
        if (!now.equals(names)) rebuild(now);
        for (int l = 0; l < layers.size(); l++) {
            ConvFilters f = layers.get(l);
            FilterTiles tiles = new FilterTiles(f, reference(reference, l, f), l == 0);
            grids.get(l).show(caption(f, tiles), tiles);
            grids.get(l).setFrozen(frozen.contains(f.layer()));
        }
    }

    private static ConvFilters reference(List<ConvFilters> reference, int l, ConvFilters f) {
        if (reference == null || l >= reference.size()) return null;
        ConvFilters r = reference.get(l);
        return r.layer().equals(f.layer()) ? r : null;
    }

    static String caption(ConvFilters f, FilterTiles tiles) {
        String shape = f.filters() + " filters of " + Notation.size(f.kernelHeight(), f.kernelWidth(), f.channels());
        String how = tiles.rgb() ? " in colour (R, G, B)"
                : tiles.shownChannels() < f.channels() ? " (the first " + tiles.shownChannels() + " channels of each)" : "";
        return String.format(Locale.ROOT, "%s · %s%s · weights within ±%.3f", f.layer(), shape, how, tiles.extent());
    }

    /** The grid of layer i, for tests. */
    LayerTiles grid(int i) {
        return grids.get(i);
    }

    private void rebuild(List<String> layerNames) {
        names = layerNames;
        List<LayerTiles> made = new ArrayList<>();
        for (int i = 0; i < layerNames.size(); i++) made.add(new LayerTiles("most changed", layerHeight));
        grids = List.copyOf(made);
        getChildren().setAll(grids);
    }
}
