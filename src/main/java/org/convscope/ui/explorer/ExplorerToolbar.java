package org.convscope.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.convscope.ui.explorer.draw.Drawing;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The explorer's tool bar: files, drawing tools with the brush's size, test-set browsing, the inspector and the window.
 * How maps are coloured sits over the network, saliency beside what the network sees. In a narrow window
 * ({@link #setCompact}) the buttons keep only their icons, their words in the tooltips.
 */
final class ExplorerToolbar extends ToolBar {
    static final String CLASS_FILTER_ID = "class-filter";
    static final String BRUSH_LABEL_ID = "brush-label";
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");
    /** Style class of the buttons whose words go in a narrow window. */
    private static final String WORDED = "worded";

    private final ExplorerModel model;
    private final ExplorerView view;

    ExplorerToolbar(ExplorerModel model, ExplorerView view, BooleanProperty inspectorShown) {
        this.model = model;
        this.view = view;
        getStyleClass().add("explorer-toolbar");
        getItems().addAll(files(), new Separator(), drawing(), new Separator(), testSet(), spacer(),
                windowItems(inspectorShown));
    }

    /** Keeps only the icons of the buttons (a narrow window), or shows their words too. */
    void setCompact(boolean compact) {
        pseudoClassStateChanged(COMPACT, compact);
    }

    private Node files() {
        Button image = button("open-image", "mdi2i-image-outline", "Open image", Shortcut.OPEN_IMAGE, view::chooseImage);
        Button network = button("open-model", "mdi2b-brain", "Open model", Shortcut.OPEN_MODEL, view::chooseModel);
        MenuButton export = new MenuButton("Export", new FontIcon("mdi2e-export-variant"));
        export.setId("export");
        for (ExplorerView.Panel panel : ExplorerView.Panel.values()) {
            MenuItem item = new MenuItem(panel.label() + "…");
            item.setOnAction(e -> view.chooseExport(panel));
            export.getItems().add(item);
        }
        tip(export, "Export: save a panel as PNG at twice the screen resolution, for slides (" + Shortcut.EXPORT.keys()
                + ": the network view). Right-click a layer to export just that layer.");
        export.getStyleClass().add(WORDED);
        return new HBox(4, image, network, export);
    }

    private Node drawing() {
        DrawingCanvas canvas = view.canvas();
        Button undo = button("undo", "mdi2u-undo", null, Shortcut.UNDO, model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        Button redo = button("redo", "mdi2r-redo", null, Shortcut.REDO, model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        Button clear = button("clear", "mdi2d-delete-outline", null, Shortcut.CLEAR, model::clear);
        ToggleButton eraser = new ToggleButton(null, new FontIcon("mdi2e-eraser"));
        eraser.setId("eraser");
        eraser.selectedProperty().bindBidirectional(canvas.eraserProperty());
        tip(eraser, Shortcut.ERASER.description() + " (" + Shortcut.ERASER.keys() + ")");
        Slider brush = new Slider(DrawingCanvas.MIN_RADIUS, DrawingCanvas.MAX_RADIUS, canvas.brushRadiusProperty().get());
        brush.setId("brush-size");
        brush.setPrefWidth(80);
        brush.valueProperty().bindBidirectional(canvas.brushRadiusProperty());
        String brushTip = "Brush width in pixels of the " + Drawing.SIZE + "-pixel canvas ("
                + Shortcut.THINNER.keys() + " and " + Shortcut.THICKER.keys() + " change it): thin for small digits,"
                + " whose loops a wide brush fills";
        tip(brush, brushTip);
        Label size = new Label();
        size.setId(BRUSH_LABEL_ID);
        size.getStyleClass().add("brush-label");
        size.setMinWidth(USE_PREF_SIZE);
        size.textProperty().bind(canvas.brushRadiusProperty().map(r -> Math.round(2 * r.doubleValue()) + " px"));
        size.setTooltip(new Tooltip(brushTip));
        FontIcon brushIcon = new FontIcon("mdi2b-brush");
        HBox box = new HBox(4, undo, redo, clear, eraser, brushIcon, brush, size);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private Node testSet() {
        Button previous = button("previous-digit", "mdi2c-chevron-left", null, Shortcut.PREVIOUS, model::previousSample);
        Button next = button("next-digit", "mdi2c-chevron-right", null, Shortcut.NEXT, model::nextSample);
        Button random = button("random-digit", "mdi2d-dice-5-outline", null, Shortcut.RANDOM, model::randomSample);
        ComboBox<String> digit = new ComboBox<>();
        digit.setId(CLASS_FILTER_ID);
        classes(digit);
        model.networkProperty().addListener((o, old, n) -> classes(digit));
        digit.getSelectionModel().selectedIndexProperty().addListener((o, old, i) -> {
            if (i.intValue() >= 0 && i.intValue() - 1 != model.classFilterProperty().get()) {
                model.setClassFilter(i.intValue() - 1);
            }
        });
        model.classFilterProperty().addListener((o, old, c) -> digit.getSelectionModel().select(c.intValue() + 1));
        tip(digit, "Browse only test images of this class");
        ToggleButton wrong = new ToggleButton("Misclassified", new FontIcon("mdi2c-close-circle-outline"));
        wrong.setId("only-misclassified");
        wrong.setSelected(model.onlyMisclassifiedProperty().get());
        wrong.setOnAction(e -> model.setOnlyMisclassified(wrong.isSelected()));
        model.onlyMisclassifiedProperty().addListener((o, old, on) -> wrong.setSelected(on));
        tip(wrong, Shortcut.MISCLASSIFIED.description() + " (" + Shortcut.MISCLASSIFIED.keys() + ")");
        wrong.getStyleClass().add(WORDED);
        return new HBox(4, previous, next, random, digit, wrong);
    }

    /** "All classes" and one entry per class of the network shown, keeping the filter chosen. */
    private void classes(ComboBox<String> box) {
        int classes = model.networkProperty().get().spec().infer().getLast().output().size();
        List<String> items = new ArrayList<>(List.of("All classes"));
        for (int c = 0; c < classes; c++) items.add(Integer.toString(c));
        box.setItems(FXCollections.observableArrayList(items));
        box.getSelectionModel().select(Math.min(items.size() - 1, model.classFilterProperty().get() + 1));
    }

    private Node windowItems(BooleanProperty inspectorShown) {
        ToggleButton inspector = new ToggleButton("Inspector", new FontIcon("mdi2m-magnify-scan"));
        inspector.setId("show-inspector");
        inspector.setSelected(inspectorShown.get());
        inspectorShown.addListener((o, old, on) -> inspector.setSelected(on));
        inspector.setOnAction(e -> view.showInspector(inspector.isSelected())); // the user's choice: it stays
        tip(inspector, Shortcut.INSPECTOR.description() + " (" + Shortcut.INSPECTOR.keys() + ")");
        inspector.getStyleClass().add(WORDED);
        Button theme = button("theme", "mdi2t-theme-light-dark", null, Shortcut.THEME, view::toggleTheme);
        Button help = button("help", "mdi2h-help-circle-outline", null, Shortcut.HELP, view::toggleHelp);
        return new HBox(4, inspector, theme, help);
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static Button button(String id, String icon, String text, Shortcut shortcut, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        tip(b, shortcut.description() + " (" + shortcut.keys() + ")");
        if (text != null) b.getStyleClass().add(WORDED);
        return b;
    }

    private static void tip(Control control, String text) {
        control.setTooltip(new Tooltip(text));
    }
}
