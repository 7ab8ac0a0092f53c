package org.convscope.ui.training;

import java.util.function.IntConsumer;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.convscope.engine.Dims;
import org.convscope.engine.train.SampleSource;
import org.convscope.model.DigitInput;
import org.convscope.ui.view.ColorMap;
import org.convscope.ui.view.Heatmap;
import org.convscope.ui.view.RgbImage;

/** The test images of one confusion-matrix cell; clicking one reports its index (to open it in the explorer). */
final class CellSamplesPane extends VBox {
    static final int MAX_SHOWN = 40;

    private final Label title = new Label("Click a cell of the confusion matrix to see its test images");
    private final FlowPane images = new FlowPane(3, 3);
    private IntConsumer onImage = i -> {};

    CellSamplesPane() {
        getStyleClass().add("cell-samples");
        title.getStyleClass().add("caption");
        title.setWrapText(true);
        getChildren().addAll(title, images);
    }

    void setOnImage(IntConsumer handler) {
        onImage = handler;
    }

    void show(int trueClass, int predicted, int[] indices, SampleSource test) {
        Dims d = test.dims();
        boolean explorable = DigitInput.takesDigits(d);
        title.setText(String.format("true %d, predicted %d: %d test images%s — %s", trueClass, predicted, indices.length,
                indices.length > MAX_SHOWN ? " (first " + MAX_SHOWN + ")" : "", explorable
                        ? "click one to open it in the explorer"
                        : "the explorer takes one-channel digits of at least 28×28, so these " + d
                                + " images cannot be opened there"));
        images.getChildren().clear();
        float[] pixels = new float[d.size()];
        for (int k = 0; k < Math.min(MAX_SHOWN, indices.length); k++) {
            int index = indices[k];
            test.fill(indices, k, 1, pixels);
            ImageView view = new ImageView(d.channels() == 3 ? RgbImage.of(pixels, 0, d.width(), d.height(), 1)
                    : Heatmap.image(pixels, 0, d.width(), d.height(), ColorMap.INK, 0, 1));
            view.setFitWidth(d.width() * 2);
            view.setFitHeight(d.height() * 2);
            Tooltip.install(view, new Tooltip("test image " + index));
            if (explorable) {
                view.getStyleClass().add("test-image");
                view.setOnMouseClicked(e -> onImage.accept(index));
            }
            images.getChildren().add(view);
        }
    }
}
