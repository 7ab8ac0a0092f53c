package org.convscope.ui.explorer.network;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.convscope.engine.Network;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.ui.explorer.ExplorerModel;
import org.convscope.ui.explorer.Frame;
import org.convscope.ui.explorer.Normalisation;
import org.convscope.ui.explorer.Shortcut;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Every layer of the network in order, left to right, as columns of images, under a header with how the maps are
 * coloured (per map, per layer, global, and what the range covers); scrolls, zooms (Ctrl + wheel, or the zoom
 * property) and by default fits the window. The columns are made for the height the view has, so that their text stays
 * at its size and only the pictures shrink. Observes the model: rebuilt when the network or the height changes,
 * repainted in place for every frame, marks redrawn when the selected unit changes.
 */
public final class NetworkView extends VBox {
    public static final String CONTENT_ID = "network-content";
    public static final String RANGE_NOTE_ID = "range-note";
    /** Height of a column's header and legends, above and below its pictures. */
    private static final double AROUND_BODY = 170;
    private static final double MIN_BODY = 300;
    /**
     * Fitting zooms out no further: the smallest text (11 px) stays at 9 px. A network still too wide scrolls
     * sideways.
     */
    static final double MIN_FIT_ZOOM = 0.82;
    private static final double SIZE_STEP = 24; // rebuilt when the size changes by this much

    private final ExplorerModel model;
    private final HBox content = new HBox();
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    // The scale is on a wrapper, so that the content exports at 1:1 whatever the zoom.
    private final ScrollPane scroll = new ScrollPane(new ZoomPane(new StackPane(content), zoom));
    private final BooleanProperty fitWidth = new SimpleBooleanProperty(this, "fitWidth", true);
    private final Label rangeNote = new Label();
    private List<Column> columns = List.of();
    private ValueRanges ranges;
    private double bodyHeight = 780;
    private List<Double> followed = List.of(); // the view's size the columns were made for, in steps

    public NetworkView(ExplorerModel model) {
        this.model = model;
        build();
        wire();
    }

    private void build() {
        getStyleClass().add("network-view");
        content.setId(CONTENT_ID);
        content.getStyleClass().add("network-content");
        content.setAlignment(Pos.TOP_LEFT);
        scroll.setPannable(false);
        scroll.getStyleClass().add("network-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header(), scroll);
    }

    private HBox header() {
        Label colours = new Label("Colours");
        colours.getStyleClass().add("header-label");
        NormalisationChooser modes = new NormalisationChooser(model.normalisationProperty(), model::setNormalisation);
        rangeNote.setId(RANGE_NOTE_ID);
        rangeNote.getStyleClass().add("range-note");
        rangeNote.setMinWidth(0);
        Region fill = new Region();
        HBox.setHgrow(fill, Priority.ALWAYS);
        ToggleButton fit = new ToggleButton(null, new FontIcon("mdi2f-fit-to-page-outline"));
        fit.setId("fit");
        fit.selectedProperty().bindBidirectional(fitWidth);
        fit.setTooltip(new Tooltip("Fit the network to the window (" + Shortcut.FIT.keys() + "); Ctrl + wheel zooms"));
        fit.setMinWidth(USE_PREF_SIZE);
        HBox header = new HBox(8, colours, modes, rangeNote, fill, fit);
        header.getStyleClass().add("network-header");
        header.setAlignment(Pos.CENTER_LEFT);
        for (var n : List.of(colours, modes)) ((Region) n).setMinWidth(USE_PREF_SIZE);
        return header;
    }

    private void wire() {
        model.networkProperty().addListener((o, old, net) -> {
            followed = List.of(); // another network: columns of other widths
            rebuild(net);
            follow(scroll.getViewportBounds().getWidth(), scroll.getViewportBounds().getHeight());
        });
        model.frameProperty().addListener((o, old, f) -> repaint());
        model.normalisationProperty().addListener((o, old, n) -> repaint());
        model.selectedUnitProperty().addListener((o, old, u) -> highlight());
        scroll.viewportBoundsProperty().addListener((o, old, b) -> {
            follow(b.getWidth(), b.getHeight());
            fit();
        });
        content.widthProperty().addListener((o, old, w) -> fit());
        content.heightProperty().addListener((o, old, h) -> fit());
        fitWidth.addListener((o, old, on) -> fit());
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (!e.isShortcutDown()) return;
            fitWidth.set(false);
            zoom.set(Math.clamp(zoom.get() * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1), 0.4, 3));
            e.consume();
        });
        rebuild(model.networkProperty().get());
    }
    /** The scale of the columns; setting it turns fitting off. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** Whether the zoom follows the window so that all columns fit it (at most 1:1, so pixels stay sharp). */
    public BooleanProperty fitWidthProperty() {
        return fitWidth;
    }

    /** The columns at 1:1 regardless of the zoom, for export. */
    public Node content() {
        return content;
    }

    private void fit() {
        double width = scroll.getViewportBounds().getWidth();
        double height = scroll.getViewportBounds().getHeight();
        double needW = content.prefWidth(-1);
        double needH = content.prefHeight(-1);
        if (fitWidth.get() && width > 0 && needW > 0) {
            zoom.set(Math.clamp(Math.min(width / needW, height / needH), MIN_FIT_ZOOM, 1));
        }
    }

    /**
     * Makes the columns again for a new size of the view (by a step or more): their pictures as tall as the height
     * allows, then smaller until the columns fit the width zoomed out to {@link #MIN_FIT_ZOOM} at most, if they can;
     * their text keeps its size. Fitting zooms out the rest ({@link #fit}).
     */
    private void follow(double width, double height) {
        if (width <= 0 || height <= 0) return;
        double body = step(Math.max(MIN_BODY, height - AROUND_BODY));
        List<Double> key = List.of(body, step(width));
        if (key.equals(followed)) return;
        followed = key;
        bodyHeight = body;
        rebuild(model.networkProperty().get());
        for (int i = 0; i < 6 && bodyHeight > MIN_BODY; i++) {
            content.applyCss();
            double need = content.prefWidth(-1);
            if (need * MIN_FIT_ZOOM <= width) break; // fits, zoomed out no further than the floor
            // Pictures shrink in whole multiples of their size: at least a step smaller each time.
            bodyHeight = Math.max(MIN_BODY, step(Math.min(bodyHeight - SIZE_STEP, bodyHeight * width / MIN_FIT_ZOOM / need)));
            rebuild(model.networkProperty().get());
        }
    }

    private static double step(double size) {
        return Math.floor(size / SIZE_STEP) * SIZE_STEP;
    }

    /**
     * Whether a network is shown as columns rather than as a graph: plain sequences of LeNet's size, with every map and
     * filter in view at once (at most {@value #MAX_COLUMNS} layers and {@value #MAX_COLUMN_CHANNELS} channels in a
     * layer). Any other goes to the graph view; this view then makes no columns for it (ResNet-18's would be millions
     * of filter tiles).
     */
    public static boolean showsColumns(NetworkSpec spec) {
        if (!spec.isSequence() || spec.layers().size() > MAX_COLUMNS) return false;
        return spec.infer().stream().noneMatch(l -> l.output().channels() > MAX_COLUMN_CHANNELS && !l.output().isVector());
    }

    private static final int MAX_COLUMNS = 16;
    private static final int MAX_COLUMN_CHANNELS = 32;

    private void rebuild(Network net) {
        if (!showsColumns(net.spec())) {
            columns = List.of();
            content.getChildren().clear();
            return;
        }
        columns = Columns.of(net.spec(), bodyHeight, (unit, clicked) -> {
            if (clicked) model.pin(unit);
            else model.hover(unit);
        });
        content.getChildren().setAll(columns.stream().map(LayoutBoundary::new).toList());
        scroll.setHvalue(0); // new columns start at the input
        repaint();
        highlight();
    }

    private void repaint() {
        Frame f = model.frameProperty().get();
        if (f == null || columns.isEmpty() || f.snapshot().spec() != model.networkProperty().get().spec()) return;
        ranges = ValueRanges.of(f.snapshot());
        Normalisation mode = model.normalisationProperty().get();
        for (Column c : columns) c.update(f, ranges, mode);
        float[] global = ranges.range(Normalisation.GLOBAL, -1, 0);
        rangeNote.setText(switch (mode) {
            case PER_MAP -> "each map its own range, beside it";
            case PER_LAYER -> "each layer its own range, under it";
            case GLOBAL -> "one range for every layer but the logits: " + ColumnLegend.format(global[0]) + " … "
                    + ColumnLegend.format(global[1]);
        });
    }

    private void highlight() {
        if (columns.isEmpty()) return;
        Network net = model.networkProperty().get();
        Highlight h = Highlight.of(net.spec(), net.layers().stream().map(l -> l.output()).toList(),
                model.selectedUnitProperty().get());
        for (Column c : columns) c.highlight(h);
    }
}
