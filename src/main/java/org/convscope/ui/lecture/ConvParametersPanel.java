package org.convscope.ui.lecture;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.convscope.io.FileException;
import org.convscope.lecture.ConvParameters;
import org.convscope.lecture.ConvSetup;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.ImageVolume;
import org.convscope.lecture.KernelPreset;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.MatrixText;
import org.convscope.lecture.Notation;
import org.convscope.lecture.Origin;
import org.convscope.lecture.Volume;

/**
 * The convolution's parameters (input size, kernel size, stride, padding, filters, depth), the kernel presets of
 * the playground, and the inputs: a test digit, the explorer drawing, an image file or a matrix typed by hand. Every
 * change replaces the frame's convolution, which then names where its numbers come from; the rules that fill what a
 * larger size adds are stated here. Combinations that do not fit are explained by the frame itself.
 */
final class ConvParametersPanel extends VBox {
    /**
     * Image files become inputs of this many pixels a side: three 8×8 channels, their products and the output still
     * show every number readably at 1280×720.
     */
    static final int IMAGE_SIDE = 8;

    private final LectureModel model;
    private final Spinner<Integer> size = spinner(1, 40);
    private final Spinner<Integer> kernel = spinner(1, 11);
    private final Spinner<Integer> stride = spinner(0, 6);
    private final Spinner<Integer> padding = spinner(0, 6);
    private final Spinner<Integer> filters = spinner(1, 8);
    private final Spinner<Integer> depth = spinner(1, 3);
    private final ComboBox<KernelPreset> preset = new ComboBox<>();
    private final Spinner<Integer> digit = spinner(0, 9999);
    private final TextArea typed = new TextArea();
    private final Label growth = new Label();
    private final Label message = new Label();
    private boolean updating;

    ConvParametersPanel(LectureModel model, LessonSources sources) {
        this.model = model;
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
        for (Label l : new Label[] {growth, message}) {
            l.setWrapText(true);
            l.setMinWidth(0);
            l.getStyleClass().add("panel-message");
        }
        Button useDigit = new Button("Test digit");
        Button useExplorer = new Button("Explorer drawing");
        Button useFile = new Button("Image file…");
        Button useTyped = new Button("Use typed matrix");
        Label parameters = new Label("parameters");
        Label input = new Label("input");
        parameters.getStyleClass().add("grid-heading");
        input.getStyleClass().add("grid-heading");
        getChildren().addAll(parameters, grid, preset, growth, input, new HBox(useDigit, digit), useExplorer, useFile,
                typed, useTyped, message);
        for (var s : List.of(size, kernel, stride, padding, filters, depth)) {
            s.valueProperty().addListener((obs, old, v) -> parametersChanged());
        }
        preset.setOnAction(e -> presetChosen());
        useDigit.setOnAction(e -> {
            int index = digit.getValue();
            useInBackground(() -> sources.testDigit(index), Origin.written("test digit " + index));
        });
        useExplorer.setOnAction(e -> useInput(sources::explorerDrawing, Origin.written("the explorer's drawing")));
        useFile.setOnAction(e -> chooseFile());
        useTyped.setOnAction(e -> useInput(() -> MatrixText.parse(typed.getText()), Origin.written("a typed matrix")));
        model.frameIndexProperty().addListener((obs, old, i) -> message.setText(""));
        model.lessonProperty().addListener((obs, old, l) -> message.setText(""));
    }

    /** Shows the convolution's parameters, its preset and its growth rules without acting on them. */
    void show(ConvStepper s) {
        updating = true;
        ConvSetup setup = s.setup();
        ConvParameters p = ConvParameters.of(setup);
        size.getValueFactory().setValue(p.inputSize());
        kernel.getValueFactory().setValue(p.kernel());
        stride.getValueFactory().setValue(p.stride());
        padding.getValueFactory().setValue(p.padding());
        filters.getValueFactory().setValue(p.filters());
        depth.getValueFactory().setValue(p.depth());
        preset.setValue(setup.filters().size() == 1 ? KernelPreset.matching(setup.filters().getFirst()) : null);
        updating = false;
        growth.setText("When a size grows: input: " + setup.inputOrigin().growth().words() + "; filters: "
                + setup.filterOrigin().growth().words() + (setup.filterOrigin().growth() instanceof Origin.Random ? ""
                : ", new channels repeat the first") + "; " + ConvParameters.NEW_FILTERS + ".");
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

    /** One filter of the preset at the current kernel size, repeated over the input depth; no bias. */
    private void presetChosen() {
        KernelPreset p = preset.getValue();
        if (updating || p == null || !(model.stepper() instanceof ConvStepper)) return;
        ConvSetup old = setup();
        Volume k = p.kernel(old.kernel());
        float[] values = new float[old.depth() * k.values().length];
        for (int c = 0; c < old.depth(); c++) System.arraycopy(k.values(), 0, values, c * k.values().length, k.values().length);
        Volume filter = new Volume(new org.convscope.engine.Dims(old.depth(), k.height(), k.width()), values);
        model.replace(ConvStepper.start(new ConvSetup(old.input(), List.of(filter), new float[1], old.stride(),
                old.padding(), old.inputOrigin(), new Origin("the " + p.label() + " preset", new Origin.Preset(p)))));
    }

    /**
     * Reads an input that takes time (the test set on first use, an image file) on a background thread, then uses it
     * on the FX thread: the lecture keeps answering meanwhile. A read that finishes after the lecture has moved to a
     * frame without a convolution changes nothing.
     */
    private void useInBackground(Supplier<Volume> read, Origin origin) {
        if (!(model.stepper() instanceof ConvStepper)) return;
        showProblem(null);
        message.setText("Reading " + origin.words() + "…");
        Task<Volume> task = new Task<>() {
            @Override
            protected Volume call() {
                return read.get();
            }
        };
        task.setOnSucceeded(e -> useInput(task::getValue, origin));
        task.setOnFailed(e -> useInput(() -> {
            throw task.getException() instanceof RuntimeException r ? r
                    : new IllegalStateException(task.getException().getMessage(), task.getException());
        }, origin));
        Thread.ofPlatform().name("convscope-lecture-input").daemon().start(task);
    }

    /** Replaces the input; the filters keep their numbers where they still fit the new depth. */
    private void useInput(Supplier<Volume> input, Origin origin) {
        if (!(model.stepper() instanceof ConvStepper)) return;
        try {
            Volume in = input.get();
            ConvSetup old = setup();
            ConvParameters p = new ConvParameters(in.width(), old.kernel(), old.stride(), old.padding(),
                    old.filters().size(), in.channels());
            ConvSetup resized = p.applyTo(old);
            model.replace(ConvStepper.start(new ConvSetup(in, resized.filters(), resized.bias(), old.stride(),
                    old.padding(), origin, old.filterOrigin())));
            showProblem(null);
        } catch (RuntimeException e) {
            showProblem(e.getMessage());
        }
    }

    /** Shows what went wrong, or clears the message (null). */
    private void showProblem(String problem) {
        message.getStyleClass().remove("problem");
        if (problem != null) message.getStyleClass().add("problem");
        message.setText(problem == null ? "" : problem);
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
        String name = file.getFileName().toString();
        useInBackground(() -> {
            try {
                return ImageVolume.load(file, IMAGE_SIDE);
            } catch (FileException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }, Origin.written(name + " (its middle square at " + Notation.size(IMAGE_SIDE, IMAGE_SIDE) + ")"));
    }

    static Spinner<Integer> spinner(int min, int max) {
        Spinner<Integer> s = new Spinner<>(min, max, min);
        s.setEditable(true);
        s.setPrefWidth(80);
        return s;
    }
}
