package org.convscope.ui.explorer;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convscope.data.InkImage;
import org.convscope.data.Preprocess;
import org.convscope.data.Preprocess.Preprocessed;
import org.convscope.ui.explorer.network.LayoutBoundary;
import org.convscope.ui.explorer.network.PixelStack;
import org.convscope.ui.explorer.network.PixelView;
import org.convscope.ui.view.ColorMap;

/**
 * "What the network sees": the 28×28 input after MNIST preprocessing, large, with the saliency (gradient × input or
 * occlusion) as an overlay (red: ink that supports the top class, blue: ink that speaks against it), and on request every step:
 * the crop to the ink, the scaling into 20 px, the centring of mass at (14, 14).
 */
public final class PreprocessView extends VBox {
    public static final String SEEN_ID = "network-sees";
    public static final String SALIENCY_ID = "saliency-overlay";
    private static final double SEEN = 224;
    private static final double STEP = 84;

    private final ExplorerModel model;
    private final PixelView seen = new PixelView(SEEN, SEEN, true);
    private final PixelView saliency = new PixelView(SEEN, SEEN, true);
    private final int[] saliencyPixels = new int[Preprocess.SIZE * Preprocess.SIZE];
    private final ToggleButton showSteps = new ToggleButton("Steps");
    private final PixelView cropped = new PixelView(STEP, STEP, false);
    private final PixelView scaled = new PixelView(STEP, STEP, false);
    private final PixelView centred = new PixelView(STEP, STEP, false);
    private final Label croppedSize = new Label();
    private final Label scaledSize = new Label();
    private final Label centredSize = new Label("mass at (14, 14)");
    private final HBox steps;
    private final LayoutBoundary boundary; // the steps change size with every point: lay them out on their own

    public PreprocessView(ExplorerModel model) {
        this.model = model;
        steps = new HBox(6, step("1 · crop to ink", cropped, croppedSize), step("2 · scale to 20 px", scaled, scaledSize),
                step("3 · centre", centred, centredSize));
        boundary = new LayoutBoundary(steps);
        build();
        wire();
    }

    private void build() {
        getStyleClass().addAll("preprocess-view", "panel");
        Label title = new Label("What the network sees");
        title.getStyleClass().add("panel-title");
        showSteps.setTooltip(new Tooltip("Show each preprocessing step: crop, scale to 20 px, centre of mass (P)"));
        showSteps.setId("show-steps");
        showSteps.setSelected(true);
        HBox header = new HBox(8, title, showSteps);
        header.setAlignment(Pos.CENTER_LEFT);
        saliency.setMouseTransparent(true);
        saliency.setId(SALIENCY_ID);
        saliency.setVisible(false);
        PixelStack picture = new PixelStack(SEEN, SEEN, seen, saliency);
        picture.setId(SEEN_ID);
        picture.getStyleClass().add("seen-picture");
        Tooltip.install(picture, new Tooltip("The 28×28 input after MNIST-style preprocessing, as `convscope classify`"
                + " does it. With saliency on: red marks what drives the top class, blue what argues against it."));
        steps.getStyleClass().add("preprocess-steps");
        boundary.visibleProperty().bind(showSteps.selectedProperty());
        boundary.managedProperty().bind(showSteps.selectedProperty());
        getChildren().addAll(header, picture, boundary);
        setAlignment(Pos.TOP_LEFT);
    }

    private static VBox step(String caption, PixelView image, Label size) {
        Label name = new Label(caption);
        name.getStyleClass().add("step-caption");
        size.getStyleClass().add("step-size");
        PixelStack box = new PixelStack(STEP, STEP, image);
        box.getStyleClass().add("step-picture");
        VBox v = new VBox(2, name, box, size);
        v.setAlignment(Pos.TOP_CENTER);
        return v;
    }

    private void wire() {
        model.frameProperty().addListener((o, old, f) -> show(f));
        model.saliencyMapProperty().addListener((o, old, m) -> paintSaliency(m == null ? null : m.values()));
    }

    /** Toggles the preprocessing steps. */
    public void toggleSteps() {
        showSteps.setSelected(!showSteps.isSelected());
    }

    private void show(Frame f) {
        Preprocessed pre = f.preprocessed();
        InkImage input = pre.centred();
        seen.paint(input.ink(), 0, input.width(), input.height(), ColorMap.INK, 0, 1);
        if (!showSteps.isSelected()) return;
        stepImage(cropped, pre.cropped());
        stepImage(scaled, pre.scaled());
        stepImage(centred, pre.centred());
        croppedSize.setText(pre.isEmpty() ? "no ink" : pre.cropped().width() + "×" + pre.cropped().height());
        scaledSize.setText(pre.isEmpty() ? "" : pre.scaled().width() + "×" + pre.scaled().height());
    }

    private static void stepImage(PixelView view, InkImage image) {
        InkImage shown = image.isEmpty() ? InkImage.blank(1, 1) : image;
        view.paintFitted(shown.ink(), shown.width(), shown.height(), ColorMap.INK, 0, 1);
    }

    /** Alpha grows with |saliency| relative to its largest value: red for positive, blue for negative. */
    private void paintSaliency(float[] s) {
        boolean shown = s != null && s.length == saliencyPixels.length;
        saliency.setVisible(shown);
        if (!shown) return;
        float max = 0;
        for (int i = 0; i < saliencyPixels.length; i++) max = Math.max(max, Math.abs(s[i]));
        for (int i = 0; i < saliencyPixels.length; i++) {
            float t = max == 0 ? 0 : s[i] / max;
            int alpha = Math.round(Math.min(1f, Math.abs(t) * 1.4f) * 220);
            saliencyPixels[i] = alpha << 24 | (t >= 0 ? 0xE0301C : 0x1F5FD0);
        }
        saliency.show(saliencyPixels, Preprocess.SIZE, Preprocess.SIZE);
    }
}
