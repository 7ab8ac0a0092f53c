package org.convscope.ui.training.setup;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.Preset;
import org.convscope.engine.spec.Presets;
import org.convscope.lecture.Notation;
import org.convscope.model.ModelFile;
import org.convscope.training.StartWeights;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The architecture editor: start from a preset, the current network or a model file (ConvScope or ONNX, with its
 * weights), add, remove and reorder layers, and set the selected layer's parameters. The table shows each layer's
 * output shape, parameters and multiply-adds after every edit; a network that cannot work is explained in words under
 * it, and so is which layers take the model's weights. A graph's layers can be changed but not added, removed or
 * moved (its connections stay as the model has them). Observes an {@link ArchitectureModel}.
 */
public final class ArchitectureEditor extends VBox {
    /**
     * The choice of the network to start from: a preset, the network the studio trains now, or a model file with the
     * weights to start from ({@code weights}, null for fresh ones).
     */
    record Start(String title, String description, NetworkSpec spec, StartWeights weights) {
        @Override
        public String toString() {
            return title;
        }
    }

    static final String GRAPH_NOTE = "A graph: its layers read the outputs of earlier layers (column \"reads\"), so"
            + " layers cannot be added, removed or moved; their parameters can be changed.";
    private static final String GRAPH_NOTE_SHORT = "A graph (see \"reads\"): layers cannot be added, removed or moved;"
            + " their parameters can be changed";

    private final ArchitectureModel model;
    final ComboBox<Start> start = new ComboBox<>();
    final OpenModel openModel;
    final Label startDescription = new Label();
    final Label graphNote = new Label(GRAPH_NOTE_SHORT);
    final Label weights = new Label();
    private final HBox editTools = new HBox(6);
    private final Tooltip graphTip = new Tooltip(GRAPH_NOTE);
    private final TableColumn<ArchitectureModel.Row, String> reads = column("reads", 130,
            r -> String.join(", ", r.reads()));
    private final TableColumn<ArchitectureModel.Row, String> trains = column("trains", 64,
            ArchitectureModel.Row::training);
    private Start modelStart; // the start of the model file opened last, if any
    final IntField inputHeight;
    final IntField inputWidth;
    final Label inputChannels = new Label();
    final Label inputProblem = new Label();
    final CheckBox freeze = new CheckBox("Train only the last");
    final IntField trainLast;
    final Label freezeNote = new Label();
    final MenuButton add = new MenuButton("Add layer", new FontIcon("mdi2p-plus"));
    final Button remove = iconButton("remove-layer", "mdi2d-delete-outline", "Remove the selected layer");
    final Button up = iconButton("move-up", "mdi2a-arrow-up", "Move the selected layer up");
    final Button down = iconButton("move-down", "mdi2a-arrow-down", "Move the selected layer down");
    final TableView<ArchitectureModel.Row> table = new TableView<>();
    final LayerForm form;
    final Label verdict = new Label();
    private LayerSpec formLayer;
    private int formIndex = -2; // none shown yet: the first showForm fills the form, with a hint if nothing is selected
    private boolean refreshing;
    private boolean syncingInput;

    /**
     * @param current      the network the studio trains now, offered as a start (null: none)
     * @param currentStart the weights its session started from, offered with it (null: fresh ones)
     * @param chooseModel  asks for a model file to start from (null when cancelled)
     */
    public ArchitectureEditor(ArchitectureModel model, NetworkSpec current, StartWeights currentStart,
                              Supplier<Path> chooseModel) {
        this.model = model;
        this.openModel = new OpenModel(chooseModel, this::modelOpened);
        this.form = new LayerForm(this::formChanged);
        this.inputHeight = new IntField("input-height", "input height", 1, 512, model.input().height(), h -> inputSize());
        this.inputWidth = new IntField("input-width", "input width", 1, 512, model.input().width(), w -> inputSize());
        this.trainLast = new IntField("train-last", "layers to train", 1, 999, 1, n -> freezing());
        getStyleClass().add("architecture-editor");
        layoutNodes(current, currentStart);
        wire();
        if (current != null && currentStart != null) model.load(current, currentStart);
        if (model.trainLast() > 0) {
            trainLast.getValueFactory().setValue(model.trainLast());
            freeze.setSelected(true);
        }
        refresh(model.analysis());
    }

    private static Button iconButton(String id, String icon, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private void layoutNodes(NetworkSpec current, StartWeights currentStart) {
        start.setId("start-from");
        List<Start> starts = new java.util.ArrayList<>();
        if (current != null) {
            starts.add(new Start("Current network (" + current.name() + ")", "The network the studio trains now, "
                    + (currentStart == null ? "with fresh weights" : "from the weights it started with ("
                    + currentStart.source() + ")"), current, currentStart));
        }
        for (Preset p : Presets.all()) starts.add(new Start(p.title(), p.description(), p.spec(), null));
        start.setItems(FXCollections.observableArrayList(starts));
        start.getSelectionModel().select(0);
        startDescription.getStyleClass().add("note");
        startDescription.setWrapText(true);
        startDescription.setText(starts.get(0).description());
        HBox startRow = new HBox(8, new Label("Start from"), start, openModel.button);
        startRow.setAlignment(Pos.CENTER_LEFT);

        inputChannels.setId("input-channels");
        HBox inputRow = new HBox(6, new Label("Input"), inputHeight, new Label("×"), inputWidth, new Label("×"),
                inputChannels, note("height × width × depth; the depth (channels) is the data's"));
        inputRow.setAlignment(Pos.CENTER_LEFT);
        inputProblem.setId("input-problem");
        inputProblem.getStyleClass().add("problem");
        for (IntField f : new IntField[] {inputHeight, inputWidth}) {
            f.problemProperty().addListener((obs, old, now) -> inputProblem.setText(now));
        }

        freeze.setId("freeze");
        freeze.setTooltip(new Tooltip("Transfer learning: the earlier layers keep their weights (a model's, when it"
                + " starts from one) and only the last layers with weights learn; the backward pass skips the frozen"
                + " ones"));
        trainLast.setPrefWidth(70);
        trainLast.setDisable(true);
        freezeNote.setId("freeze-note");
        freezeNote.getStyleClass().add("note");
        freezeNote.setWrapText(true);
        HBox freezeRow = new HBox(6, freeze, trainLast, new Label("layers with weights"), freezeNote);
        freezeRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(freezeNote, Priority.ALWAYS);

        add.setId("add-layer");
        add.setTooltip(new Tooltip("Add a layer after the selected one"));
        for (LayerKind kind : LayerKind.values()) {
            MenuItem item = new MenuItem(kind.title);
            item.setId("add-" + kind.name().toLowerCase(Locale.ROOT));
            item.setOnAction(e -> addLayer(kind));
            add.getItems().add(item);
        }
        editTools.getChildren().addAll(add, remove, up, down);
        editTools.setId("edit-tools");
        editTools.setMinWidth(Region.USE_PREF_SIZE);
        graphNote.setId("graph-note");
        graphNote.getStyleClass().add("note");
        graphNote.setWrapText(true);
        graphNote.setMinHeight(Region.USE_PREF_SIZE);
        graphNote.setTooltip(new Tooltip(GRAPH_NOTE));
        HBox.setHgrow(graphNote, Priority.ALWAYS);
        HBox tools = new HBox(10, editTools, graphNote);
        tools.setAlignment(Pos.CENTER_LEFT);

        table.setId("layer-table");
        table.getColumns().setAll(List.of(
                column("#", 34, r -> Integer.toString(r.index() + 1)),
                column("name", 100, r -> r.spec().name()),
                reads,
                column("layer", 200, r -> r.spec().describe()),
                trains,
                column("output", 90, r -> r.output() == null ? "—" : Notation.size(r.output())),
                column("parameters", 100, r -> r.output() == null ? "—" : String.format("%,d", r.parameters())),
                column("multiply-adds", 110, r -> r.output() == null ? "—" : String.format("%,d", r.multiplyAdds()))));
        table.getColumns().get(0).setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().get(0).setMinWidth(34);
        table.getColumns().get(0).setMaxWidth(50);
        for (int c = 5; c < 8; c++) table.getColumns().get(c).getStyleClass().add("number");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ArchitectureModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"),
                        !empty && item != null && item.output() == null);
            }
        });
        table.setPlaceholder(new Label("No layers: add one"));
        table.setPrefHeight(330);
        table.setMinHeight(140);
        VBox.setVgrow(table, Priority.ALWAYS);

        verdict.setId("network-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        weights.setId("start-weights");
        weights.setWrapText(true);
        weights.setMinHeight(Region.USE_PREF_SIZE);
        form.setId("layer-form");
        form.setMinHeight(Region.USE_PREF_SIZE);
        Label formTitle = new Label("Selected layer");
        formTitle.getStyleClass().add("section");
        getChildren().addAll(startRow, openModel.status, startDescription, inputRow, inputProblem, freezeRow, tools,
                table, verdict, weights, formTitle, form);
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("note");
        return l;
    }

    private static TableColumn<ArchitectureModel.Row, String> column(String title, double width,
                                                                     Function<ArchitectureModel.Row, String> text) {
        TableColumn<ArchitectureModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // A text cut short with "…" is still readable in full on hover.
                tip.setText(item);
                setTooltip(empty || item == null || item.isEmpty() ? null : tip);
            }
        });
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }

    private void wire() {
        start.valueProperty().addListener((obs, old, now) -> {
            if (now == null) return;
            startDescription.setText(now.description());
            model.load(now.spec(), now.weights());
            syncInput();
            table.getSelectionModel().select(0);
        });
        model.analysisProperty().addListener((obs, old, now) -> refresh(now));
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> showForm());
        remove.setOnAction(e -> {
            int i = selected();
            if (i < 0) return;
            model.remove(i);
            table.getSelectionModel().select(Math.min(i, model.layers().size() - 1));
        });
        up.setOnAction(e -> moveSelected(-1));
        down.setOnAction(e -> moveSelected(1));
        freeze.selectedProperty().addListener((obs, was, on) -> {
            trainLast.setDisable(!on);
            freezing();
        });
    }

    /** The model's freezing from the check box and the number of layers to train. */
    private void freezing() {
        model.setTrainLast(freeze.isSelected() && trainLast.getValue() != null ? trainLast.getValue() : 0);
    }

    /** Whether a model file is being read (the network may change when it is). */
    public ReadOnlyBooleanProperty openingModelProperty() {
        return openModel.openingProperty();
    }

    private void modelOpened(String name, ModelFile.Model opened) {
        NetworkSpec spec = opened.network().spec();
        String stem = name.replaceFirst("\\.[^.]*$", "");
        NetworkSpec named = new NetworkSpec(stem.isBlank() ? spec.name() : stem, spec.input(), spec.layers(),
                spec.sources());
        String description = String.format(Locale.ROOT, "%s: %d layers, %,d parameters, input %s%s; training starts"
                + " from its weights", name, spec.layers().size(), spec.parameterCount(), spec.input(),
                spec.isSequence() ? "" : ", a graph");
        if (modelStart != null) start.getItems().remove(modelStart);
        modelStart = new Start("Model " + name, description, named, StartWeights.of(opened.network(), name));
        start.getItems().add(0, modelStart);
        start.getSelectionModel().select(modelStart);
    }

    private void inputSize() {
        if (syncingInput) return;
        if (inputHeight.getValue() != null && inputWidth.getValue() != null) {
            model.setInputSize(inputHeight.getValue(), inputWidth.getValue());
        }
    }

    private void addLayer(LayerKind kind) {
        int i = selected();
        int at = model.add(kind, i < 0 ? model.layers().size() : i + 1);
        table.getSelectionModel().select(at);
    }

    private void moveSelected(int delta) {
        int i = selected();
        if (i < 0) return;
        int to = model.move(i, delta);
        table.getSelectionModel().select(to);
    }

    private int selected() {
        return table.getSelectionModel().getSelectedIndex();
    }

    private void formChanged(LayerSpec layer) {
        int i = selected();
        if (i < 0 || i >= model.layers().size()) return;
        formLayer = layer;
        try {
            model.replace(i, layer);
        } catch (IllegalArgumentException e) {
            verdict.setText(e.getMessage());
        }
    }

    private void refresh(ArchitectureModel.Analysis a) {
        int keep = selected();
        refreshing = true;
        table.getItems().setAll(a.rows());
        if (keep >= 0 && keep < a.rows().size()) table.getSelectionModel().select(keep);
        refreshing = false;
        inputChannels.setText(Integer.toString(a.input().channels()));
        String text = a.valid()
                ? String.format(Locale.ROOT, "%s → %d classes · %,d parameters · %,d multiply-adds per image",
                        a.input(), model.spec().numClasses(), a.parameters(), a.multiplyAdds())
                : "Cannot train this network: " + a.problem();
        verdict.setText(text);
        verdict.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"), !a.valid());
        weights.setText(weightsText(a));
        freezeNote.setText(freezeText(a));
        boolean graph = model.isGraph();
        add.setDisable(graph);
        remove.setDisable(graph || a.rows().isEmpty());
        graphNote.setVisible(graph);
        graphNote.setManaged(graph);
        reads.setVisible(graph);
        if (graph) Tooltip.install(editTools, graphTip);
        else Tooltip.uninstall(editTools, graphTip);
        showForm();
    }

    /** Which layers train, in words: "fc3 trains; 4 layers are frozen (conv1 … fc2)". */
    private String freezeText(ArchitectureModel.Analysis a) {
        if (model.trainLast() == 0) return "(every layer trains)";
        List<String> training = a.rows().stream().filter(r -> r.training().equals("trains")).map(r -> r.spec().name()).toList();
        long frozen = a.rows().stream().filter(ArchitectureModel.Row::frozen).count();
        if (frozen == 0) return "(that is every layer with weights)";
        return String.join(", ", training) + (training.size() == 1 ? " trains; " : " train; ") + frozen
                + (frozen == 1 ? " layer is" : " layers are") + " frozen";
    }

    private String weightsText(ArchitectureModel.Analysis a) {
        if (model.start() == null) return "Fresh weights: random from the seed";
        if (a.weights() == null) return "Weights from " + model.start().source() + " where the layers fit them";
        return a.weights().summary();
    }

    /** Rebuilds the form only when another layer is selected or the layer changed elsewhere (not while typing). */
    private void showForm() {
        if (refreshing) return;
        int i = selected();
        up.setDisable(model.isGraph() || i <= 0);
        down.setDisable(model.isGraph() || i < 0 || i >= model.layers().size() - 1);
        LayerSpec layer = i >= 0 && i < model.layers().size() ? model.layers().get(i) : null;
        if (i == formIndex && java.util.Objects.equals(layer, formLayer)) return;
        formIndex = i;
        formLayer = layer;
        form.show(layer);
    }

    /**
     * Puts the input size controls back to the model's, without handing the values back to it one at a time (which
     * would make a 28×28 network 32×28 on the way to 32×32, and count as an edit).
     */
    private void syncInput() {
        Dims in = model.input();
        syncingInput = true;
        try {
            inputHeight.getValueFactory().setValue(in.height());
            inputWidth.getValueFactory().setValue(in.width());
        } finally {
            syncingInput = false;
        }
    }
}
