package org.convscope.ui.training;

import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convscope.engine.Dims;
import org.convscope.engine.train.SampleSource;
import org.convscope.ui.view.ColorMap;
import org.convscope.ui.view.Heatmap;
import org.convscope.ui.view.RgbImage;

/**
 * The test images of one confusion-matrix cell. Clicking one makes it the probe (its feature maps show, and Step in
 * 4 phases can train on it); double-clicking opens it in the explorer (a colour image as the photo input).
 */
final class CellSamplesPane extends VBox {
    static final int MAX_SHOWN = 40;
    static final String HINT = "Click a cell of the confusion matrix to see its test images";

    private final Label title = new Label(HINT);
    private final FlowPane images = new FlowPane(3, 3);
    private IntConsumer onImage = i -> {};
    private IntConsumer onOpen = i -> {};
    private int probe = -1;

    CellSamplesPane() {
        getStyleClass().add("cell-samples");
        title.getStyleClass().add("caption");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(title, images);
    }

    /** What a click on an image does with its test index (make it the probe). */
    void setOnImage(IntConsumer handler) {
        onImage = handler;
    }

    /** What a double click does with its test index (open it in the explorer). */
    void setOnOpen(IntConsumer handler) {
        onOpen = handler;
    }

    /** Back to the hint, no images (the evaluation they came from is gone). */
    void clear() {
        title.setText(HINT);
        images.getChildren().clear();
    }

    /** Marks the image of this test index as the probe. */
    void markProbe(int index) {
        probe = index;
        for (var node : images.getChildren()) {
            node.getStyleClass().remove("probe");
            if (index == (int) node.getUserData()) node.getStyleClass().add("probe");
        }
    }

    void show(int trueClass, int predicted, int[] indices, SampleSource test) {
        Dims d = test.dims();
        title.setText(String.format(Locale.ROOT, "true %d, predicted %d: %s%s — click one to make it the probe;"
                + " double-click to open it in the explorer", trueClass, predicted,
                ConfusionMatrixView.images(indices.length), indices.length > MAX_SHOWN ? " (the first " + MAX_SHOWN + ")" : ""));
        images.getChildren().clear();
        float[] pixels = new float[d.size()];
        double zoom = Math.max(1, Math.round(56.0 / Math.max(d.width(), d.height())));
        for (int k = 0; k < Math.min(MAX_SHOWN, indices.length); k++) {
            int index = indices[k];
            test.fill(indices, k, 1, pixels);
            ImageView view = new ImageView(d.channels() == 3 ? RgbImage.of(pixels, 0, d.width(), d.height(), 1)
                    : Heatmap.image(pixels, 0, d.width(), d.height(), ColorMap.INK, 0, 1));
            view.setFitWidth(d.width() * zoom);
            view.setFitHeight(d.height() * zoom);
            view.setUserData(index);
            view.getStyleClass().add("test-image");
            Tooltip.install(view, new Tooltip(String.format(Locale.ROOT, "test image #%,d · true %d, predicted %d", index,
                    trueClass, predicted)));
            view.setOnMouseClicked(e -> {
                if (e.getClickCount() >= 2) onOpen.accept(index);
                else if (e.getClickCount() == 1) onImage.accept(index);
            });
            images.getChildren().add(view);
        }
        markProbe(probe);
    }
}
