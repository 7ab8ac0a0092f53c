package org.convscope.ui.explorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.convscope.data.Photo;
import org.convscope.data.PhotoPreprocess;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.explain.UnitRef;
import org.convscope.lecture.Notation;
import org.convscope.ui.explorer.network.LayoutBoundary;
import org.convscope.ui.explorer.network.PixelStack;
import org.convscope.ui.explorer.network.PixelView;
import org.convscope.ui.view.ColorMap;

/**
 * The input panel of a model that does not take drawn digits: the photo as the network sees it (the centre crop, in
 * colour) with the saliency or Grad-CAM overlay and the inspected unit's receptive field; Open, Paste and the choice of
 * preprocessing; on request every step under it — the photo as opened, resized, cropped — and the normalised input's
 * channels as R, G and B maps with their formula and range. An .npy tensor shows its channels only.
 */
public final class PhotoPanel extends VBox {
    public static final String PICTURE_ID = "photo-picture";
    public static final String OVERLAY_ID = "photo-overlay";
    public static final String FIELD_ID = "photo-field";
    public static final String RECIPE_ID = "photo-recipe";
    public static final String SALIENCY_ID = "photo-saliency";
    public static final String LAYER_ID = "photo-gradcam-layer";
    public static final String EXPLAINS_ID = "photo-explains";
    public static final String OPEN_ID = "photo-open";
    public static final String PASTE_ID = "photo-paste";
    private static final StyleablePropertyFactory<PhotoPanel> CSS =
            new StyleablePropertyFactory<>(VBox.getClassCssMetaData());
    private static final String OFF = "off";
    private static final String[] CHANNELS = {"R", "G", "B"};

    private final ExplorerModel model;
    private final PixelView input = new PixelView(1, 1, true);
    private final PixelView overlay = new PixelView(1, 1, true);
    private final Rectangle field = new Rectangle();
    private final PixelStack picture = new PixelStack(1, 1, input, overlay);
    private final Button open = new Button("Open…");
    private final Button paste = new Button("Paste");
    private final Button custom = new Button("Custom…");
    private final ComboBox<PhotoPreprocess> recipe = new ComboBox<>();
    private final ComboBox<Object> method = new ComboBox<>();
    private final ComboBox<LayerChoice> layer = new ComboBox<>();
    private final Label explains = new Label();
    private final ToggleButton showSteps = new ToggleButton("Steps");
    private final PixelView[] stepViews = {new PixelView(1, 1, false), new PixelView(1, 1, false), new PixelView(1, 1, true)};
    private final PixelStack[] stepPictures = new PixelStack[3];
    private final Label[] stepSizes = {new Label(), new Label(), new Label()};
    private final PixelView[] channelViews = {new PixelView(1, 1, true), new PixelView(1, 1, true), new PixelView(1, 1, true)};
    private final PixelStack[] channelPictures = new PixelStack[3];
    private final Label[] channelTexts = {new Label(), new Label(), new Label()};
    private final VBox steps = new VBox(4);
    private final StyleableProperty<Color> forColour =
            CSS.createStyleableColorProperty(this, "saliencyFor", "-x-saliency-for", v -> v.forColour, Color.RED);
    private final StyleableProperty<Color> againstColour =
            CSS.createStyleableColorProperty(this, "saliencyAgainst", "-x-saliency-against", v -> v.againstColour, Color.BLUE);
    private final Runnable chooseFile;
    private final Runnable pasteImage;
    private SaliencyMap shownSaliency;
    private int[] overlayPixels = new int[0];
    private boolean updating; // the combo boxes are being set from the model, not by the user

    /** A layer Grad-CAM can explain at, by name. */
    record LayerChoice(int index, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    public PhotoPanel(ExplorerModel model, Runnable chooseFile, Runnable pasteImage) {
        this.model = model;
        this.chooseFile = chooseFile;
        this.pasteImage = pasteImage;
        build();
        wire();
    }

    private void build() {
        getStyleClass().addAll("panel", "photo-panel", "preprocess-view");
        Label title = new Label("Photo");
        title.getStyleClass().add("panel-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        overlay.setMouseTransparent(true);
        overlay.setId(OVERLAY_ID);
        overlay.setVisible(false);
        field.setId(FIELD_ID);
        field.getStyleClass().add("receptive-field");
        field.setMouseTransparent(true);
        field.setVisible(false);
        picture.addOverlay(field);
        picture.setId(PICTURE_ID);
        picture.getStyleClass().add("seen-picture");
        Tooltip.install(picture, new Tooltip("The network's input: the photo after its preprocessing, shown in its"
                + " colours before the normalisation; the outline is the receptive field of the unit being inspected."));
        open.setId(OPEN_ID);
        open.setTooltip(new Tooltip("Open a photo (PNG, JPG) or an .npy tensor of the model's input shape ("
                + Shortcut.OPEN_IMAGE.keys() + "); or drop one on the window"));
        open.setOnAction(e -> chooseFile.run());
        paste.setId(PASTE_ID);
        paste.setTooltip(new Tooltip("Paste an image from the clipboard (Ctrl+V)"));
        paste.setOnAction(e -> pasteImage.run());
        recipe.setId(RECIPE_ID);
        recipe.setTooltip(new Tooltip("How the photo becomes the input: imagenet (shorter side to 256·S/224, centre S×S,"
                + " ImageNet's mean and std) or unit (the whole photo scaled to the input, values 0…1); remembered"
                + " for this model"));
        recipe.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PhotoPreprocess r) {
                return r == null ? "" : r.shorter() == 0 ? r.name() : r.name() + " · " + r.shorter() + " px";
            }

            @Override
            public PhotoPreprocess fromString(String text) {
                return null;
            }
        });
        recipe.setMinWidth(0);
        method.setId(SALIENCY_ID);
        method.setItems(FXCollections.observableArrayList(OFF, SaliencyMethod.GRADIENT, SaliencyMethod.OCCLUSION,
                SaliencyMethod.GRAD_CAM));
        method.setTooltip(new Tooltip("Which input pixels drive the top class. " + SaliencyMethod.GRADIENT.label() + ": "
                + SaliencyMethod.GRADIENT.description() + ". " + SaliencyMethod.OCCLUSION.label() + ": "
                + SaliencyMethod.OCCLUSION.description() + ". " + SaliencyMethod.GRAD_CAM.label() + ": "
                + SaliencyMethod.GRAD_CAM.description() + "."));
        layer.setId(LAYER_ID);
        layer.setTooltip(new Tooltip("The layer Grad-CAM looks at: by default the last one every path goes through (a"
                + " residual network's last block output, else its last convolution)"));
        explains.setId(EXPLAINS_ID);
        explains.getStyleClass().add("saliency-explains");
        explains.setWrapText(true);
        explains.setMinWidth(0);
        showSteps.setId("photo-steps");
        showSteps.setSelected(true);
        showSteps.setMinWidth(USE_PREF_SIZE);
        showSteps.setTooltip(new Tooltip("Show each preprocessing step and the input's channels (" + Shortcut.STEPS.keys() + ")"));
        layer.setMinWidth(0);
        layer.setPrefWidth(120);
        method.setMinWidth(0);
        custom.setId("photo-custom");
        custom.setTooltip(new Tooltip("A preprocessing of your own: the shorter side, the channel means and standard"
                + " deviations"));
        custom.setOnAction(e -> CustomRecipe.ask(getScene().getWindow(), model.recipeProperty().get())
                .ifPresent(model::setRecipe));
        FlowPane buttons = new FlowPane(6, 6, open, paste, recipe, custom);
        FlowPane saliency = new FlowPane(6, 6, label("Saliency"), method, layer);
        saliency.setAlignment(Pos.CENTER_LEFT);
        buttons.setAlignment(Pos.CENTER_LEFT);

        HBox stepRow = new HBox(6);
        String[] captions = {"1 · photo", "2 · resize", "3 · crop"}; // short: a step is 70 px wide at 1280×720
        for (int i = 0; i < 3; i++) {
            stepPictures[i] = new PixelStack(1, 1, stepViews[i]);
            stepRow.getChildren().add(cell(captions[i], stepPictures[i], stepSizes[i]));
        }
        HBox channelRow = new HBox(6);
        for (int i = 0; i < 3; i++) {
            channelPictures[i] = new PixelStack(1, 1, channelViews[i]);
            channelPictures[i].setId("photo-channel-" + CHANNELS[i]);
            channelRow.getChildren().add(cell("4 · " + CHANNELS[i], channelPictures[i], channelTexts[i]));
        }
        steps.getChildren().addAll(stepRow, channelRow);
        steps.getStyleClass().add("preprocess-steps");
        LayoutBoundary boundary = new LayoutBoundary(steps);
        boundary.visibleProperty().bind(showSteps.selectedProperty());
        boundary.managedProperty().bind(showSteps.selectedProperty());
        Label source = new Label();
        source.getStyleClass().add("source");
        source.setMinWidth(0);
        source.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(source, Priority.SOMETIMES);
        source.textProperty().bind(model.sourceProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, title, source, gap, showSteps);
        header.setAlignment(Pos.BASELINE_LEFT);
        getChildren().addAll(header, picture, buttons, saliency, explains, boundary);
        setSpacing(6);
        setAlignment(Pos.TOP_LEFT);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("saliency-title");
        return l;
    }

    private static VBox cell(String caption, PixelStack picture, Label text) {
        Label name = new Label(caption);
        name.getStyleClass().add("step-caption");
        name.setMinWidth(0);
        text.getStyleClass().add("step-size");
        text.setWrapText(true);
        text.setMinWidth(0);
        picture.getStyleClass().add("step-picture");
        VBox v = new VBox(2, name, picture, text);
        v.setAlignment(Pos.TOP_CENTER);
        v.setMinWidth(0);
        return v;
    }

    private void wire() {
        model.networkProperty().addListener((o, old, n) -> network(n));
        model.recipeProperty().addListener((o, old, r) -> chooseRecipe());
        model.frameProperty().addListener((o, old, f) -> {
            show(f);
            if (shownSaliency == null) paintSaliency(null);
        });
        model.saliencyMapProperty().addListener((o, old, m) -> paintSaliency(m));
        model.selectedUnitProperty().addListener((o, old, u) -> outline());
        model.saliencyProperty().addListener((o, old, on) -> {
            chooseMethod();
            paintSaliency(model.saliencyMapProperty().get());
        });
        model.saliencyMethodProperty().addListener((o, old, m) -> {
            chooseMethod();
            paintSaliency(model.saliencyMapProperty().get());
        });
        model.gradCamLayerProperty().addListener((o, old, l) -> chooseMethod());
        network(model.networkProperty().get());
        recipe.setOnAction(e -> {
            if (!updating && recipe.getValue() != null && !recipe.getValue().equals(model.recipeProperty().get())) {
                model.setRecipe(recipe.getValue());
            }
        });
        method.setOnAction(e -> {
            if (updating) return;
            Object chosen = method.getValue();
            if (chosen instanceof SaliencyMethod m) model.setSaliencyMethod(m);
            else if (OFF.equals(chosen)) model.setSaliency(false);
        });
        layer.setOnAction(e -> {
            if (!updating && layer.getValue() != null) model.setGradCamLayer(layer.getValue().index());
        });
        ((ObservableValue<?>) forColour).addListener((o, old, c) -> paintSaliency(shownSaliency));
        ((ObservableValue<?>) againstColour).addListener((o, old, c) -> paintSaliency(shownSaliency));
        showSteps.selectedProperty().addListener((o, old, on) -> show(model.frameProperty().get()));
    }

    /** Sets the side of the input's picture and of each step's; repaints. */
    public void setSizes(double side, double stepSide) {
        if (side == picture.viewWidth() && stepSide == stepPictures[0].viewWidth()) return;
        picture.setSize(side, side);
        for (PixelStack s : stepPictures) s.setSize(stepSide, stepSide);
        for (PixelStack s : channelPictures) s.setSize(stepSide, stepSide);
        for (var row : steps.getChildren()) {
            for (var cell : ((HBox) row).getChildren()) ((Region) cell).setMaxWidth(stepSide + 2);
        }
        show(model.frameProperty().get());
        paintSaliency(shownSaliency);
    }

    public void toggleSteps() {
        showSteps.setSelected(!showSteps.isSelected());
    }

    public boolean stepsShown() {
        return showSteps.isSelected();
    }

    private void network(Network net) {
        updating = true;
        Dims in = net.input();
        List<PhotoPreprocess> recipes = new ArrayList<>(List.of(PhotoPreprocess.unit()));
        if (!in.isVector() && (in.channels() == 1 || in.channels() == 3)) recipes.addFirst(PhotoPreprocess.imagenet(in));
        recipe.setItems(FXCollections.observableArrayList(recipes));
        List<LayerChoice> layers = new ArrayList<>();
        for (int i = 0; i < net.layers().size(); i++) {
            if (!net.layers().get(i).output().isVector()) {
                layers.add(new LayerChoice(i, net.spec().layers().get(i).name() + " · " + net.layers().get(i).output()));
            }
        }
        layer.setItems(FXCollections.observableArrayList(layers));
        updating = false;
        chooseRecipe();
        chooseMethod();
    }

    private void chooseRecipe() {
        updating = true;
        PhotoPreprocess r = model.recipeProperty().get();
        if (r != null && !recipe.getItems().contains(r)) recipe.getItems().add(r);
        recipe.setValue(r);
        updating = false;
    }

    private void chooseMethod() {
        updating = true;
        method.setValue(model.saliencyProperty().get() ? model.saliencyMethodProperty().get() : OFF);
        int l = model.gradCamLayerProperty().get();
        layer.setValue(layer.getItems().stream().filter(c -> c.index() == l).findFirst().orElse(null));
        boolean gradCam = model.saliencyProperty().get() && model.saliencyMethodProperty().get() == SaliencyMethod.GRAD_CAM;
        layer.setVisible(gradCam);
        layer.setManaged(gradCam);
        updating = false;
    }

    private void show(Frame f) {
        if (f == null || f.photo() == null) return;
        PhotoInput p = f.photo();
        Dims in = f.snapshot().spec().input();
        if (p.isTensor()) paintTensor(input, p.input(), in);
        else input.show(rgb(p.steps().cropped()), in.width(), in.height());
        outline();
        if (!showSteps.isSelected()) return;
        for (int i = 0; i < 3; i++) {
            stepPictures[i].getParent().setVisible(!p.isTensor());
        }
        if (!p.isTensor()) {
            PhotoPreprocess.Steps s = p.steps();
            paintFitted(stepViews[0], p.photo());
            paintFitted(stepViews[1], s.resized());
            stepViews[2].show(rgb(s.cropped()), in.width(), in.height());
            stepSizes[0].setText(Notation.size(p.photo().height(), p.photo().width()));
            stepSizes[1].setText(Notation.size(s.resized().height(), s.resized().width())
                    + (p.recipe().shorter() == 0 ? " (whole photo)" : " (shorter side " + p.recipe().shorter() + ")"));
            stepSizes[2].setText(Notation.size(in.height(), in.width()) + " from row " + (s.cropY() + 1) + ", column "
                    + (s.cropX() + 1));
        }
        int channels = in.isVector() ? 0 : in.channels();
        int plane = in.height() * in.width();
        for (int c = 0; c < 3; c++) {
            boolean shown = c < channels;
            channelPictures[c].getParent().setVisible(shown);
            if (!shown) continue;
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                min = Math.min(min, p.input()[i]);
                max = Math.max(max, p.input()[i]);
            }
            float bound = Math.max(Math.abs(min), Math.abs(max));
            channelViews[c].paint(p.input(), c * plane, in.width(), in.height(), ColorMap.DIVERGING, -bound, bound);
            String name = channels == 1 ? "gray" : CHANNELS[c];
            String formula = p.isTensor() ? "as in the file"
                    : String.format(Locale.ROOT, "(v − %.3f) / %.3f", p.recipe().mean()[channels == 1 ? 0 : c],
                    p.recipe().std()[channels == 1 ? 0 : c]);
            channelTexts[c].setText(Notation.minus(String.format(Locale.ROOT, "%s: %s%n%.2f … %.2f", name, formula, min,
                    max)));
        }
    }

    private static void paintFitted(PixelView view, Photo photo) {
        int w = (int) view.getFitWidth();
        int h = (int) view.getFitHeight();
        double scale = Math.min((double) w / photo.width(), (double) h / photo.height());
        int sw = Math.max(1, (int) Math.round(photo.width() * scale));
        int sh = Math.max(1, (int) Math.round(photo.height() * scale));
        int[] argb = new int[w * h];
        int plane = photo.width() * photo.height();
        int x0 = (w - sw) / 2;
        int y0 = (h - sh) / 2;
        for (int y = 0; y < sh; y++) {
            int row = Math.min(photo.height() - 1, (int) (y / scale)) * photo.width();
            for (int x = 0; x < sw; x++) {
                int i = row + Math.min(photo.width() - 1, (int) (x / scale));
                argb[(y0 + y) * w + x0 + x] = argb(photo.planes(), i, plane);
            }
        }
        view.show(argb, w, h);
    }

    /** A photo as opaque ARGB pixels, its values 0…1 clamped. */
    static int[] rgb(Photo photo) {
        int plane = photo.width() * photo.height();
        int[] argb = new int[plane];
        for (int i = 0; i < plane; i++) argb[i] = argb(photo.planes(), i, plane);
        return argb;
    }

    private static int argb(float[] planes, int i, int plane) {
        return 0xFF000000 | level(planes[i]) << 16 | level(planes[plane + i]) << 8 | level(planes[2 * plane + i]);
    }

    private static int level(float v) {
        return Math.round(Math.clamp(v, 0f, 1f) * 255);
    }

    /**
     * A tensor: three channels as colours — as they are when every value lies in 0…1 (an image scaled to unit range,
     * as CIFAR-10 is trained on: its colours kept), else each stretched to its own range (undoing a per-channel
     * normalisation) — one as gray, a vector as one row.
     */
    private static void paintTensor(PixelView view, float[] x, Dims in) {
        int h = in.isVector() ? 1 : in.height();
        int w = in.isVector() ? in.size() : in.width();
        if (in.isVector() || in.channels() != 3) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < h * w; i++) {
                min = Math.min(min, x[i]);
                max = Math.max(max, x[i]);
            }
            view.paint(x, 0, w, h, ColorMap.VIRIDIS, min, max == min ? min + 1 : max);
            return;
        }
        int plane = h * w;
        boolean unit = true;
        for (int i = 0; i < 3 * plane && unit; i++) unit = x[i] >= 0 && x[i] <= 1;
        if (unit) {
            view.show(rgb(new Photo(w, h, Arrays.copyOf(x, 3 * plane))), w, h);
            return;
        }
        float[] stretched = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                min = Math.min(min, x[i]);
                max = Math.max(max, x[i]);
            }
            float range = max == min ? 1 : max - min;
            for (int i = c * plane; i < (c + 1) * plane; i++) stretched[i] = (x[i] - min) / range;
        }
        view.show(rgb(new Photo(w, h, stretched)), w, h);
    }

    /** Outlines the receptive field of the unit being inspected on the input. */
    private void outline() {
        UnitRef unit = model.selectedUnitProperty().get();
        Frame f = model.frameProperty().get();
        FieldBox box = unit == null || f == null || f.photo() == null ? null : FieldBox.onInput(f.snapshot().spec(), unit);
        field.setVisible(box != null);
        if (box == null) return;
        Dims in = f.snapshot().spec().input();
        double sx = picture.viewWidth() / in.width();
        double sy = picture.viewHeight() / in.height();
        double inset = field.getStrokeWidth() / 2;
        field.setX(picture.snappedLeftInset() + box.left() * sx + inset);
        field.setY(picture.snappedTopInset() + box.top() * sy + inset);
        field.setWidth(Math.max(1, (box.right() - box.left()) * sx - 2 * inset));
        field.setHeight(Math.max(1, (box.bottom() - box.top()) * sy - 2 * inset));
    }

    private void paintSaliency(SaliencyMap map) {
        shownSaliency = map;
        Frame f = model.frameProperty().get();
        Dims in = f == null ? null : f.snapshot().spec().input();
        boolean shown = map != null && in != null && f.photo() != null && !in.isVector()
                && map.values().length == in.height() * in.width();
        overlay.setVisible(shown);
        boolean pending = !shown && f != null && f.photo() != null && model.saliencyProperty().get()
                && model.saliencyMethodProperty().get() != SaliencyMethod.GRADIENT;
        explains.setVisible(shown || pending);
        if (pending) explains.setText(model.saliencyMethodProperty().get().label() + ": computing in the background…");
        if (!shown) return;
        String where = map.method() == SaliencyMethod.GRAD_CAM
                ? " at " + f.snapshot().spec().layers().get(map.layer()).name() : "";
        explains.setText(map.method().label() + where + " explains " + f.className(map.target())
                + (map.target() == f.topClass() ? " (the top guess)" : ""));
        if (overlayPixels.length != map.values().length) overlayPixels = new int[map.values().length];
        SaliencyColours.paint(map.values(), forColour.getValue(), againstColour.getValue(), overlayPixels);
        overlay.show(overlayPixels, in.width(), in.height());
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
