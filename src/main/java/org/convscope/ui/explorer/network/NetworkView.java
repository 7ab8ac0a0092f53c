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
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.convscope.engine.Network;
import org.convscope.ui.explorer.ExplorerModel;
import org.convscope.ui.explorer.Frame;

/**
 * Every layer of the network in order, left to right, as columns of images; scrolls, zooms (Ctrl + wheel, or the
 * zoom property) and by default fits the width of the window. Observes the model: rebuilt when the network changes,
 * repainted in place for every frame, marks redrawn when the selected unit changes.
 */
public final class NetworkView extends StackPane {
    public static final String CONTENT_ID = "network-content";
    private static final double BODY_HEIGHT = 780;

    private final ExplorerModel model;
    private final HBox content = new HBox();
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    // The scale is on a wrapper, so that the content exports at 1:1 whatever the zoom.
    private final ScrollPane scroll = new ScrollPane(new ZoomPane(new StackPane(content), zoom));
    private final BooleanProperty fitWidth = new SimpleBooleanProperty(this, "fitWidth", true);
    private List<Column> columns = List.of();
    private ValueRanges ranges;

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
        getChildren().add(scroll);
    }

    private void wire() {
        model.networkProperty().addListener((o, old, net) -> rebuild(net));
        model.frameProperty().addListener((o, old, f) -> repaint());
        model.normalisationProperty().addListener((o, old, n) -> repaint());
        model.selectedUnitProperty().addListener((o, old, u) -> highlight());
        scroll.viewportBoundsProperty().addListener((o, old, b) -> fit());
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
        if (fitWidth.get() && width > 0 && needW > 0) zoom.set(Math.min(1, Math.min(width / needW, height / needH)));
    }

    private void rebuild(Network net) {
        columns = Columns.of(net.spec(), BODY_HEIGHT, (unit, clicked) -> {
            if (clicked) model.pin(unit);
            else model.hover(unit);
        });
        content.getChildren().setAll(columns.stream().map(LayoutBoundary::new).toList());
        repaint();
        highlight();
    }

    private void repaint() {
        Frame f = model.frameProperty().get();
        if (f == null || f.snapshot().spec() != model.networkProperty().get().spec()) return;
        ranges = ValueRanges.of(f.snapshot());
        for (Column c : columns) c.update(f, ranges, model.normalisationProperty().get());
    }

    private void highlight() {
        Network net = model.networkProperty().get();
        Highlight h = Highlight.of(net.spec(), net.layers().stream().map(l -> l.output()).toList(),
                model.selectedUnitProperty().get());
        for (Column c : columns) c.highlight(h);
    }
}
