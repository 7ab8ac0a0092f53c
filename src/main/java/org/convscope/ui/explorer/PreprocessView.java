package org.convscope.ui.explorer;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.convscope.data.InkImage;
import org.convscope.data.Preprocess;
import org.convscope.data.Preprocess.Preprocessed;
import org.convscope.engine.explain.UnitRef;
import org.convscope.lecture.Notation;
import org.convscope.ui.explorer.network.LayoutBoundary;
import org.convscope.ui.explorer.network.PixelStack;
import org.convscope.ui.explorer.network.PixelView;
import org.convscope.ui.view.ColorMap;

/**
 * "What the network sees": the input after MNIST preprocessing, large, with the receptive field of the unit being
 * inspected outlined on it and the saliency as an overlay (colours {@code -x-saliency-for} and
 * {@code -x-saliency-against} of the theme); beside it the saliency's method and its legend, which names the class it
 * explains; on request every step under it: the crop to the ink, the scaling into 20 px, the centring of mass.
 */
public final class PreprocessView extends VBox {
    public static final String SEEN_ID = "network-sees";
    public static final String SALIENCY_ID = "saliency-overlay";
    public static final String FIELD_ID = "seen-field";
    public static final String SALIENCY_CHOICE_ID = "saliency-choice";
    public static final String SALIENCY_LEGEND_ID = "saliency-legend";
    private static final StyleablePropertyFactory<PreprocessView> CSS =
            new StyleablePropertyFactory<>(VBox.getClassCssMetaData());
    private static final String OFF = "off";

    private final ExplorerModel model;
    private final PixelView seen = new PixelView(1, 1, true);
    private final PixelView saliency = new PixelView(1, 1, true);
    private final Rectangle field = new Rectangle();
    private final PixelStack picture = new PixelStack(1, 1, seen, saliency);
    private final int[] saliencyPixels = new int[Preprocess.SIZE * Preprocess.SIZE];
    private final ToggleButton showSteps = new ToggleButton("Steps");
    private final ComboBox<Object> method = new ComboBox<>();
    private final Label explains = new Label();
    private final VBox legend;
    private final PixelView cropped = new PixelView(1, 1, false);
    private final PixelView scaled = new PixelView(1, 1, false);
    private final PixelView centred = new PixelView(1, 1, false);
    private final PixelStack[] stepPictures = {new PixelStack(1, 1, cropped), new PixelStack(1, 1, scaled),
            new PixelStack(1, 1, centred)};
    private final Label croppedSize = new Label();
    private final Label scaledSize = new Label();
    private final Label centredSize = new Label("at (" + Preprocess.SIZE / 2 + ", " + Preprocess.SIZE / 2 + ")");
    private final HBox steps;
    private final LayoutBoundary boundary; // the steps change size with every point: lay them out on their own
    private final StyleableProperty<Color> forColour =
            CSS.createStyleableColorProperty(this, "saliencyFor", "-x-saliency-for", v -> v.forColour, Color.RED);
    private final StyleableProperty<Color> againstColour =
            CSS.createStyleableColorProperty(this, "saliencyAgainst", "-x-saliency-against", v -> v.againstColour, Color.BLUE);
    private SaliencyMap shownSaliency;

    public PreprocessView(ExplorerModel model) {
        this.model = model;
        steps = new HBox(6, step("1 · crop", 0, croppedSize), step("2 · scale", 1, scaledSize),
                step("3 · centre", 2, centredSize));
        boundary = new LayoutBoundary(steps);
        legend = legend();
        build();
        wire();
    }

    private void build() {
        getStyleClass().addAll("preprocess-view", "panel");
        Label title = new Label("What the network sees");
        title.getStyleClass().add("panel-title");
        title.setMinWidth(0);
        showSteps.setTooltip(new Tooltip("Show each preprocessing step: crop to the ink, scale the longer side to "
                + Preprocess.BOX + " px, put the centre of mass at the middle (" + Shortcut.STEPS.keys() + ")"));
        showSteps.setId("show-steps");
        showSteps.setSelected(true);
        showSteps.setMinWidth(USE_PREF_SIZE);
        saliency.setMouseTransparent(true);
        saliency.setId(SALIENCY_ID);
        saliency.setVisible(false);
        field.setId(FIELD_ID);
        field.getStyleClass().add("receptive-field");
        field.setMouseTransparent(true);
        field.setVisible(false);
        picture.addOverlay(field);
        picture.setId(SEEN_ID);
        picture.getStyleClass().add("seen-picture");
        Tooltip.install(picture, new Tooltip("The input after MNIST-style preprocessing, as `convscope classify` does"
                + " it; the outline is the receptive field of the unit being inspected."));
        HBox row = new HBox(8, picture, saliencyControls());
        row.setAlignment(Pos.TOP_LEFT);
        steps.getStyleClass().add("preprocess-steps");
        boundary.visibleProperty().bind(showSteps.selectedProperty());
        boundary.managedProperty().bind(showSteps.selectedProperty());
        getChildren().addAll(title, row, boundary);
        setAlignment(Pos.TOP_LEFT);
    }

    private VBox saliencyControls() {
        Label name = new Label("Saliency");
        name.getStyleClass().add("saliency-title");
        method.setId(SALIENCY_CHOICE_ID);
        method.setItems(FXCollections.observableArrayList(OFF, SaliencyMethod.GRADIENT, SaliencyMethod.OCCLUSION,
                SaliencyMethod.GRAD_CAM));
        method.setTooltip(new Tooltip("Which input pixels drive the top class (" + Shortcut.SALIENCY.keys()
                + " turns it on and off). " + SaliencyMethod.GRADIENT.label() + ": " + SaliencyMethod.GRADIENT.description()
                + ". " + SaliencyMethod.OCCLUSION.label() + ": " + SaliencyMethod.OCCLUSION.description() + ". "
                + SaliencyMethod.GRAD_CAM.label() + " (by default at the last layer every path goes through: a residual"
                + " network's last block, else its last convolution): " + SaliencyMethod.GRAD_CAM.description()
                + "."));
        method.setMaxWidth(Double.MAX_VALUE);
        method.setMinWidth(0);
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        VBox box = new VBox(4, name, method, legend, fill, showSteps);
        box.getStyleClass().add("saliency-controls");
        box.setMinWidth(0);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    /** "explains 3", then a bar from against through the paper to for, with its two ends named. */
    private VBox legend() {
        explains.getStyleClass().add("saliency-explains");
        explains.setWrapText(true);
        explains.setMinWidth(0);
        Region bar = new Region();
        bar.getStyleClass().add("saliency-bar");
        Label against = new Label("against");
        Label supports = new Label("for");
        against.getStyleClass().add("legend-end");
        supports.getStyleClass().add("legend-end");
        Region fill = new Region();
        HBox.setHgrow(fill, Priority.ALWAYS);
        HBox ends = new HBox(against, fill, supports);
        VBox box = new VBox(2, explains, bar, ends);
        box.setId(SALIENCY_LEGEND_ID);
        box.getStyleClass().add("saliency-legend");
        box.setVisible(false);
        return box;
    }

    private VBox step(String caption, int index, Label size) {
        Label name = new Label(caption);
        name.getStyleClass().add("step-caption");
        name.setWrapText(true);
        name.setMinWidth(0);
        size.getStyleClass().add("step-size");
        stepPictures[index].getStyleClass().add("step-picture");
        VBox v = new VBox(2, name, stepPictures[index], size);
        v.setAlignment(Pos.TOP_CENTER);
        v.setMinWidth(0);
        return v;
    }

    private void wire() {
        model.frameProperty().addListener((o, old, f) -> show(f));
        model.saliencyMapProperty().addListener((o, old, m) -> paintSaliency(m));
        model.selectedUnitProperty().addListener((o, old, u) -> outline());
        model.saliencyProperty().addListener((o, old, on) -> choose());
        model.saliencyMethodProperty().addListener((o, old, m) -> choose());
        choose();
        method.setOnAction(e -> {
            Object chosen = method.getValue();
            if (chosen instanceof SaliencyMethod m) model.setSaliencyMethod(m);
            else if (OFF.equals(chosen)) model.setSaliency(false);
        });
        ((ObservableValue<?>) forColour).addListener((o, old, c) -> paintSaliency(shownSaliency));
        ((ObservableValue<?>) againstColour).addListener((o, old, c) -> paintSaliency(shownSaliency));
        showSteps.selectedProperty().addListener((o, old, on) -> show(model.frameProperty().get()));
    }

    /** Sets the sides of the picture the network sees and of each step's picture; repaints. */
    public void setSizes(double seenSide, double stepSide) {
        if (seenSide == picture.viewWidth() && stepSide == stepPictures[0].viewWidth()) return;
        picture.setSize(seenSide, seenSide);
        for (PixelStack s : stepPictures) s.setSize(stepSide, stepSide);
        for (var step : steps.getChildren()) ((Region) step).setMaxWidth(stepSide + 2); // captions wrap within
        show(model.frameProperty().get());
        paintSaliency(shownSaliency);
    }

    /** Toggles the preprocessing steps. */
    public void toggleSteps() {
        showSteps.setSelected(!showSteps.isSelected());
    }

    /** Whether the preprocessing steps are shown. */
    public boolean stepsShown() {
        return showSteps.isSelected();
    }

    private void choose() {
        method.setValue(model.saliencyProperty().get() ? model.saliencyMethodProperty().get() : OFF);
    }

    private void show(Frame f) {
        if (f == null) return;
        Preprocessed pre = f.preprocessed();
        InkImage input = pre.centred();
        seen.paint(input.ink(), 0, input.width(), input.height(), ColorMap.INK, 0, 1);
        outline();
        if (!showSteps.isSelected()) return;
        stepImage(cropped, pre.cropped());
        stepImage(scaled, pre.scaled());
        stepImage(centred, pre.centred());
        croppedSize.setText(pre.isEmpty() ? "no ink" : Notation.size(pre.cropped().height(), pre.cropped().width()));
        scaledSize.setText(pre.isEmpty() ? "" : Notation.size(pre.scaled().height(), pre.scaled().width()));
    }

    private static void stepImage(PixelView view, InkImage image) {
        InkImage shown = image.isEmpty() ? InkImage.blank(1, 1) : image;
        view.paintFitted(shown.ink(), shown.width(), shown.height(), ColorMap.INK, 0, 1);
    }

    /** Outlines the receptive field of the unit being inspected, when there is one and ink to see. */
    private void outline() {
        UnitRef unit = model.selectedUnitProperty().get();
        Frame f = model.frameProperty().get();
        FieldBox box = unit == null || f == null || f.preprocessed().isEmpty() ? null
                : FieldBox.onSeen(f.snapshot().spec(), unit);
        field.setVisible(box != null);
        if (box == null) return;
        double scale = picture.viewWidth() / Preprocess.SIZE;
        double inset = field.getStrokeWidth() / 2;
        field.setX(picture.snappedLeftInset() + box.left() * scale + inset);
        field.setY(picture.snappedTopInset() + box.top() * scale + inset);
        field.setWidth(Math.max(1, (box.right() - box.left()) * scale - 2 * inset));
        field.setHeight(Math.max(1, (box.bottom() - box.top()) * scale - 2 * inset));
    }

    /**
     * The overlay's alpha grows with |saliency| relative to its largest value, in the for colour where the pixel
     * supports the class explained and the against colour where it argues against it; the legend names the class.
     */
    private void paintSaliency(SaliencyMap map) {
        shownSaliency = map;
        float[] s = map == null ? null : map.values();
        boolean shown = s != null && s.length == saliencyPixels.length;
        saliency.setVisible(shown);
        legend.setVisible(shown);
        if (!shown) return;
        explains.setText("explains class " + map.target() + (map.target() == topClass() ? " (the top guess)" : ""));
        SaliencyColours.paint(s, forColour.getValue(), againstColour.getValue(), saliencyPixels);
        saliency.show(saliencyPixels, Preprocess.SIZE, Preprocess.SIZE);
    }

    private int topClass() {
        Frame f = model.frameProperty().get();
        return f == null ? -1 : f.topClass();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
