package org.convscope.ui.explorer;

import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
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
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.javafx.FontIcon;

/** The explorer's tool bar: files, drawing tools, test-set browsing, how maps are coloured, view options. */
final class ExplorerToolbar extends ToolBar {
    static final String CLASS_FILTER_ID = "class-filter";

    private final ExplorerModel model;
    private final ExplorerView view;

    ExplorerToolbar(ExplorerModel model, ExplorerView view) {
        this.model = model;
        this.view = view;
        getStyleClass().add("explorer-toolbar");
        getItems().addAll(files(), new Separator(), drawing(), new Separator(), testSet(), new Separator(), colours(),
                spacer(), windowItems());
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
        tip(export, "Save a panel as PNG at twice the screen resolution, for slides (" + Shortcut.EXPORT.keys()
                + ": the network view). Right-click a layer to export just that layer.");
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
        Slider brush = new Slider(DrawingCanvas.MIN_RADIUS, DrawingCanvas.MAX_RADIUS, 11);
        brush.setId("brush-size");
        brush.setPrefWidth(90);
        brush.valueProperty().bindBidirectional(canvas.brushRadiusProperty());
        tip(brush, "Brush size ([ and ] change it)");
        FontIcon brushIcon = new FontIcon("mdi2b-brush");
        return new HBox(4, undo, redo, clear, eraser, brushIcon, brush);
    }

    private Node testSet() {
        Button previous = button("previous-digit", "mdi2c-chevron-left", null, Shortcut.PREVIOUS, model::previousSample);
        Button next = button("next-digit", "mdi2c-chevron-right", null, Shortcut.NEXT, model::nextSample);
        Button random = button("random-digit", "mdi2d-dice-5-outline", null, Shortcut.RANDOM, model::randomSample);
        ComboBox<String> digit = new ComboBox<>(FXCollections.observableArrayList(
                "All digits", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        digit.setId(CLASS_FILTER_ID);
        digit.getSelectionModel().select(0);
        digit.getSelectionModel().selectedIndexProperty().addListener((o, old, i) -> model.setClassFilter(i.intValue() - 1));
        model.classFilterProperty().addListener((o, old, c) -> digit.getSelectionModel().select(c.intValue() + 1));
        tip(digit, "Browse only test digits of this class");
        CheckBox wrong = new CheckBox("Misclassified");
        wrong.setId("only-misclassified");
        wrong.setSelected(model.onlyMisclassifiedProperty().get());
        wrong.setOnAction(e -> model.setOnlyMisclassified(wrong.isSelected()));
        model.onlyMisclassifiedProperty().addListener((o, old, on) -> wrong.setSelected(on));
        tip(wrong, Shortcut.MISCLASSIFIED.description() + " (" + Shortcut.MISCLASSIFIED.keys() + ")");
        return new HBox(4, previous, next, random, digit, wrong);
    }

    private Node colours() {
        SegmentedButton modes = new SegmentedButton();
        modes.setId("normalisation");
        Shortcut[] keys = {Shortcut.PER_MAP, Shortcut.PER_LAYER, Shortcut.GLOBAL};
        for (Normalisation n : Normalisation.values()) {
            ToggleButton b = new ToggleButton(n.label());
            b.setUserData(n);
            tip(b, n.description() + " (" + keys[n.ordinal()].keys() + ")");
            b.setSelected(model.normalisationProperty().get() == n);
            b.setOnAction(e -> {
                model.setNormalisation(n);
                b.setSelected(true);
            });
            modes.getButtons().add(b);
        }
        model.normalisationProperty().addListener((o, old, n) ->
                modes.getButtons().forEach(b -> b.setSelected(b.getUserData() == n)));
        ToggleButton saliency = new ToggleButton("Saliency", new FontIcon("mdi2f-fire"));
        saliency.setId("saliency");
        saliency.setSelected(model.saliencyProperty().get());
        saliency.setOnAction(e -> model.setSaliency(saliency.isSelected()));
        model.saliencyProperty().addListener((o, old, on) -> saliency.setSelected(on));
        tip(saliency, "Saliency on what the network sees: which pixels drive the top class ("
                + Shortcut.SALIENCY.keys() + ")");
        ComboBox<SaliencyMethod> method = new ComboBox<>(FXCollections.observableArrayList(SaliencyMethod.values()));
        method.setId("saliency-method");
        method.setValue(model.saliencyMethodProperty().get());
        method.setOnAction(e -> {
            if (method.getValue() != null) model.setSaliencyMethod(method.getValue());
        });
        model.saliencyMethodProperty().addListener((o, old, m) -> method.setValue(m));
        tip(method, "How saliency is computed. " + SaliencyMethod.GRADIENT.label() + ": "
                + SaliencyMethod.GRADIENT.description() + ". " + SaliencyMethod.OCCLUSION.label() + ": "
                + SaliencyMethod.OCCLUSION.description() + ".");
        ToggleButton fit = new ToggleButton(null, new FontIcon("mdi2f-fit-to-page-outline"));
        fit.setId("fit");
        fit.selectedProperty().bindBidirectional(view.network().fitWidthProperty());
        tip(fit, "Fit the network view to the window (" + Shortcut.FIT.keys() + "); Ctrl + wheel zooms");
        return new HBox(4, modes, saliency, method, fit);
    }

    private Node windowItems() {
        Button theme = button("theme", "mdi2t-theme-light-dark", null, Shortcut.THEME, view::toggleTheme);
        Button help = button("help", "mdi2h-help-circle-outline", null, Shortcut.HELP, view::toggleHelp);
        return new HBox(4, theme, help);
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
        return b;
    }

    private static void tip(Control control, String text) {
        control.setTooltip(new Tooltip(text));
    }
}
