package org.convscope.ui.lecture;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.convscope.engine.Network;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.lecture.CurrentModel;
import org.convscope.lecture.LayerConv;
import org.convscope.lecture.LayerStepper;
import org.convscope.lecture.NetworkInput;
import org.convscope.lecture.NetworkPass;
import org.convscope.lecture.Notation;
import org.convscope.lecture.Preprocessing;

/**
 * The panel of a real network's frame (K): the model (the explorer's, or a file opened here), its convolution layer
 * and filter, the page of channels shown in detail, and the input: the explorer's, a test digit, the colour test
 * pattern or a photo, preprocessed as chosen. A new layer or filter is shown at once (the pass is kept); a new input
 * or model is computed in the background. Every field shows the frame's state.
 */
final class LayerPanel extends VBox {
    private final LectureModel model;
    private final LayerFrames frames;
    private final Label modelName = new Label();
    private final ComboBox<LayerItem> layer = new ComboBox<>();
    private final Spinner<Integer> filter = ConvParametersPanel.spinner(1, 1);
    private final Label page = new Label();
    private final Button previousPage = new Button("◀");
    private final Button nextPage = new Button("▶");
    private final Label input = new Label();
    private final Spinner<Integer> digit = ConvParametersPanel.spinner(0, 9999);
    private final ComboBox<Preprocessing> preprocessing = new ComboBox<>();
    private boolean updating;
    /** The network and model name the layer chooser lists: listing them again at every step would cost a pass each. */
    private Network shownNetwork;
    private String shownModel;

    LayerPanel(LectureModel model, LayerFrames frames) {
        this.model = model;
        this.frames = frames;
        getStyleClass().add("parameters-panel");
        for (Label l : new Label[] {modelName, page, input}) {
            l.setWrapText(true);
            l.setMinWidth(0);
            l.getStyleClass().add("panel-message");
        }
        layer.setMaxWidth(Double.MAX_VALUE);
        preprocessing.setMaxWidth(Double.MAX_VALUE);
        preprocessing.setTooltip(new Tooltip("how a picture becomes the model's input"));
        Button explorerModel = new Button("Explorer's model");
        Button openModel = new Button("Open model…");
        Button explorerInput = new Button("Explorer's input");
        Button useDigit = new Button("Test digit");
        Button pattern = new Button("Colour pattern");
        Button photo = new Button("Photo…");
        previousPage.setTooltip(new Tooltip("the previous channels ([)"));
        nextPage.setTooltip(new Tooltip("the next channels (])"));
        getChildren().addAll(heading("model"), modelName, new HBox(6, explorerModel, openModel), heading("layer"), layer,
                new HBox(6, new Label("filter"), filter), new HBox(6, previousPage, page, nextPage), heading("input"),
                input, explorerInput, new HBox(6, useDigit, digit), pattern, photo, preprocessing);
        layer.setOnAction(e -> layerChosen());
        filter.valueProperty().addListener((obs, old, v) -> filterChosen());
        previousPage.setOnAction(e -> turnPage(-1));
        nextPage.setOnAction(e -> turnPage(1));
        explorerModel.setOnAction(e -> useExplorerModel());
        openModel.setOnAction(e -> chooseModel());
        explorerInput.setOnAction(e -> useExplorerInput());
        useDigit.setOnAction(e -> rerun(p -> new NetworkInput.TestDigit(digit.getValue(), p)));
        pattern.setOnAction(e -> rerun(NetworkInput.Pattern::new));
        photo.setOnAction(e -> choosePhoto());
        preprocessing.setOnAction(e -> {
            if (updating || stepper() == null) return;
            NetworkInput from = stepper().conv().pass().from();
            if (from.preprocessing() != null && from.preprocessing() != preprocessing.getValue()) rerun(from::with);
        });
    }

    /** A convolution layer as the chooser lists it. */
    private record LayerItem(int index, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("grid-heading");
        return l;
    }

    /** "stem.0: 3×3×3 → 32×32×16": a convolution layer as the chooser lists it. */
    static String describe(NetworkSpec spec, int index) {
        NetworkSpec.LayerInfo info = spec.infer().get(index);
        ConvSpec c = (ConvSpec) info.spec();
        return c.name() + ": " + Notation.size(c.kernelHeight(), c.kernelWidth(), info.input().channels() / c.groups())
                + " → " + Notation.size(info.output());
    }

    private LayerStepper stepper() {
        return model.stepper() instanceof LayerStepper s ? s : null;
    }

    /** Shows the frame's model, layer, filter, page and input, without acting on them. */
    void show(LayerStepper s) {
        updating = true;
        LayerConv conv = s.conv();
        NetworkPass pass = conv.pass();
        Network net = pass.network();
        if (shownNetwork != net || !pass.model().equals(shownModel)) {
            shownNetwork = net;
            shownModel = pass.model();
            modelName.setText(pass.model() + " · " + Notation.size(net.input()) + " input · "
                    + String.format(Locale.ROOT, "%,d", net.spec().parameterCount()) + " parameters");
            layer.getItems().setAll(LayerConv.convolutions(net.spec()).stream()
                    .map(i -> new LayerItem(i, describe(net.spec(), i))).toList());
        }
        layer.setValue(layer.getItems().stream().filter(i -> i.index() == conv.layer()).findFirst().orElse(null));
        ((SpinnerValueFactory.IntegerSpinnerValueFactory) filter.getValueFactory())
                .setMax(conv.spec().filters());
        filter.getValueFactory().setValue(conv.filter() + 1);
        List<Integer> shown = s.shown();
        int from = conv.firstChannel() + shown.getFirst() + 1;
        int to = conv.firstChannel() + shown.getLast() + 1;
        page.setText((s.pages() == 1 ? "channels shown: " : "in detail: ") + (from == to ? conv.channelName(from - 1)
                : "channels " + from + " to " + to) + (conv.depth() > shown.size() ? ", of the " + conv.depth()
                + " it sees" : ""));
        previousPage.setDisable(s.page() == 0);
        nextPage.setDisable(s.page() >= s.pages() - 1);
        input.setText(pass.input());
        List<Preprocessing> fitting = Arrays.stream(Preprocessing.values()).filter(p -> p.fits(net.input())).toList();
        if (!preprocessing.getItems().equals(fitting)) preprocessing.getItems().setAll(fitting);
        Preprocessing used = pass.from().preprocessing();
        preprocessing.setValue(used != null ? used : Preprocessing.defaultFor(net.input()));
        updating = false;
    }

    private void layerChosen() {
        LayerStepper s = stepper();
        if (updating || s == null || layer.getValue() == null || layer.getValue().index() == s.conv().layer()) return;
        model.replace(LayerStepper.start(LayerConv.of(s.conv().pass(), layer.getValue().index(), 0)));
    }

    private void filterChosen() {
        LayerStepper s = stepper();
        if (updating || s == null || filter.getValue() == null || filter.getValue() - 1 == s.conv().filter()) return;
        model.replace(LayerStepper.start(s.conv().withFilter(filter.getValue() - 1)));
    }

    /** Another page of channels in detail, at the same step. */
    void turnPage(int by) {
        LayerStepper s = stepper();
        if (s != null) model.view(s.withPage(s.page() + by));
    }

    /** The frame's layer and filter over another input, made with the preprocessing chosen. */
    private void rerun(Function<Preprocessing, NetworkInput> input) {
        LayerStepper s = stepper();
        if (s == null) return;
        NetworkPass pass = s.conv().pass();
        Preprocessing p = preprocessing.getValue() != null ? preprocessing.getValue()
                : Preprocessing.defaultFor(pass.network().input());
        frames.show(pass.model(), pass.network(), input.apply(p), s.conv().layer(), s.conv().filter(), false);
    }

    private void useExplorerModel() {
        CurrentModel current = frames.current();
        LayerStepper s = stepper();
        if (current == null || s == null) return;
        NetworkInput in = current.explorer() != null ? current.explorer().from() : s.conv().pass().from();
        frames.show(current.name(), current.network(), in, s.conv().layer(), s.conv().filter(), false);
    }

    private void useExplorerInput() {
        CurrentModel current = frames.current();
        LayerStepper s = stepper();
        if (s == null) return;
        if (current == null || current.explorer() == null) {
            frames.problem("The explorer has no input yet");
            return;
        }
        Network net = s.conv().pass().network();
        if (current.explorer().values().length != net.input().size()) {
            frames.problem("The explorer's input is " + Notation.size(current.explorer().network().input()) + "; "
                    + s.conv().pass().model() + " takes " + Notation.size(net.input()));
            return;
        }
        rerun(p -> current.explorer().from());
    }

    private void chooseModel() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Model for the lecture");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Models", "*.onnx", "*.safetensors"));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) openModel(file.toPath());
    }

    /** A model file (ONNX or ConvScope's), read in the background, shown over the frame's input where it fits. */
    void openModel(Path file) {
        if (stepper() != null) frames.open(file, stepper().conv().pass().from());
    }

    private void choosePhoto() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Photo for the network");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg"));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) usePhoto(file.toPath());
    }

    /** A photo file as the input, preprocessed as chosen; read and run in the background. */
    void usePhoto(Path file) {
        rerun(p -> new NetworkInput.PhotoFile(file, p));
    }
}
