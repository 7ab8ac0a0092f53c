package org.convscope.ui.explorer.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.BoundingBox;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.ui.explorer.ExplorerModel;
import org.convscope.ui.explorer.Frame;
import org.convscope.ui.explorer.Normalisation;
import org.convscope.ui.explorer.Shortcut;
import org.convscope.ui.view.ColorMap;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The network as a graph: every node a card ({@link NodeCard}) placed by {@link GraphLayout}, its edges drawn as
 * curves under the cards. The wheel or a pinch zooms around the pointer, dragging pans, + and − zoom, 0 shows 1:1,
 * F or the fit button shows the whole graph. "all N" on a card pages through every channel of its layer; a tile opens
 * its map full size with its numbers. Only the cards in view are painted. Observes a snapshot, the colour mode and the
 * selected unit; sends the unit under the pointer to its selection.
 */
public final class GraphView extends VBox {
    public static final String WORLD_ID = "graph-world";
    static final double PAD = 16;
    private static final double MAX_ZOOM = 4;
    /**
     * The zoom a graph opens at when the whole of it would be smaller (then from its input; else it opens whole), and
     * that its bands are made for: its smallest text (11 px) at 9 px.
     */
    private static final double READABLE = 0.8;

    private final ObservableValue<ForwardSnapshot> snapshot;
    private final ObservableValue<Normalisation> normalisation;
    private final ObservableValue<UnitRef> selected;
    private final BiConsumer<UnitRef, Boolean> select;
    private final Pane world = new Pane();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate shift = new Translate();
    private final Group zoomed = new Group(world);
    private final Pane viewport = new Pane(zoomed);
    private final ToggleButton sorted = new ToggleButton("Strongest first");
    private final Label zoomLabel = new Label();
    /** The top class and its probability, always in view however the graph is zoomed or panned. */
    private final Label guess = new Label();
    private final VBox overlay = new VBox();
    private final Label overlayTitle = new Label();
    private final Button back = new Button("‹ all channels");
    private final ChannelPage page;
    private final MapDetail detail;
    private final Label detailNote = new Label();
    private final VBox detailBox;
    private final NodeCard.Actions actions;
    private NetworkSpec spec;
    private GraphLayout layout;
    private List<NodeCard> cards = List.of();
    private ValueRanges ranges;
    private int detailLayer = Integer.MIN_VALUE;
    private int detailChannel;
    private double bandWidth = Double.NaN; // NaN: the view's width
    private double laidOutFor = -1;        // the band width of the layout
    private double pressX = Double.NaN;
    private double pressY;

    /** A graph view of the explorer's frames, its colour mode and selection. */
    public static GraphView of(ExplorerModel model) {
        GraphView view = new GraphView(model.frameProperty().map(Frame::snapshot), model.normalisationProperty(),
                model::setNormalisation, model.selectedUnitProperty(), (unit, clicked) -> {
                    if (clicked) model.pin(unit);
                    else model.hover(unit);
                });
        model.frameProperty().subscribe(view::showGuess);
        return view;
    }

    /**
     * "axolotl · 87.3 %": the frame's top class by name, or what is missing; for a test image of known class, that
     * class and whether the guess is right ("axolotl · 87.3 % · label: axolotl, right").
     */
    private void showGuess(Frame f) {
        if (f == null || f.blank()) {
            guess.setText(f == null ? "" : "no ink");
            return;
        }
        int top = f.topClass();
        String truth = f.truth() < 0 ? "" : " · label: " + f.className(f.truth()) + (f.truth() == top ? ", right" : ", wrong");
        guess.setText(String.format(Locale.ROOT, "%s · %.1f %%%s", f.className(top), 100 * f.probabilities()[top], truth));
    }

    public GraphView(ObservableValue<ForwardSnapshot> snapshot, ObservableValue<Normalisation> normalisation,
                     Consumer<Normalisation> chooseNormalisation, ObservableValue<UnitRef> selected,
                     BiConsumer<UnitRef, Boolean> select) {
        this.snapshot = snapshot;
        this.normalisation = normalisation;
        this.selected = selected;
        this.select = select;
        actions = new NodeCard.Actions() {
            @Override
            public void unit(UnitRef unit, boolean clicked) {
                select.accept(unit, clicked);
            }

            @Override
            public void showAll(int layer) {
                GraphView.this.showAll(layer);
            }

            @Override
            public void showMap(int layer, int channel) {
                GraphView.this.showMap(layer, channel);
            }
        };
        page = new ChannelPage(actions);
        detail = new MapDetail(actions);
        detailBox = new VBox(6, detailNote, detail);
        build(chooseNormalisation);
        wire();
    }

    private void build(Consumer<Normalisation> chooseNormalisation) {
        getStyleClass().add("graph-view");
        world.setId(WORLD_ID);
        world.getStyleClass().add("graph-world");
        zoomed.getTransforms().setAll(shift, scale);
        viewport.getStyleClass().add("graph-viewport");
        viewport.setMinSize(0, 0);
        viewport.setPrefSize(200, 200);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        viewport.setFocusTraversable(true);
        buildOverlay();
        StackPane stage = new StackPane(viewport, overlay);
        stage.setMinSize(0, 0);
        VBox.setVgrow(stage, Priority.ALWAYS);
        getChildren().addAll(header(chooseNormalisation), guess, stage);
    }

    private HBox header(Consumer<Normalisation> chooseNormalisation) {
        Label colours = new Label("Colours");
        colours.getStyleClass().add("header-label");
        NormalisationChooser modes = new NormalisationChooser(normalisation, chooseNormalisation);
        sorted.setId("sorted");
        sorted.setSelected(true);
        sorted.setTooltip(new Tooltip("Each layer's channels strongest first (by mean value), or in their order"));
        Region fill = new Region();
        HBox.setHgrow(fill, Priority.ALWAYS);
        Button out = iconButton("zoom-out", "mdi2m-magnify-minus-outline", "Zoom out (−; or the wheel)", () -> zoomBy(1 / 1.25));
        Button in = iconButton("zoom-in", "mdi2m-magnify-plus-outline", "Zoom in (+; or the wheel)", () -> zoomBy(1.25));
        Button fit = iconButton("fit", "mdi2f-fit-to-page-outline", "The whole graph (" + Shortcut.FIT.keys() + "); 0: 1:1",
                this::fit);
        zoomLabel.setId("zoom-label");
        zoomLabel.getStyleClass().add("range-note");
        zoomLabel.setMinWidth(USE_PREF_SIZE);
        guess.setId(PredictionColumn.TOP_GUESS_ID);
        guess.getStyleClass().add("graph-guess");
        guess.setMinWidth(0); // a line of its own under the controls: a narrow view shortens it, not the layout
        HBox header = new HBox(8, colours, modes, sorted, fill, zoomLabel, out, in, fit);
        header.getStyleClass().add("network-header");
        header.setAlignment(Pos.CENTER_LEFT);
        for (Region r : List.<Region>of(colours, modes, sorted)) r.setMinWidth(USE_PREF_SIZE);
        return header;
    }

    private static Button iconButton(String id, String icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setMinWidth(USE_PREF_SIZE);
        return b;
    }

    private void buildOverlay() {
        overlay.setId("graph-overlay");
        overlay.getStyleClass().add("graph-overlay");
        overlayTitle.getStyleClass().add("panel-title");
        overlayTitle.setMinWidth(0);
        back.setId("overlay-back");
        back.setOnAction(e -> showAll(detailLayer));
        Button close = new Button(null, new FontIcon("mdi2c-close"));
        close.setId("overlay-close");
        close.getStyleClass().add("close-button");
        close.setTooltip(new Tooltip("Back to the graph (Esc)"));
        close.setOnAction(e -> closeOverlay());
        Region fill = new Region();
        HBox.setHgrow(fill, Priority.ALWAYS);
        HBox bar = new HBox(8, overlayTitle, fill, back, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        detailNote.getStyleClass().add("range-note");
        VBox.setVgrow(detail, Priority.ALWAYS);
        VBox.setVgrow(page, Priority.ALWAYS);
        detail.setMinSize(0, 0);
        detail.setPrefSize(400, 400);
        VBox.setVgrow(detailBox, Priority.ALWAYS);
        overlay.getChildren().add(bar);
        overlay.setVisible(false);
        overlay.setManaged(true);
    }

    private void wire() {
        snapshot.addListener((o, old, s) -> update());
        normalisation.addListener((o, old, n) -> update());
        sorted.selectedProperty().addListener((o, old, on) -> update());
        selected.addListener((o, old, u) -> highlight());
        sceneProperty().addListener((o, old, scene) -> update());
        viewport.widthProperty().addListener((o, old, w) -> viewportResized(old.doubleValue()));
        viewport.heightProperty().addListener((o, old, h) -> viewportResized(-1));
        viewport.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getTouchCount() > 0 || e.isInertia()) pan(e.getDeltaX(), e.getDeltaY());
            else if (e.getDeltaY() != 0) zoomAt(e.getX(), e.getY(), e.getDeltaY() > 0 ? 1.15 : 1 / 1.15);
            e.consume();
        });
        viewport.addEventHandler(ZoomEvent.ZOOM, e -> {
            zoomAt(e.getX(), e.getY(), e.getZoomFactor());
            e.consume();
        });
        viewport.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = e.getX();
            pressY = e.getY();
            viewport.requestFocus();
        });
        viewport.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (Double.isNaN(pressX)) return;
            pan(e.getX() - pressX, e.getY() - pressY);
            pressX = e.getX();
            pressY = e.getY();
        });
        viewport.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> pressX = Double.NaN);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case PLUS, EQUALS, ADD -> zoomBy(1.25);
                case MINUS, SUBTRACT -> zoomBy(1 / 1.25);
                case DIGIT0, NUMPAD0 -> zoomAt(viewport.getWidth() / 2, viewport.getHeight() / 2, 1 / scale.getX());
                case F -> fit();
                case ESCAPE -> {
                    if (!overlay.isVisible()) return;
                    closeOverlay();
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
        update();
    }

    // ---- public API

    /** The whole graph at 1:1, whatever the zoom: what an export saves. */
    public Region content() {
        return world;
    }

    /** The zoom: screen pixels per pixel of the graph. */
    public double zoom() {
        return scale.getX();
    }

    /** Where the graph's origin is in the view. */
    public double[] offset() {
        return new double[] {shift.getX(), shift.getY()};
    }

    /** The whole graph at 1:1 with every card painted, for an export (only the cards in view are, otherwise). */
    public Region exportContent() {
        ForwardSnapshot s = snapshot.getValue();
        if (s != null && ranges != null && s.spec() == spec) {
            for (NodeCard c : cards) c.paint(s, ranges, normalisation.getValue(), sorted.isSelected());
        }
        world.applyCss();
        world.layout();
        return world;
    }

    /** Every channel of a layer on one page that does not scroll, painted with the frame shown; for a picture. */
    ChannelPage pageOfAll(int layer) {
        Dims d = dims(layer);
        ChannelPage all = new ChannelPage(actions, d.channels(), false);
        all.show(layer, d, colours(layer));
        ForwardSnapshot s = snapshot.getValue();
        all.update(s, ranges, normalisation.getValue(), ChannelOrder.of(s.source(layer), d.channels(),
                d.height() * d.width(), sorted.isSelected()));
        return all;
    }

    /** Zooms and centres so that the whole graph is in view (never beyond 1:1). */
    public void fit() {
        double w = viewport.getWidth();
        double h = viewport.getHeight();
        if (w <= 0 || h <= 0 || layout == null) return;
        double z = Math.min(1, Math.min(w / world.prefWidth(-1), h / world.prefHeight(-1)));
        setZoom(z, (w - world.prefWidth(-1) * z) / 2, (h - world.prefHeight(-1) * z) / 2);
    }

    /** Multiplies the zoom around the view's centre. */
    public void zoomBy(double factor) {
        zoomAt(viewport.getWidth() / 2, viewport.getHeight() / 2, factor);
    }

    /** Multiplies the zoom around (x, y) of the view: the point of the graph there stays there. */
    public void zoomAt(double x, double y, double factor) {
        double z = Math.clamp(scale.getX() * factor, minZoom(), MAX_ZOOM);
        double f = z / scale.getX();
        setZoom(z, x - (x - shift.getX()) * f, y - (y - shift.getY()) * f);
    }

    /** Moves the graph by (dx, dy) screen pixels. */
    public void pan(double dx, double dy) {
        setZoom(scale.getX(), shift.getX() + dx, shift.getY() + dy);
    }

    /** Opens every channel of a layer (−1: the input), paged. */
    public void showAll(int layer) {
        NodeCard card = card(layer);
        if (card == null) return;
        detailLayer = Integer.MIN_VALUE;
        Dims d = dims(layer);
        page.show(layer, d, colours(layer));
        overlayTitle.setText(name(layer) + " · every channel · " + d);
        back.setVisible(false);
        openOverlay(page);
        updateOverlay();
    }

    /** Opens one map of a layer full size, with its numbers when zoomed in. */
    public void showMap(int layer, int channel) {
        if (card(layer) == null || channel < 0 || channel >= dims(layer).channels()) return;
        detailLayer = layer;
        detailChannel = channel;
        Dims d = dims(layer);
        overlayTitle.setText(name(layer) + " · channel " + (channel + 1) + " · " + d.height() + "×" + d.width());
        back.setVisible(d.channels() > 1);
        openOverlay(detailBox);
        updateOverlay();
        highlight();
    }

    /** Back to the graph. */
    public void closeOverlay() {
        overlay.setVisible(false);
        detailLayer = Integer.MIN_VALUE;
        overlay.getChildren().remove(1, overlay.getChildren().size());
    }

    /** The cards, input first; for tests. */
    List<NodeCard> cards() {
        return cards;
    }

    GraphLayout graphLayout() {
        return layout;
    }

    ChannelPage page() {
        return page;
    }

    MapDetail detail() {
        return detail;
    }

    boolean overlayShown() {
        return overlay.isVisible();
    }

    // ---- inside

    private void openOverlay(Region content) {
        overlay.getChildren().remove(1, overlay.getChildren().size());
        overlay.getChildren().add(content);
        overlay.setVisible(true);
    }

    private double minZoom() {
        if (layout == null || viewport.getWidth() <= 0) return 0.05;
        return Math.min(0.5, 0.8 * Math.min(viewport.getWidth() / world.prefWidth(-1), viewport.getHeight() / world.prefHeight(-1)));
    }

    private void setZoom(double z, double x, double y) {
        scale.setX(z);
        scale.setY(z);
        // Keep some of the graph in view whatever the pan.
        double w = world.prefWidth(-1) * z;
        double h = world.prefHeight(-1) * z;
        double vw = viewport.getWidth();
        double vh = viewport.getHeight();
        shift.setX(Math.clamp(x, Math.min(0, vw * 0.5 - w), Math.max(0, vw * 0.5)));
        shift.setY(Math.clamp(y, Math.min(0, vh * 0.5 - h), Math.max(0, vh * 0.5)));
        zoomLabel.setText(String.format(Locale.ROOT, "%.0f %%", z * 100));
        paintVisible();
    }

    private void viewportResized(double oldWidth) {
        if (layout == null) return;
        if (Double.isNaN(bandWidth) && Math.abs(bands() - laidOutFor) >= NodeCard.WIDTH / 2) {
            rebuild(spec);
            update();
        } else if (oldWidth <= 0) {
            opening();
        } else {
            paintVisible();
        }
    }

    /**
     * Wraps the graph into bands of at most this width (at 1:1); infinite: one band; NaN (the default): the width of
     * the view, so that a long network fills the view's height rather than running off to the right.
     */
    public void wrapTo(double width) {
        bandWidth = width;
        if (spec != null) {
            rebuild(spec);
            update();
        }
    }

    private double bands() {
        if (!Double.isNaN(bandWidth)) return bandWidth;
        double w = viewport.getWidth();
        return w > 0 ? w / READABLE - 2 * PAD : Double.POSITIVE_INFINITY;
    }

    /** How a graph opens: whole when it is readable so, else at a readable size from its input. */
    private void opening() {
        double w = viewport.getWidth();
        double h = viewport.getHeight();
        if (w <= 0 || h <= 0) return;
        double z = Math.min(w / world.prefWidth(-1), h / world.prefHeight(-1));
        if (z >= READABLE) fit();
        else setZoom(READABLE, 0, Math.max(0, (h - world.prefHeight(-1) * READABLE) / 2));
    }

    private void rebuild(NetworkSpec net) {
        spec = net;
        closeOverlay();
        laidOutFor = bands();
        layout = GraphLayout.of(net, NodeCard.WIDTH, NodeCard.HEIGHT, laidOutFor);
        List<NetworkSpec.LayerInfo> infos = net.infer();
        List<NodeCard> made = new ArrayList<>();
        made.add(new NodeCard(-1, "input", "what the network sees", "the input after preprocessing", net.input(),
                net.input().channels() == 1 ? ColorMap.INK : ColorMap.VIRIDIS, actions));
        for (int i = 0; i < infos.size(); i++) {
            NetworkSpec.LayerInfo li = infos.get(i);
            made.add(new NodeCard(i, li.spec().name(), NodeCard.kind(li.spec()), li.spec().describe(), li.output(), NodeCard.colours(li.spec()), actions));
        }
        cards = List.copyOf(made);
        List<javafx.scene.Node> nodes = new ArrayList<>();
        for (GraphLayout.Edge e : layout.edges()) {
            nodes.add(edge(e, layout.place(e.to()).rank() - layout.place(e.from()).rank() > 1));
        }
        for (NodeCard c : cards) {
            GraphLayout.Place p = layout.place(c.layer());
            c.relocate(PAD + p.x(), PAD + p.y());
            nodes.add(c);
        }
        world.getChildren().setAll(nodes);
        world.setPrefSize(layout.width() + 2 * PAD, layout.height() + 2 * PAD);
        world.setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        world.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        world.resize(world.getPrefWidth(), world.getPrefHeight());
        opening();
    }

    /**
     * A curve from one card's right side to another's left side; a long edge runs along its lane between. A skip
     * edge ({@code skips}: over ranks between, a residual connection) is drawn as such, and one into another band
     * runs beside the edge between the bands, not on it.
     */
    private static Path edge(GraphLayout.Edge e, boolean skips) {
        double x0 = PAD + e.x0();
        double y0 = PAD + e.y0();
        double x1 = PAD + e.x1();
        double y1 = PAD + e.y1();
        double turn = GraphLayout.GAP_X / 2;
        Path p = new Path(new MoveTo(x0, y0));
        if (e.wraps() && Double.isNaN(e.entryY()) && !skips) {
            double gap = PAD + e.laneY();
            double left = PAD + GraphLayout.MARGIN / 2;
            p.getElements().addAll(new LineTo(x0 + turn / 2, y0), new LineTo(x0 + turn / 2, gap), new LineTo(left, gap),
                    new LineTo(left, y1), new LineTo(x1, y1));
        } else if (e.wraps()) {
            // Beside the edges into the band's first rank, not on them: a little higher below the band, further left.
            double gap = PAD + e.laneY() - GraphLayout.BAND_GAP / 5;
            double left = PAD + GraphLayout.MARGIN / 5;
            p.getElements().addAll(new LineTo(x0 + turn / 2, y0), new LineTo(x0 + turn / 2, gap), new LineTo(left, gap));
            if (Double.isNaN(e.entryY())) {
                p.getElements().addAll(new LineTo(left, y1), new LineTo(x1, y1));
            } else {
                double lane = PAD + e.entryY();
                p.getElements().addAll(new LineTo(left, lane), new LineTo(x1 - turn, lane),
                        new CubicCurveTo(x1 - turn, lane, x1 - turn, y1, x1, y1));
            }
        } else if (!e.isLong()) {
            p.getElements().add(new CubicCurveTo(x0 + turn, y0, x1 - turn, y1, x1, y1));
        } else {
            double lane = PAD + e.laneY();
            p.getElements().addAll(new CubicCurveTo(x0 + turn, y0, x0, lane, x0 + turn, lane),
                    new LineTo(x1 - GraphLayout.GAP_X + turn, lane),
                    new CubicCurveTo(x1 - turn, lane, x1 - turn, y1, x1, y1));
        }
        p.getStyleClass().add(e.isLong() || skips ? "graph-edge-long" : "graph-edge");
        p.getStyleClass().add("graph-edge-line");
        p.setMouseTransparent(true);
        return p;
    }

    private void update() {
        ForwardSnapshot s = snapshot.getValue();
        if (s == null || getScene() == null) return; // not shown: brought up to date when it is
        if (s.spec() != spec) {
            ranges = null; // the old network's: the new cards are painted once the new ranges are known
            rebuild(s.spec());
        }
        ranges = ValueRanges.of(s);
        paintVisible();
        updateOverlay();
    }

    /** Paints the cards that are at least partly in view (the others when they come into view). */
    private void paintVisible() {
        ForwardSnapshot s = snapshot.getValue();
        if (s == null || ranges == null || s.spec() != spec) return;
        Bounds view = visibleWorld();
        Normalisation mode = normalisation.getValue();
        for (NodeCard c : cards) {
            if (view == null || c.getBoundsInParent().intersects(view)) c.paint(s, ranges, mode, sorted.isSelected());
        }
    }

    /** The part of the graph in view, in its own coordinates; null before the view has a size (paint all). */
    private Bounds visibleWorld() {
        double w = viewport.getWidth();
        double h = viewport.getHeight();
        if (w <= 0 || h <= 0) return null;
        double z = scale.getX();
        return new BoundingBox(-shift.getX() / z, -shift.getY() / z, w / z, h / z);
    }

    private void updateOverlay() {
        ForwardSnapshot s = snapshot.getValue();
        if (!overlay.isVisible() || s == null || ranges == null) return;
        Normalisation mode = normalisation.getValue();
        if (detailLayer != Integer.MIN_VALUE) {
            Dims d = dims(detailLayer);
            float[] r = ranges.range(mode, detailLayer, detailChannel);
            ColorMap map = colours(detailLayer);
            int plane = d.height() * d.width();
            detail.show(detailLayer, detailChannel, s.source(detailLayer), detailChannel * plane, d.height(), d.width(),
                    map, r[0], r[1]);
            float[] shown = map.displayRange(r[0], r[1]);
            detailNote.setText("colours " + ColumnLegend.format(shown[0]) + " … " + ColumnLegend.format(shown[1])
                    + " (" + mode.label().toLowerCase(Locale.ROOT) + ") · the wheel zooms, values from "
                    + (int) MapDetail.NUMBERS_FROM + " px a cell; drag to pan; a click pins a unit");
        } else {
            Dims d = dims(page.layer());
            page.update(s, ranges, mode, ChannelOrder.of(s.source(page.layer()), d.channels(), d.height() * d.width(),
                    sorted.isSelected()));
        }
    }

    private void highlight() {
        UnitRef u = selected.getValue();
        for (NodeCard c : cards) c.select(u != null && u.layer() == c.layer());
        ForwardSnapshot s = snapshot.getValue();
        if (s == null || s.spec() != spec) return;
        Highlight h = Highlight.of(spec, s.shapes(), u);
        for (NodeCard c : cards) c.mark(h);
        if (detailLayer == Integer.MIN_VALUE) return;
        detail.mark(h.mask(detailLayer), h.selectedIn(detailLayer, detailChannel, dims(detailLayer).width()));
    }

    private NodeCard card(int layer) {
        return layer + 1 >= 0 && layer + 1 < cards.size() ? cards.get(layer + 1) : null;
    }

    private Dims dims(int layer) {
        return layer < 0 ? spec.input() : snapshot.getValue().shapes().get(layer);
    }

    private String name(int layer) {
        return layer < 0 ? "input" : spec.layers().get(layer).name();
    }

    private ColorMap colours(int layer) {
        if (layer < 0) return spec.input().channels() == 1 ? ColorMap.INK : ColorMap.VIRIDIS;
        return NodeCard.colours(spec.layers().get(layer));
    }
}
