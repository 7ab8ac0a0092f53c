package org.convscope.ui.training.phases;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import java.util.HashSet;
import java.util.Set;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.train.Freezing;
import org.convscope.lecture.Notation;
import org.convscope.training.StepPhases;
import org.convscope.training.ConvFilters;
import org.convscope.ui.training.Mosaic;
import org.convscope.ui.view.ColorMap;
import org.convscope.ui.view.Heatmap;
import org.convscope.ui.view.RgbImage;

/** Captioned pictures of tensors for the phase panes: feature maps and vectors of one layer, filters of one layer. */
final class Tiles {
    private static final int TILE_PIXELS = 56;
    private static final int VECTOR_WIDTH = 24;
    private static final int MAX_COLUMNS = 8;

    private Tiles() {}

    /**
     * One layer's output (or its gradient) for one sample: a tile per channel, or a vector folded into a small grid,
     * each value a square block.
     *
     * @param range [min, max] of the colour map
     */
    static Node tensor(String caption, float[] data, Dims d, ColorMap map, float[] range) {
        Mosaic mosaic = new Mosaic();
        ImageView view = new ImageView();
        if (d.isVector()) {
            int width = vectorWidth(d.size());
            int height = (d.size() + width - 1) / width;
            float[] folded = java.util.Arrays.copyOf(data, width * height);
            int scale = Math.max(3, Math.min(10, 200 / width));
            view.setImage(mosaic.paint(folded, 1, 1, height, width, scale, i -> 0, map, range));
        } else {
            int plane = d.height() * d.width();
            int scale = Math.max(1, Math.round((float) TILE_PIXELS / d.width()));
            view.setImage(mosaic.paint(data, d.channels(), Math.min(MAX_COLUMNS, d.channels()), d.height(), d.width(),
                    scale, c -> c * plane, map, range));
        }
        return card(caption, view);
    }

    /**
     * The sample the step trains on: a colour picture when it has three channels (R, G, B), else its channels as
     * {@link #tensor} draws them, on the sample's own range.
     */
    static Node input(String caption, float[] data, Dims d) {
        if (d.channels() == 3 && !d.isVector()) {
            int scale = Math.max(1, Math.round(2f * TILE_PIXELS / d.width()));
            return card(caption + " (colour)", new ImageView(RgbImage.of(data, 0, d.width(), d.height(), scale)));
        }
        return tensor(caption, data, d, ColorMap.INK, Heatmap.range(data, 0, d.size()));
    }

    /** The layers that do not train in this step (all but the last {@code trainLast} with weights). */
    static Set<String> frozen(StepPhases s) {
        NetworkSpec spec = s.forward().spec();
        boolean[] frozen = Freezing.frozenLayers(spec, s.settings().trainLast());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < frozen.length; i++) if (frozen[i]) names.add(spec.layers().get(i).name());
        return names;
    }

    /** A frozen layer's card: its name and what freezing means for it, without pictures of zeros. */
    static Node frozenCard(String layer, String what) {
        VBox card = card(layer + " · frozen: " + what, new javafx.scene.layout.Region());
        card.getStyleClass().add("frozen-card");
        return card;
    }

    /** A row per input channel and a column per filter, as the studio shows filters, within ±extent. */
    static Node filters(String caption, ConvFilters f, float extent, int targetWidth) {
        int tile = f.kernelHeight() * f.kernelWidth();
        int scale = Math.max(2, Math.min(14, targetWidth / (f.filters() * (f.kernelWidth() + 1))));
        ImageView view = new ImageView(new Mosaic().paint(f.weights(), f.filters() * f.channels(), f.filters(),
                f.kernelHeight(), f.kernelWidth(), scale, i -> ((i % f.filters()) * f.channels() + i / f.filters()) * tile,
                ColorMap.DIVERGING, new float[] {-extent, extent}));
        return card(caption, view);
    }

    /**
     * Class scores with their numbers (logits, or probabilities as per cents), a column per class, the true class
     * marked: a row of coloured cells over the class and the value, so a 10-wide vector reads as numbers.
     *
     * @param percent whether the values are probabilities, shown as per cents
     */
    static VBox classValues(String caption, float[] values, int trueClass, boolean percent) {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.getStyleClass().add("class-values");
        for (int c = 0; c < values.length; c++) {
            Label head = new Label(Integer.toString(c));
            Label value = new Label(percent ? String.format(java.util.Locale.ROOT, "%.1f%%", 100 * values[c])
                    : Notation.minus(String.format(java.util.Locale.ROOT, "%.2f", values[c])));
            String style = c == trueClass ? "true-class" : "table-cell";
            head.getStyleClass().add("table-head");
            value.getStyleClass().add(style);
            grid.add(head, c, 0);
            grid.add(value, c, 1);
        }
        return card(caption, grid);
    }

    /** The caption above the picture. */
    static VBox card(String caption, Node picture) {
        Label title = new Label(caption);
        title.getStyleClass().add("caption");
        VBox box = new VBox(title, picture);
        box.getStyleClass().add("tile-card");
        return box;
    }

    /** A number with four significant digits and no trailing zeros: 0.05, 0.9, 1.234e-05. */
    static String number(float v) {
        return Notation.minus(String.format(java.util.Locale.ROOT, "%.4g", v).replaceAll("\\.?0+($|e)", "$1"));
    }

    /** The largest |value|, the extent of a symmetric colour map. */
    static float extent(float[]... arrays) {
        float m = 0;
        for (float[] a : arrays) for (float v : a) if (Math.abs(v) > m) m = Math.abs(v);
        return m;
    }

    /**
     * The widest divisor of n from 8 up to {@value #VECTOR_WIDTH}, so the vector folds into a full rectangle; short
     * vectors stay one row; otherwise {@value #VECTOR_WIDTH} wide with the last row padded with zeros.
     */
    private static int vectorWidth(int n) {
        if (n <= VECTOR_WIDTH) return n;
        for (int w = VECTOR_WIDTH; w >= 8; w--) if (n % w == 0) return w;
        return VECTOR_WIDTH;
    }
}
