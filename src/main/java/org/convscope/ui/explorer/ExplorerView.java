package org.convscope.ui.explorer;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
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
import org.controlsfx.control.NotificationPane;
import org.convscope.engine.explain.UnitRef;
import org.convscope.io.FileException;
import org.convscope.ui.explorer.inspector.InspectorPane;
import org.convscope.ui.explorer.network.LayoutBoundary;
import org.convscope.ui.explorer.network.NetworkView;
import org.convscope.ui.view.PngExport;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The live drawing explorer, a whole screen as one node: tool bar on top; the drawing canvas and what the network
 * sees on the left; every layer of the network in the centre; the inspector on the right; a status line below.
 * Notifications slide in from the top; F1 shows the shortcuts. Carries its own stylesheet and theme.
 */
public final class ExplorerView extends StackPane {
    public static final String STYLESHEET = "/css/explorer.css";
    public static final double EXPORT_SCALE = 2;
    /**
     * The inspector panel's share of the window's width, within 300 px and 480 px: its conv grids need about 420 px
     * and a scroll bar, which a 1920 px window can give; a small window keeps its room for the network (the
     * inspector then scrolls sideways).
     */
    static final double INSPECTOR_SHARE = 0.25;

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
    private final NetworkView network;
    private final InspectorPane inspector = new InspectorPane();
    private final Label inspectorHint = new Label();
    private final VBox inspectorPanel;
    private final NotificationPane notifications;
    private final HelpOverlay help = new HelpOverlay();
    private final Label source = new Label();
    private final Label modelName = new Label();
    private final Label latency = new Label();
    private final Map<Shortcut, Runnable> actions;
    private final PauseTransition hideNotice = new PauseTransition(Duration.seconds(6));
    private final BorderPane layout = new BorderPane();

    public ExplorerView(ExplorerModel model) {
        this.model = model;
        canvas = new DrawingCanvas(model.drawing());
        preprocess = new PreprocessView(model);
        network = new NetworkView(model);
        inspectorPanel = new VBox(8);
        notifications = new NotificationPane(layout);
        actions = actions();
        build();
        wire();
    }

    private void build() {
        getStyleClass().addAll("explorer", "dark");
        getStylesheets().add(ExplorerView.class.getResource(STYLESHEET).toExternalForm());
        layout.setTop(new ExplorerToolbar(model, this));

        Label drawTitle = new Label("Draw a digit");
        drawTitle.getStyleClass().add("panel-title");
        source.getStyleClass().add("source");
        source.setMaxWidth(200);
        HBox drawHeader = new HBox(8, drawTitle, spacer(), source);
        drawHeader.setAlignment(Pos.BASELINE_LEFT);
        canvas.setId("drawing-canvas");
        VBox draw = new VBox(6, drawHeader, canvas);
        draw.getStyleClass().add("panel");
        VBox left = new VBox(10, draw, preprocess);
        left.getStyleClass().add("left-column");
        layout.setLeft(left);

        network.getStyleClass().add("panel");
        layout.setCenter(network);

        Label inspectorTitle = new Label("Inspector");
        inspectorTitle.getStyleClass().add("panel-title");
        inspectorHint.getStyleClass().add("hint");
        inspectorHint.setWrapText(true);
        inspector.setId("inspector");
        javafx.scene.control.ScrollPane inspectorScroll = new javafx.scene.control.ScrollPane(inspector);
        inspectorScroll.setFitToWidth(true);
        inspectorScroll.getStyleClass().add("inspector-scroll");
        // A pinned unit's numbers change with every stroke point: keep the relayout inside the panel. The scroll
        // pane's own preferred size is a constant (the panel stretches it), so the boundary passes no request on.
        inspectorScroll.setPrefSize(100, 200);
        LayoutBoundary inspectorBody = new LayoutBoundary(inspectorScroll);
        VBox.setVgrow(inspectorBody, Priority.ALWAYS);
        inspectorPanel.getChildren().addAll(inspectorTitle, inspectorHint, inspectorBody);
        inspectorPanel.getStyleClass().addAll("panel", "inspector-panel");
        layout.setRight(inspectorPanel);

        modelName.getStyleClass().add("status-model");
        latency.setId("latency");
        Label hint = new Label("Hover a unit to inspect it · click to pin · F1 for shortcuts");
        latency.setMinWidth(110);
        latency.setPrefWidth(110); // a constant size: its text changes with every frame
        HBox status = new HBox(16, modelName, new LayoutBoundary(latency), spacer(), hint);
        status.getStyleClass().add("status-bar");
        layout.setBottom(status);

        notifications.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        notifications.setShowFromTop(true);
        getChildren().addAll(notifications, help);
        setFocusTraversable(true);
    }

    private void wire() {
        widthProperty().addListener((o, old, w) -> {
            double panel = Math.clamp(w.doubleValue() * INSPECTOR_SHARE, 300, 480);
            inspectorPanel.setMinWidth(panel);
            inspectorPanel.setPrefWidth(panel);
            inspectorPanel.setMaxWidth(panel);
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        model.noticeProperty().addListener((o, old, n) -> notify(n));
        model.sourceProperty().addListener((o, old, s) -> source.setText(s));
        source.setText(model.sourceProperty().get());
        modelName.textProperty().bind(model.modelNameProperty());
        model.frameProperty().addListener((o, old, f) -> {
            // The first frame waited for the window to be built and drawn: its time is the app's start, not an update.
            if (old != null) {
                latency.setText(String.format(Locale.ROOT, "update %.1f ms", (System.nanoTime() - f.submittedNanos()) / 1e6));
            }
            inspect();
        });
        model.selectedUnitProperty().addListener((o, old, u) -> inspect());
        inspect();
        hideNotice.setOnFinished(e -> notifications.hide());
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) open(e.getDragboard().getFiles().getFirst().toPath());
            e.setDropCompleted(ok);
            e.consume();
        });
        network.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::columnMenu);
    }

    private Map<Shortcut, Runnable> actions() {
        return Map.ofEntries(
                Map.entry(Shortcut.UNDO, model::undo), Map.entry(Shortcut.REDO, model::redo),
                Map.entry(Shortcut.REDO_SHIFT, model::redo), Map.entry(Shortcut.CLEAR, model::clear),
                Map.entry(Shortcut.CLEAR_BACKSPACE, model::clear),
                Map.entry(Shortcut.ERASER, () -> canvas.eraserProperty().set(!canvas.eraserProperty().get())),
                Map.entry(Shortcut.THINNER, () -> brush(-2)), Map.entry(Shortcut.THICKER, () -> brush(2)),
                Map.entry(Shortcut.NEXT, model::nextSample), Map.entry(Shortcut.PREVIOUS, model::previousSample),
                Map.entry(Shortcut.RANDOM, model::randomSample),
                Map.entry(Shortcut.MISCLASSIFIED, () -> model.setOnlyMisclassified(!model.onlyMisclassifiedProperty().get())),
                Map.entry(Shortcut.OPEN_IMAGE, this::chooseImage), Map.entry(Shortcut.OPEN_MODEL, this::chooseModel),
                Map.entry(Shortcut.EXPORT, () -> chooseExport(Panel.NETWORK)),
                Map.entry(Shortcut.PER_MAP, () -> model.setNormalisation(Normalisation.PER_MAP)),
                Map.entry(Shortcut.PER_LAYER, () -> model.setNormalisation(Normalisation.PER_LAYER)),
                Map.entry(Shortcut.GLOBAL, () -> model.setNormalisation(Normalisation.GLOBAL)),
                Map.entry(Shortcut.SALIENCY, () -> model.setSaliency(!model.saliencyProperty().get())),
                Map.entry(Shortcut.STEPS, preprocess::toggleSteps),
                Map.entry(Shortcut.FIT, () -> network.fitWidthProperty().set(true)),
                Map.entry(Shortcut.THEME, this::toggleTheme), Map.entry(Shortcut.HELP, this::toggleHelp));
    }

    private void key(KeyEvent e) {
        if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && help.isVisible()) {
            help.setVisible(false);
            e.consume();
            return;
        }
        for (Shortcut s : Shortcut.values()) {
            if (s.combination().match(e)) {
                actions.get(s).run();
                e.consume();
                return;
            }
        }
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

    /** The node a panel exports. */
    public Node panel(Panel panel) {
        return switch (panel) {
            case NETWORK -> network.content();
            case DRAWING -> canvas;
            case INPUT -> preprocess;
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
        boolean dark = getStyleClass().remove("dark");
        if (dark) getStyleClass().add("light");
        else {
            getStyleClass().remove("light");
            getStyleClass().add("dark");
        }
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
        FileChooser chooser = chooser("Open an image of a digit",
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
        FileChooser chooser = chooser("Export " + panel.label() + " as PNG",
                new FileChooser.ExtensionFilter("PNG images", "*.png"));
        chooser.setInitialFileName(panel.label().toLowerCase(Locale.ROOT).replace(' ', '-') + ".png");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) export(panel, file.toPath());
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

    private void inspect() {
        UnitRef unit = model.selectedUnitProperty().get();
        Frame f = model.frameProperty().get();
        inspector.setVisible(unit != null && f != null); // empty, it would be a bare white strip
        if (unit == null || f == null) {
            inspector.clear();
            inspectorHint.setText("Hover over any map pixel, pooled cell, neuron or class to see how it is computed;"
                    + " click to pin it.");
            return;
        }
        String name = unit.layer() < 0 ? "input" : f.snapshot().spec().layers().get(unit.layer()).name();
        inspectorHint.setText(name + " · unit " + unit.channel() + (f.snapshot().shapes().get(Math.max(0, unit.layer()))
                .isVector() ? "" : " at (" + unit.y() + ", " + unit.x() + ")")
                + (model.selectionPinnedProperty().get() ? " · pinned" : ""));
        inspector.show(f.snapshot(), unit);
    }

    private void notify(Notice n) {
        FontIcon icon = new FontIcon(n.kind() == Notice.Kind.ERROR ? "mdi2a-alert-circle-outline" : "mdi2i-information-outline");
        icon.getStyleClass().add(n.kind() == Notice.Kind.ERROR ? "notice-error" : "notice-info");
        notifications.show(n.text(), icon);
        hideNotice.playFromStart();
    }

    private void columnMenu(ContextMenuEvent e) {
        Node n = e.getPickResult().getIntersectedNode();
        while (n != null && !n.getStyleClass().contains("layer-column")) n = n.getParent();
        if (n == null) return;
        Node column = n;
        String name = column.getAccessibleText();
        MenuItem item = new MenuItem("Export " + name + " as PNG…");
        item.setOnAction(a -> {
            FileChooser chooser = chooser("Export " + name, new FileChooser.ExtensionFilter("PNG images", "*.png"));
            chooser.setInitialFileName(name + ".png");
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) export(column, name, file.toPath());
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
