package org.convscope.ui.explorer;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.convscope.data.Cifar10;
import org.convscope.data.PhotoPreprocess;
import org.convscope.data.Preprocess;
import org.convscope.engine.Network;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.io.AppFiles;
import org.convscope.io.FileException;
import org.convscope.ui.explorer.inspector.InspectorPane;
import org.convscope.ui.explorer.network.LayoutBoundary;
import org.convscope.ui.explorer.network.GraphView;
import org.convscope.ui.explorer.network.NetworkView;
import org.convscope.ui.view.PngExport;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The live drawing explorer, a whole screen as one node: tool bar on top; the drawing canvas and what the network
 * sees on the left; every layer of the network in the centre; the inspector on the right (open at first in a wide
 * window, opened by a click on a unit, closed with its ×); a status line below, which also shows notices for a few
 * seconds. Sizes follow the window ({@link ExplorerSizes}). F1 shows the shortcuts. Carries its own stylesheet and
 * theme.
 */
public final class ExplorerView extends StackPane {
    public static final String STYLESHEET = "/css/explorer.css";
    public static final double EXPORT_SCALE = 2;
    public static final String NOTICE_ID = "notice";
    public static final String INSPECTOR_PANEL_ID = "inspector-panel";
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final Duration INFO_SHOWN = Duration.seconds(5);
    private static final Duration ERROR_SHOWN = Duration.seconds(12);

    /** What can be exported on its own. */
    public enum Panel {
        NETWORK("Network view"), DRAWING("Drawing"), INPUT("What the network sees"), INSPECTOR("Inspector"),
        WHOLE("Whole explorer");

        private final String label;

        Panel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final ExplorerModel model;
    private final DrawingCanvas canvas;
    private final PreprocessView preprocess;
    private final PhotoPanel photo;
    private final ScrollPane photoScroll;
    private final VBox draw = new VBox(6);
    private final NetworkView network;
    private final GraphView graph;
    private final InspectorPane inspector = new InspectorPane();
    private final FeaturePanel features;
    private final ScrollPane inspectorScroll = new ScrollPane(inspector);
    private final Label inspectorHint = new Label();
    private final VBox inspectorPanel = new VBox(8);
    private final HelpOverlay help = new HelpOverlay();
    private final Label source = new Label();
    private final Label modelName = new Label();
    private final Label latency = new Label();
    private final Label hint = new Label();
    private final Label notice = new Label();
    private final ExplorerToolbar toolbar;
    private final VBox left;
    private final HBox status;
    private final Map<Shortcut, Runnable> actions;
    private final PauseTransition hideNotice = new PauseTransition();
    private final BorderPane layout = new BorderPane();
    private final BooleanProperty inspectorShown = new SimpleBooleanProperty(this, "inspectorShown");
    private final BooleanProperty light = new SimpleBooleanProperty(this, "light");
    private boolean inspectorChosen; // the user opened or closed it: the window's width no longer decides
    private Object inspectedLayer;  // the network and layer the inspector's scroll position belongs to

    public ExplorerView(ExplorerModel model) {
        this.model = model;
        canvas = new DrawingCanvas(model.drawing());
        preprocess = new PreprocessView(model);
        photo = new PhotoPanel(model, this::chooseImage, this::paste);
        photoScroll = new ScrollPane(photo);
        features = new FeaturePanel(model, this::dataSet);
        network = new NetworkView(model);
        graph = GraphView.of(model);
        toolbar = new ExplorerToolbar(model, this, inspectorShown);
        left = new VBox(10);
        status = new HBox(16);
        actions = actions();
        build();
        wire();
    }

    private void build() {
        getStyleClass().addAll("explorer", "dark");
        getStylesheets().add(ExplorerView.class.getResource(STYLESHEET).toExternalForm());
        layout.setTop(toolbar);

        Label drawTitle = new Label("Draw a digit");
        drawTitle.getStyleClass().add("panel-title");
        drawTitle.setMinWidth(Region.USE_PREF_SIZE);
        source.getStyleClass().add("source");
        source.setMinWidth(0);
        HBox drawHeader = new HBox(8, drawTitle, spacer(), source);
        drawHeader.setAlignment(Pos.BASELINE_LEFT);
        canvas.setId("drawing-canvas");
        draw.getChildren().addAll(drawHeader, canvas);
        draw.getStyleClass().add("panel");
        photo.setId("photo-panel");
        photoScroll.setFitToWidth(true);
        photoScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        photoScroll.getStyleClass().add("photo-scroll");
        photoScroll.setMinHeight(0);
        photoScroll.setPrefHeight(100); // the column's height decides; a small window scrolls the steps
        VBox.setVgrow(photoScroll, Priority.ALWAYS);
        left.getChildren().addAll(draw, preprocess, photoScroll);
        left.getStyleClass().add("left-column");
        layout.setLeft(left);

        network.getStyleClass().add("panel");
        graph.getStyleClass().add("panel");
        showCentre(model.networkProperty().get());

        Label inspectorTitle = new Label("Inspector");
        inspectorTitle.getStyleClass().add("panel-title");
        Button close = new Button(null, new FontIcon("mdi2c-close"));
        close.setId("close-inspector");
        close.getStyleClass().add("close-button");
        close.setTooltip(new Tooltip("Close the inspector (" + Shortcut.INSPECTOR.keys() + " opens it again)"));
        close.setOnAction(e -> showInspector(false));
        HBox inspectorHeader = new HBox(8, inspectorTitle, spacer(), close);
        inspectorHeader.setAlignment(Pos.CENTER_LEFT);
        inspectorHint.getStyleClass().add("hint");
        inspectorHint.setWrapText(true);
        inspectorHint.setMinHeight(Region.USE_PREF_SIZE);
        inspector.setId("inspector");
        inspectorScroll.setFitToWidth(true);
        inspectorScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER); // the arithmetic wraps to the panel's width
        inspectorScroll.getStyleClass().add("inspector-scroll");
        // A pinned unit's numbers change with every stroke point: keep the relayout inside the panel. The scroll
        // pane's own preferred size is a constant (the panel stretches it), so the boundary passes no request on.
        inspectorScroll.setPrefSize(100, 200);
        LayoutBoundary inspectorBody = new LayoutBoundary(inspectorScroll);
        VBox.setVgrow(inspectorBody, Priority.ALWAYS);
        features.setId("feature-panel");
        inspectorPanel.getChildren().addAll(inspectorHeader, inspectorHint, inspectorBody, features);
        inspectorPanel.getStyleClass().addAll("panel", "inspector-panel");
        inspectorPanel.setId(INSPECTOR_PANEL_ID);

        modelName.getStyleClass().add("status-model");
        latency.setId("latency");
        latency.setMinWidth(110);
        latency.setPrefWidth(110); // a constant size: its text changes with every frame
        notice.setId(NOTICE_ID);
        notice.getStyleClass().add("notice");
        notice.setMinWidth(0);
        notice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(notice, Priority.ALWAYS);
        notice.setVisible(false);
        notice.setOnMouseClicked(e -> hideNotice());
        hint.getStyleClass().add("status-hint");
        hint.setMinWidth(0);
        status.getChildren().addAll(modelName, new LayoutBoundary(latency), notice, hint);
        status.getStyleClass().add("status-bar");
        status.setAlignment(Pos.CENTER_LEFT);
        layout.setBottom(status);

        getChildren().addAll(layout, help);
        setFocusTraversable(true);
    }

    private void wire() {
        light.addListener((o, old, on) -> {
            getStyleClass().removeAll("light", "dark"); // only these: a scene's root also has "root"
            getStyleClass().add(on ? "light" : "dark");
        });
        inspectorShown.addListener((o, old, on) -> {
            layout.setRight(on ? inspectorPanel : null);
            inspect();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        model.photoModeProperty().addListener((o, old, on) -> inputPanels(on));
        inputPanels(model.photoModeProperty().get());
        model.noticeProperty().addListener((o, old, n) -> notify(n));
        model.sourceProperty().addListener((o, old, s) -> source.setText(s));
        source.setText(model.sourceProperty().get());
        source.setTooltip(new Tooltip());
        source.getTooltip().textProperty().bind(source.textProperty());
        modelName.textProperty().bind(model.modelNameProperty());
        model.frameProperty().addListener((o, old, f) -> {
            // The first frame waited for the window to be built and drawn: its time is the app's start, not an update.
            if (old != null) {
                latency.setText(String.format(Locale.ROOT, "update %.1f ms", (System.nanoTime() - f.submittedNanos()) / 1e6));
            }
            inspect();
        });
        model.selectedUnitProperty().addListener((o, old, u) -> inspect());
        model.selectionPinnedProperty().addListener((o, old, pinned) -> {
            if (pinned) showInspector(true);
            inspect();
        });
        inspect();
        hideNotice.setOnFinished(e -> hideNotice());
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() || e.getDragboard().hasImage()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        setOnDragDropped(e -> {
            e.setDropCompleted(take(e.getDragboard(), "dropped image"));
            e.consume();
        });
        network.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::columnMenu);
        graph.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::columnMenu);
        model.networkProperty().addListener((o, old, net) -> showCentre(net));
    }

    private Map<Shortcut, Runnable> actions() {
        return Map.ofEntries(
                Map.entry(Shortcut.UNDO, model::undo), Map.entry(Shortcut.REDO, model::redo),
                Map.entry(Shortcut.REDO_SHIFT, model::redo), Map.entry(Shortcut.CLEAR, model::clear),
                Map.entry(Shortcut.CLEAR_BACKSPACE, model::clear),
                Map.entry(Shortcut.ERASER, () -> canvas.eraserProperty().set(!canvas.eraserProperty().get())),
                Map.entry(Shortcut.THINNER, () -> brush(-1)), Map.entry(Shortcut.THICKER, () -> brush(1)),
                Map.entry(Shortcut.NEXT, model::nextSample), Map.entry(Shortcut.PREVIOUS, model::previousSample),
                Map.entry(Shortcut.RANDOM, model::randomSample),
                Map.entry(Shortcut.MISCLASSIFIED, () -> model.setOnlyMisclassified(!model.onlyMisclassifiedProperty().get())),
                Map.entry(Shortcut.OPEN_IMAGE, this::chooseImage), Map.entry(Shortcut.OPEN_MODEL, this::chooseModel),
                Map.entry(Shortcut.PASTE, this::paste),
                Map.entry(Shortcut.EXPORT, () -> chooseExport(Panel.NETWORK)),
                Map.entry(Shortcut.PER_MAP, () -> model.setNormalisation(Normalisation.PER_MAP)),
                Map.entry(Shortcut.PER_LAYER, () -> model.setNormalisation(Normalisation.PER_LAYER)),
                Map.entry(Shortcut.GLOBAL, () -> model.setNormalisation(Normalisation.GLOBAL)),
                Map.entry(Shortcut.SALIENCY, () -> model.setSaliency(!model.saliencyProperty().get())),
                Map.entry(Shortcut.STEPS, () -> {
                    if (model.photoModeProperty().get()) photo.toggleSteps();
                    else preprocess.toggleSteps();
                }),
                Map.entry(Shortcut.FIT, () -> {
                    if (graphShown()) graph.fit();
                    else network.fitWidthProperty().set(true);
                }),
                Map.entry(Shortcut.INSPECTOR, () -> showInspector(!inspectorShown.get())),
                Map.entry(Shortcut.UNPIN, () -> model.pin(null)),
                Map.entry(Shortcut.THEME, this::toggleTheme), Map.entry(Shortcut.HELP, this::toggleHelp));
    }

    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && help.isVisible()) {
            help.setVisible(false);
            e.consume();
            return;
        }
        for (Shortcut s : Shortcut.values()) {
            Runnable action = actions.get(s); // none for the window's own keys (quit)
            if (action != null && s.combination().match(e)) {
                action.run();
                e.consume();
                return;
            }
        }
    }

    // ---- sizes

    @Override
    protected void layoutChildren() {
        double body = getHeight() - snappedTopInset() - snappedBottomInset() - toolbar.prefHeight(-1)
                - status.prefHeight(-1);
        if (!inspectorChosen && inspectorShown.get() != ExplorerSizes.inspectorAtFirst(getWidth())) {
            inspectorShown.set(ExplorerSizes.inspectorAtFirst(getWidth()));
        }
        boolean steps = model.photoModeProperty().get() ? photo.stepsShown() : preprocess.stepsShown();
        apply(ExplorerSizes.of(getWidth(), body, Preprocess.SIZE, steps, inspectorShown.get()));
        super.layoutChildren();
    }

    private void apply(ExplorerSizes sizes) {
        canvas.setSide(sizes.canvas());
        preprocess.setSizes(sizes.seen(), sizes.step());
        photo.setSizes(photoSide(sizes), Math.floor((sizes.canvas() - 12 - 16) / 3)); // room for a scroll bar
        double column = sizes.canvas() + ExplorerSizes.LEFT_SIDES;
        left.setMinWidth(column);
        left.setPrefWidth(column);
        left.setMaxWidth(column);
        inspectorPanel.setMinWidth(sizes.inspector());
        inspectorPanel.setPrefWidth(sizes.inspector());
        inspectorPanel.setMaxWidth(sizes.inspector());
        toolbar.setCompact(sizes.compactToolbar());
    }

    /**
     * The photo's side: 0.8 of the canvas's (the steps and the channels take the rest of the drawing's column), a whole
     * multiple of the input's side where one lies within 0.65–0.8 of the canvas.
     */
    private double photoSide(ExplorerSizes sizes) {
        var in = model.networkProperty().get().input();
        int side = in.isVector() ? 1 : Math.max(in.height(), in.width());
        double target = Math.floor(0.8 * sizes.canvas());
        double multiple = Math.floor(target / side) * side;
        return multiple >= 0.65 * sizes.canvas() ? multiple : target;
    }

    /** The drawing and what the network sees of it for a digit model; the photo panel for any other. */
    private void inputPanels(boolean photos) {
        for (Node n : List.of(draw, preprocess)) {
            n.setVisible(!photos);
            n.setManaged(!photos);
        }
        photoScroll.setVisible(photos);
        photoScroll.setManaged(photos);
    }

    /**
     * The data set the top images come from: the bundled MNIST test set for a digit model; for any other a folder of
     * photos the user picks (class folders and all), preprocessed as the model's photos.
     */
    private void dataSet(java.util.function.Consumer<org.convscope.engine.train.SampleSource> then) {
        if (!model.photoModeProperty().get()) {
            model.digitTestSet(then);
            return;
        }
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("A folder of photos (e.g. an ImageNet-style folder of class folders) or of CIFAR-10 batches");
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) topImagesFrom(dir.toPath(), then);
    }

    /**
     * The top images' data: a folder of CIFAR-10 binary batches (its test batch, else its training batches), or of
     * photos; a folder without either gives an error notice.
     */
    void topImagesFrom(Path dir, java.util.function.Consumer<org.convscope.engine.train.SampleSource> then) {
        var net = model.networkProperty().get();
        try {
            PhotoPreprocess recipe = model.recipeProperty().get();
            then.accept(Cifar10.isCifar(dir) ? CifarSamples.of(dir, recipe, net.input(), net.numClasses())
                    : PhotoFolderSamples.scan(dir, recipe, net.input(), net.numClasses()));
        } catch (RuntimeException e) {
            model.inform(Notice.Kind.ERROR, e.getMessage());
        }
    }

    FeaturePanel features() {
        return features;
    }

    /** Ctrl+V: an image on the clipboard becomes the photo; a file on it is opened. */
    void paste() {
        if (!take(Clipboard.getSystemClipboard(), "pasted image")) {
            model.inform(Notice.Kind.INFO, "The clipboard holds no image");
        }
    }

    /** Opens the first file of a clipboard or drop, else its image; false when it has neither. */
    private boolean take(Clipboard board, String name) {
        if (board.hasFiles() && !board.getFiles().isEmpty()) {
            open(board.getFiles().getFirst().toPath());
            return true;
        }
        if (!board.hasImage() || board.getImage() == null) return false;
        try {
            model.openPhoto(FxPhoto.of(board.getImage()), name);
        } catch (IllegalArgumentException e) {
            model.inform(Notice.Kind.ERROR, name + ": " + e.getMessage());
        }
        return true;
    }

    // ---- commands of the view

    public ExplorerModel model() {
        return model;
    }

    DrawingCanvas canvas() {
        return canvas;
    }

    NetworkView network() {
        return network;
    }

    GraphView graph() {
        return graph;
    }

    /** Whether a network is shown as a graph rather than as columns; see {@link NetworkView#showsColumns}. */
    static boolean asGraph(NetworkSpec spec) {
        return !NetworkView.showsColumns(spec);
    }

    boolean graphShown() {
        return layout.getCenter() == graph;
    }

    private void showCentre(Network net) {
        Node centre = asGraph(net.spec()) ? graph : network;
        if (layout.getCenter() != centre) layout.setCenter(centre);
    }

    /** Whether the inspector is shown. */
    public BooleanProperty inspectorShownProperty() {
        return inspectorShown;
    }

    /** Opens or closes the inspector; from now on the window's width no longer decides. Closing unpins the unit. */
    public void showInspector(boolean show) {
        inspectorChosen = true;
        inspectorShown.set(show);
        if (!show && model.selectionPinnedProperty().get()) model.pin(null);
    }

    /** The node a panel exports. */
    public Node panel(Panel panel) {
        return switch (panel) {
            case NETWORK -> graphShown() ? graph.exportContent() : network.content();
            case DRAWING -> model.photoModeProperty().get() ? photo : canvas;
            case INPUT -> model.photoModeProperty().get() ? photo : preprocess;
            case INSPECTOR -> inspectorPanel;
            case WHOLE -> this;
        };
    }

    /** Saves a panel as PNG at {@value #EXPORT_SCALE}× its size on screen; tells the user how it went. */
    public void export(Panel panel, Path file) {
        export(panel(panel), panel.label(), file);
    }

    private void export(Node node, String name, Path file) {
        try {
            PngExport.save(node, EXPORT_SCALE, file);
            model.inform(Notice.Kind.INFO, name + " saved to " + file);
        } catch (FileException e) {
            model.inform(Notice.Kind.ERROR, e.getMessage());
        }
    }

    public void toggleTheme() {
        light.set(!light.get());
    }

    /** Whether the light theme is on (the dark one otherwise). */
    public BooleanProperty lightProperty() {
        return light;
    }

    public void toggleHelp() {
        help.setVisible(!help.isVisible());
    }

    /** Opens an image, or a model when the file is a .safetensors or .onnx file. */
    public void open(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".safetensors") || name.endsWith(".onnx")) model.openModel(file);
        else model.openImage(file);
    }

    void chooseImage() {
        FileChooser chooser = model.photoModeProperty().get()
                ? chooser("Open a photo or a tensor", new FileChooser.ExtensionFilter("Images (PNG, JPG), tensors (.npy)",
                        "*.png", "*.jpg", "*.jpeg", "*.npy"))
                : chooser("Open an image of a digit",
                        new FileChooser.ExtensionFilter("Images (PNG, JPG)", "*.png", "*.jpg", "*.jpeg"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) model.openImage(file.toPath());
    }

    void chooseModel() {
        FileChooser chooser = chooser("Open a model",
                new FileChooser.ExtensionFilter("Models (ConvScope, ONNX)", "*.safetensors", "*.onnx"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) model.openModel(file.toPath());
    }

    void chooseExport(Panel panel) {
        Path file = chooseExportFile("Export " + panel.label() + " as PNG", fileName(panel.label()));
        if (file != null) export(panel, file);
    }

    /**
     * Asks where a PNG goes, in the folder the last export went to (at first the app's exports folder, see
     * {@link AppFiles}), and remembers the folder chosen; null when cancelled.
     */
    private Path chooseExportFile(String title, String suggested) {
        AppFiles files = AppFiles.user();
        FileChooser chooser = chooser(title, new FileChooser.ExtensionFilter("PNG images", "*.png"));
        chooser.setInitialDirectory(files.exportStart().toFile());
        chooser.setInitialFileName(suggested + ".png");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) return null;
        Path path = file.getName().contains(".") ? file.toPath() : file.toPath().resolveSibling(file.getName() + ".png");
        files.exportedTo(path.toAbsolutePath().getParent());
        return path;
    }

    /** A file name for a panel or layer: "fc1 → relu3" becomes "fc1-relu3". */
    static String fileName(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}._]+", "-").replaceAll("^-|-$", "");
    }

    private static FileChooser chooser(String title, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        return chooser;
    }

    // ---- inside

    private void brush(double delta) {
        canvas.brushRadiusProperty().set(Math.clamp(canvas.brushRadiusProperty().get() + delta,
                DrawingCanvas.MIN_RADIUS, DrawingCanvas.MAX_RADIUS));
    }

    /** Shows the unit being inspected: its arithmetic (inspector open) or one line (closed); its field on the canvas. */
    private void inspect() {
        UnitRef unit = model.selectedUnitProperty().get();
        Frame f = model.frameProperty().get();
        boolean pinned = model.selectionPinnedProperty().get();
        FieldBox seen = unit == null || f == null || f.preprocessed().isEmpty() ? null
                : FieldBox.onSeen(f.snapshot().spec(), unit);
        canvas.outline(seen == null ? null : seen.onCanvas(f.preprocessed(), f.source()));
        hint.setText(unit != null && f != null && !inspectorShown.get()
                ? InspectorPane.summary(f.snapshot(), unit) + " · click for its arithmetic"
                : "Hover a unit to inspect it · click to pin · F1 for shortcuts");
        if (!inspectorShown.get()) return;
        inspector.setVisible(unit != null && f != null); // empty, it would be a bare strip
        if (unit == null || f == null) {
            inspector.clear();
            inspectorHint.setText("Hover over any map pixel, pooled cell, neuron or class to see how it is computed;"
                    + " click to pin it.");
            return;
        }
        inspectorHint.setText(pinned ? "Pinned: it follows " + (model.photoModeProperty().get() ? "the input." : "your drawing.") + " Click it again or press "
                + Shortcut.UNPIN.keys() + " to follow the pointer." : "Click to pin this unit.");
        List<Object> layer = List.of(f.snapshot().spec(), unit.layer());
        if (!layer.equals(inspectedLayer)) {
            inspectedLayer = layer;
            inspectorScroll.setVvalue(0); // another layer's arithmetic starts at its top
        }
        inspector.show(f.snapshot(), unit, f.classNames());
    }

    private void notify(Notice n) {
        FontIcon icon = new FontIcon(n.kind() == Notice.Kind.ERROR ? "mdi2a-alert-circle-outline" : "mdi2i-information-outline");
        icon.getStyleClass().add(n.kind() == Notice.Kind.ERROR ? "notice-error" : "notice-info");
        notice.setGraphic(icon);
        notice.setText(n.text());
        notice.setTooltip(new Tooltip(n.text() + "\n(click to dismiss)"));
        notice.pseudoClassStateChanged(ERROR, n.kind() == Notice.Kind.ERROR);
        notice.setVisible(true);
        notice.setManaged(true);
        hint.setVisible(false);
        hint.setManaged(false);
        hideNotice.setDuration(n.kind() == Notice.Kind.ERROR ? ERROR_SHOWN : INFO_SHOWN);
        hideNotice.playFromStart();
    }

    private void hideNotice() {
        hideNotice.stop();
        notice.setVisible(false);
        hint.setVisible(true);
        hint.setManaged(true);
    }

    private void columnMenu(ContextMenuEvent e) {
        Node n = e.getPickResult().getIntersectedNode();
        while (n != null && !n.getStyleClass().contains("layer-column") && !n.getStyleClass().contains("graph-node")) {
            n = n.getParent();
        }
        if (n == null) return;
        Node column = n;
        String name = column.getAccessibleText();
        MenuItem item = new MenuItem("Export " + name + " as PNG…");
        item.setOnAction(a -> {
            Path file = chooseExportFile("Export " + name, fileName(name));
            if (file != null) export(column, name, file);
        });
        new ContextMenu(item).show(column, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** Stops the background threads. */
    public void close() {
        model.close();
    }
}
