package org.convscope.ui.lecture;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.convscope.engine.Dims;
import org.convscope.io.FileException;
import org.convscope.lecture.ConvParameters;
import org.convscope.lecture.ConvSetup;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.ImageVolume;
import org.convscope.lecture.KernelPreset;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.MatrixText;
import org.convscope.lecture.ReluStepper;
import org.convscope.lecture.Volume;

/**
 * The convolution's parameters (input size, kernel size, stride, padding, filters, depth), the kernel presets of
 * the playground, and the inputs: a test digit, the explorer drawing, an image file or a matrix typed by hand.
 * Every change replaces the frame's convolution; combinations that do not fit are explained by the frame itself.
 */
final class ConvParametersPanel extends VBox {
    private final LectureModel model;
    private final LessonSources sources;
    private final Spinner<Integer> size = spinner(1, 40);
    private final Spinner<Integer> kernel = spinner(1, 11);
    private final Spinner<Integer> stride = spinner(0, 6);
    private final Spinner<Integer> padding = spinner(0, 6);
    private final Spinner<Integer> filters = spinner(1, 8);
    private final Spinner<Integer> depth = spinner(1, 3);
    private final ComboBox<KernelPreset> preset = new ComboBox<>();
    private final Spinner<Integer> digit = spinner(0, 9999);
    private final TextArea typed = new TextArea();
    private final Label message = Labels.of("", "panel-message");
    private boolean updating;
    /**
     * Image files become inputs of this many pixels a side: three 8×8 channels stacked, their products and the output
     * still show every number readably at 1280×720.
     */
    static final int IMAGE_SIDE = 8;

    ConvParametersPanel(LectureModel model, LessonSources sources) {
        this.model = model;
        this.sources = sources;
        getStyleClass().add("parameters-panel");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("parameters-grid");
        List<Object[]> rows = List.of(new Object[] {"input size W", size}, new Object[] {"kernel size K", kernel},
                new Object[] {"stride S", stride}, new Object[] {"padding P", padding},
                new Object[] {"filters", filters}, new Object[] {"input depth", depth});
        for (int r = 0; r < rows.size(); r++) {
            grid.addRow(r, new Label((String) rows.get(r)[0]), (Spinner<?>) rows.get(r)[1]);
        }
        preset.getItems().setAll(KernelPreset.values());
        preset.setPromptText("kernel preset");
        typed.setPromptText("a matrix, one row\nper line, e.g.\n1 0 2\n0 3 1");
        typed.setPrefRowCount(4);
        typed.setPrefColumnCount(12);
        message.setWrapText(true);
        message.setMinWidth(0);
        Button useDigit = new Button("Test digit");
        Button useExplorer = new Button("Explorer drawing");
        Button useFile = new Button("Image file…");
        Button useTyped = new Button("Use typed matrix");
        Button relu = new Button("Then ReLU");
        getChildren().addAll(Labels.of("parameters", "grid-heading"), grid, preset,
                Labels.of("input", "grid-heading"), new HBox(useDigit, digit), useExplorer, useFile, typed, useTyped, relu, message);
        for (var s : List.of(size, kernel, stride, padding, filters, depth)) {
            s.valueProperty().addListener((obs, old, v) -> parametersChanged());
        }
        preset.setOnAction(e -> presetChosen());
        useDigit.setOnAction(e -> useInput(() -> sources.testDigit(digit.getValue())));
        useExplorer.setOnAction(e -> useInput(sources::explorerDrawing));
        useFile.setOnAction(e -> chooseFile());
        useTyped.setOnAction(e -> useInput(() -> MatrixText.parse(typed.getText())));
        relu.setOnAction(e -> {
            if (model.stepper() instanceof ConvStepper s && s.problem().isEmpty()) {
                model.replace(ReluStepper.start(s.result()));
            }
        });
    }

    /** Shows the parameters of the convolution on screen without acting on them. */
    void show(ConvStepper s) {
        updating = true;
        ConvParameters p = ConvParameters.of(s.setup());
        size.getValueFactory().setValue(p.inputSize());
        kernel.getValueFactory().setValue(p.kernel());
        stride.getValueFactory().setValue(p.stride());
        padding.getValueFactory().setValue(p.padding());
        filters.getValueFactory().setValue(p.filters());
        depth.getValueFactory().setValue(p.depth());
        updating = false;
    }

    private ConvSetup setup() {
        return ((ConvStepper) model.stepper()).setup();
    }

    private void parametersChanged() {
        if (updating || !(model.stepper() instanceof ConvStepper)) return;
        ConvParameters p = new ConvParameters(size.getValue(), kernel.getValue(), stride.getValue(), padding.getValue(),
                filters.getValue(), depth.getValue());
        model.replace(ConvStepper.start(p.applyTo(setup())));
        message.setText("");
    }

    private void presetChosen() {
        KernelPreset p = preset.getValue();
        if (p == null || !(model.stepper() instanceof ConvStepper)) return;
        ConvSetup old = setup();
        Volume k = p.kernel();
        float[] values = new float[old.depth() * k.values().length];
        for (int c = 0; c < old.depth(); c++) System.arraycopy(k.values(), 0, values, c * k.values().length, k.values().length);
        Volume filter = new Volume(new Dims(old.depth(), k.height(), k.width()), values);
        model.replace(ConvStepper.start(new ConvSetup(old.input(), List.of(filter), new float[1], old.stride(), old.padding())));
    }

    /** Replaces the input; the filters keep their numbers where they still fit the new depth. */
    private void useInput(Supplier<Volume> input) {
        if (!(model.stepper() instanceof ConvStepper)) return;
        try {
            Volume in = input.get();
            ConvSetup old = setup();
            ConvParameters p = new ConvParameters(in.width(), old.kernel(), old.stride(), old.padding(),
                    old.filters().size(), in.channels());
            ConvSetup resized = p.applyTo(old);
            model.replace(ConvStepper.start(new ConvSetup(in, resized.filters(), resized.bias(), old.stride(), old.padding())));
            message.setText("");
        } catch (RuntimeException e) {
            if (!message.getStyleClass().contains("problem")) message.getStyleClass().add("problem");
            message.setText(e.getMessage());
        }
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Image for the convolution");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG or JPG images", "*.png", "*.jpg", "*.jpeg"));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) useImageFile(file.toPath());
    }

    /**
     * An image file as the input: its middle square, {@value #IMAGE_SIDE} pixels a side, one channel when it is gray
     * and three (red, green, blue) when it has colour; the filters follow the new depth.
     */
    void useImageFile(Path file) {
        Volume[] loaded = new Volume[1];
        useInput(() -> {
            try {
                loaded[0] = ImageVolume.load(file, IMAGE_SIDE);
                return loaded[0];
            } catch (FileException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        });
        if (loaded[0] != null && message.getText().isEmpty()) {
            message.getStyleClass().remove("problem");
            message.setText(file.getFileName() + ": " + IMAGE_SIDE + "×" + IMAGE_SIDE + ", "
                    + (loaded[0].channels() == 3 ? "3 channels (red, green, blue)" : "1 channel (gray)"));
        }
    }

    private static Spinner<Integer> spinner(int min, int max) {
        Spinner<Integer> s = new Spinner<>(min, max, min);
        s.setEditable(true);
        s.setPrefWidth(90);
        return s;
    }
}
