package org.convscope.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Loss;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.BatchNormSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.lecture.Notation;
import org.convscope.ui.view.ColorMap;
import org.convscope.ui.view.Heatmap;
import org.convscope.ui.view.RgbImage;

/**
 * The probe image and its feature maps with the current weights: the input (in colour when it has three channels),
 * then every layer with a spatial output (a convolution or batch norm that an activation follows is shown after it),
 * each a {@link LayerTiles} grid of its channels on the layer's own scale, a page at a time for wide layers, in order
 * or most active first. The probe is any test image: ‹ and › step through them, the dice picks one at random (and a
 * test image clicked under the confusion matrix becomes the probe).
 */
final class FeatureMapsPane extends VBox {
    private static final double INPUT_PIXELS = 96;

    final Label prediction = new Label();
    final Button previous = small("probe-previous", "‹", "The test image before");
    final Button next = small("probe-next", "›", "The next test image");
    final Button random = small("probe-random", "random", "A test image at random");
    final Button phases = small("probe-phases", "4 phases on it", "Pause and take one training step on the probe image,"
            + " shown as its four phases (the step is real: the network learns from this image)");
    private final Label inputTitle = new Label();
    private final ImageView input = new ImageView();
    private final VBox layers = new VBox();
    private final double layerHeight;
    private List<Integer> shown = List.of();
    private List<LayerTiles> grids = List.of();
    private IntConsumer onStep = d -> {};
    private float[] shownInput; // the probe image drawn, to redraw only another one

    /** @param layerHeight the height one layer's page should fit in */
    FeatureMapsPane(double layerHeight) {
        this.layerHeight = layerHeight;
        getStyleClass().add("feature-maps");
        setMinWidth(0);
        prediction.getStyleClass().add("prediction");
        prediction.setId("probe-prediction");
        prediction.setWrapText(true);
        inputTitle.getStyleClass().add("caption");
        HBox choose = new HBox(4, new Label("probe"), previous, next, random, phases);
        choose.setAlignment(Pos.CENTER_LEFT);
        layers.getStyleClass().add("feature-maps");
        getChildren().addAll(choose, prediction, inputTitle, input, layers);
        previous.setOnAction(e -> onStep.accept(-1));
        next.setOnAction(e -> onStep.accept(1));
        random.setOnAction(e -> onStep.accept(0));
    }

    private static Button small(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("small");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    /** What ‹ (−1), › (+1) and random (0) ask for. */
    void setOnStep(IntConsumer handler) {
        onStep = handler;
    }

    /**
     * @param index the probe's test image, or −1 when it is not one
     */
    void show(ForwardSnapshot probe, int label, int index) {
        NetworkSpec spec = probe.spec();
        Dims in = spec.input();
        int scale = (int) Math.max(1, Math.round(INPUT_PIXELS / Math.max(in.width(), in.height())));
        // The probe's picture changes only when another image is chosen, not with every training frame.
        if (!java.util.Arrays.equals(probe.input(), shownInput)) {
            shownInput = probe.input().clone();
            input.setImage(in.channels() == 3 ? RgbImage.of(probe.input(), 0, in.width(), in.height(), scale)
                : Heatmap.image(upscaled(probe.input(), in, scale), 0, in.width() * scale, in.height() * scale,
                        ColorMap.INK, 0, 1));
        }
        inputTitle.setText("input · " + Notation.size(in) + (in.channels() == 3 ? " (colour)" : ""));
        int classes = spec.numClasses();
        float[] p = new float[classes];
        Loss.Output.of(spec).probabilities(probe.result(), 0, classes, p);
        int top = probe.topClass();
        String which = index >= 0 ? String.format(Locale.ROOT, "test image #%,d", index) : "the chosen image";
        prediction.setText(String.format(Locale.ROOT, "%s · true class %d · predicted %d (%.0f%%)", which, label, top,
                100 * p[top]));
        List<Integer> now = shownLayers(spec, probe.shapes());
        if (!now.equals(shown)) rebuild(now);
        for (int k = 0; k < now.size(); k++) {
            int i = now.get(k);
            Dims d = probe.shapes().get(i);
            float[] range = Heatmap.range(probe.output(i), 0, d.size());
            String name = spec.layers().get(i).name();
            grids.get(k).show(Notation.minus(String.format(Locale.ROOT, "%s · %s · within [%.3g, %.3g]", name, Notation.size(d), range[0],
                    range[1])),
                    new MapTiles(name, probe.output(i), d, ColorMap.VIRIDIS, range));
        }
    }

    private static float[] upscaled(float[] image, Dims d, int scale) {
        if (scale == 1) return image;
        int w = d.width() * scale;
        float[] out = new float[w * d.height() * scale];
        for (int y = 0; y < d.height() * scale; y++) {
            for (int x = 0; x < w; x++) out[y * w + x] = image[(y / scale) * d.width() + x / scale];
        }
        return out;
    }

    /**
     * Layers with a spatial output, leaving out a convolution or batch norm whose only reader is the next layer and
     * that is an activation or a batch norm (the maps after it tell more).
     */
    static List<Integer> shownLayers(NetworkSpec spec, List<Dims> shapes) {
        List<LayerSpec> specs = spec.layers();
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            if (shapes.get(i).isVector()) continue;
            boolean before = specs.get(i) instanceof ConvSpec || specs.get(i) instanceof BatchNormSpec;
            if (before && i + 1 < specs.size() && readsOnly(spec, i + 1, i) && onlyReader(spec, i)
                    && (specs.get(i + 1) instanceof ActivationSpec || specs.get(i + 1) instanceof BatchNormSpec)) {
                continue;
            }
            result.add(i);
        }
        return result;
    }

    private static boolean readsOnly(NetworkSpec spec, int layer, int source) {
        return spec.sourcesOf(layer).equals(List.of(source));
    }

    private static boolean onlyReader(NetworkSpec spec, int layer) {
        int readers = 0;
        for (int j = layer + 1; j < spec.layers().size(); j++) if (spec.sourcesOf(j).contains(layer)) readers++;
        return readers == 1;
    }

    private void rebuild(List<Integer> layerIndices) {
        shown = layerIndices;
        List<LayerTiles> made = new ArrayList<>();
        for (int i = 0; i < layerIndices.size(); i++) made.add(new LayerTiles("most active", layerHeight));
        grids = List.copyOf(made);
        layers.getChildren().setAll(grids);
    }

    /** The grid of the k-th layer shown, for tests. */
    LayerTiles grid(int k) {
        return grids.get(k);
    }
}
