package org.convscope.ui.training.setup;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.engine.spec.Window;

/**
 * The parameters of one layer as controls: a name, then by kind the filters, kernel, stride and padding; the pooling
 * type, window and stride; the activation; the units. Every change builds the new layer and hands it on.
 */
final class LayerForm extends GridPane {
    /** Notes wrap at this width, wider than the controls above them. */
    private static final double NOTE_WIDTH = 460;
    private final Consumer<LayerSpec> onChange;
    private final TextField name = new TextField();
    private final Label problem = new Label();
    private Supplier<LayerSpec> build = () -> null;
    private int row;

    LayerForm(Consumer<LayerSpec> onChange) {
        this.onChange = onChange;
        getStyleClass().add("layer-form");
        name.setId("layer-name");
        name.setPrefColumnCount(10);
        name.textProperty().addListener((obs, old, now) -> changed());
        problem.setId("form-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.setPrefWidth(NOTE_WIDTH);
    }

    /** Shows the controls of {@code layer}, or a hint when none is selected. */
    void show(LayerSpec layer) {
        getChildren().clear();
        problem.setText("");
        row = 0;
        build = () -> null;
        if (layer == null) {
            add(new Label("Select a layer to set its parameters"), 0, 0, 4, 1);
            return;
        }
        name.setText(layer.name());
        name.setDisable(false);
        Label nameLabel = new Label("name");
        nameLabel.getStyleClass().add("form-label");
        add(nameLabel, 0, row);
        add(name, 1, row++, 3, 1);
        switch (layer) {
            case ConvSpec c when !c.isClassic() || c.kernel().rounding() == Window.Rounding.CEIL -> kept(layer);
            case PoolSpec p when !p.isClassic() || p.countIncludePad() -> kept(layer);
            case ConvSpec c -> conv(c);
            case PoolSpec p -> pool(p);
            case ActivationSpec a -> activation(a);
            case DenseSpec d -> dense(d);
            case FlattenSpec f -> {
                addNote("Flatten: H×W×C becomes a vector of H·W·C units; no parameters.");
                build = () -> new FlattenSpec(name());
            }
            case SoftmaxSpec s -> {
                addNote("Softmax: turns the class scores into probabilities; only as the last layer.");
                build = () -> new SoftmaxSpec(name(), s.log());
            }
            default -> kept(layer);
        }
        add(problem, 0, row++, 4, 1);
    }

    /** A layer whose settings this form cannot edit (from an imported model): shown, kept as it is, name and all. */
    private void kept(LayerSpec layer) {
        name.setDisable(true);
        addNote(layer.describe() + ": its settings come from the imported model and are kept as they are.");
        build = () -> layer;
    }

    /** A convolution's filters, kernel, stride and padding; an imported one keeps its rounding (down, as PyTorch's). */
    private void conv(ConvSpec c) {
        IntField filters = field("filters", "filters", 1, 4096, c.filters());
        IntField kernelH = field("kernel-height", "kernel height", 1, 31, c.kernelHeight());
        IntField kernelW = field("kernel-width", "kernel width", 1, 31, c.kernelWidth());
        IntField stride = field("stride", "stride", 1, 8, c.stride());
        IntField padding = field("padding", "padding", 0, 15, c.padding());
        addRow("filters", filters);
        addRow("kernel (h × w)", kernelH, new Label("×"), kernelW);
        addRow("stride", stride);
        addRow("padding", padding);
        Window.Rounding rounding = c.kernel().rounding();
        if (rounding == Window.Rounding.FLOOR) {
            addNote("Output sizes round down, as in PyTorch: a stride that does not divide evenly leaves out the last"
                    + " rows and columns.");
        }
        build = () -> new ConvSpec(name(), filters.getValue(), new Window(kernelH.getValue(), kernelW.getValue(),
                stride.getValue(), stride.getValue(), padding.getValue(), padding.getValue(), padding.getValue(),
                padding.getValue(), 1, 1, rounding), 1);
    }

    private void pool(PoolSpec p) {
        ComboBox<PoolSpec.Kind> kind = combo("pool-kind", PoolSpec.Kind.values(), p.kind(), LayerForm::poolName);
        IntField window = field("window", "window", 1, 16, p.window());
        IntField stride = field("pool-stride", "stride", 1, 16, p.stride());
        addRow("type", kind);
        addRow("window", window);
        addRow("stride", stride);
        addNote("max: the largest value; average: the mean; L2: √Σx² of each window");
        build = () -> new PoolSpec(name(), kind.getValue(), window.getValue(), stride.getValue());
    }

    private void activation(ActivationSpec a) {
        ComboBox<ActivationSpec.Kind> kind = combo("activation-kind", ActivationSpec.Kind.values(), a.kind(),
                LayerForm::activationName);
        addRow("function", kind);
        addNote("ReLU max(0, x) · tanh · sigmoid 1/(1 + e^−x)");
        // The same kind keeps its constants (an imported clip's bounds, a leaky ReLU's slope); another takes its defaults.
        build = () -> kind.getValue() == a.kind() ? new ActivationSpec(name(), a.kind(), a.alpha(), a.beta())
                : new ActivationSpec(name(), kind.getValue());
    }

    private void dense(DenseSpec d) {
        IntField units = field("units", "units", 1, 4096, d.units());
        addRow("units", units);
        build = () -> new DenseSpec(name(), units.getValue());
    }

    /**
     * A field from {@code min} to {@code max}, or to {@code value} when an imported layer has more; a number typed out
     * of range is said under the form.
     */
    private IntField field(String id, String what, int min, int max, int value) {
        IntField f = new IntField(id, what, min, Math.max(max, value), value, v -> changed());
        f.problemProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty() || problem.getText().startsWith(what + ":")) problem.setText(now);
        });
        return f;
    }

    private <T> ComboBox<T> combo(String id, T[] values, T value, java.util.function.Function<T, String> names) {
        ComboBox<T> box = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(values));
        box.setId(id);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : names.apply(v);
            }

            @Override
            public T fromString(String text) {
                for (T v : values) if (names.apply(v).equals(text)) return v;
                return null;
            }
        });
        box.setValue(value);
        box.valueProperty().addListener((obs, old, now) -> changed());
        return box;
    }

    /** "max pool", "average pool", "L2 pool". */
    static String poolName(PoolSpec.Kind kind) {
        return switch (kind) {
            case MAX -> "max pool";
            case AVERAGE -> "average pool";
            case L2 -> "L2 pool";
        };
    }

    /** "ReLU", "tanh", "sigmoid", "leaky ReLU", "clip (ReLU6)", "hard sigmoid", "hard swish". */
    static String activationName(ActivationSpec.Kind kind) {
        return switch (kind) {
            case RELU -> "ReLU";
            case TANH -> "tanh";
            case SIGMOID -> "sigmoid";
            case LEAKY_RELU -> "leaky ReLU";
            case CLIP -> "clip (ReLU6)";
            case HARD_SIGMOID -> "hard sigmoid";
            case HARD_SWISH -> "hard swish";
        };
    }

    private void addRow(String label, Node... controls) {
        Label l = new Label(label);
        l.getStyleClass().add("form-label");
        add(l, 0, row);
        for (int i = 0; i < controls.length; i++) add(controls[i], i + 1, row);
        row++;
    }

    private void addNote(String text) {
        Label note = new Label(text);
        note.getStyleClass().add("note");
        note.setWrapText(true);
        note.setPrefWidth(NOTE_WIDTH);
        note.setMinWidth(Region.USE_PREF_SIZE);
        note.setMinHeight(Region.USE_PREF_SIZE);
        add(note, 0, row++, 4, 1);
    }

    private String name() {
        return name.getText().strip();
    }

    private void changed() {
        if (name().isEmpty()) return;
        LayerSpec layer = build.get();
        if (layer != null) onChange.accept(layer);
    }
}
