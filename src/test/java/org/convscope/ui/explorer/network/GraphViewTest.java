package org.convscope.ui.explorer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Network;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.ui.explorer.Normalisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The graph view driven as a user would: fit, zoom and pan; the strongest channels on a card and the unit under the
 * pointer; every channel of a layer, paged; a map full size, its numbers readable once zoomed in.
 */
@ExtendWith(ApplicationExtension.class)
class GraphViewTest {
    private final SimpleObjectProperty<ForwardSnapshot> snapshot = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<UnitRef> selected = new SimpleObjectProperty<>();
    private final List<UnitRef> hovered = new ArrayList<>();
    private final List<UnitRef> pinned = new ArrayList<>();
    private GraphView view;

    @Start
    void start(Stage stage) throws Exception {
        snapshot.set(GraphFixture.snapshot("mobile"));
        view = new GraphView(snapshot, new SimpleObjectProperty<>(Normalisation.PER_LAYER), n -> {}, selected,
                (unit, clicked) -> {
                    (clicked ? pinned : hovered).add(unit);
                    selected.set(unit);
                });
        StackPane root = new StackPane(view);
        root.getStyleClass().addAll("explorer", "light");
        root.getStylesheets().add(GraphView.class.getResource("/css/explorer.css").toExternalForm());
        stage.setScene(new Scene(root, 980, 640));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    /**
     * However narrow the window, the graph opens with every card within the view's width (the blocks of MobileNet's
     * fixture broken into bands when wider than one): nothing cut at the right edge, only scrolled to below.
     */
    @Test
    void everyCardLiesWithinTheViewsWidth(FxRobot robot) {
        Node viewport = view.content().getParent().getParent();
        for (double width : new double[] {980, 720, 560}) {
            robot.interact(() -> view.setMaxWidth(width)); // the view narrower, not the window other tests share
            WaitForAsyncUtils.waitForFxEvents();
            Bounds port = viewport.getLayoutBounds();
            for (NodeCard card : view.cards()) {
                Bounds b = viewport.sceneToLocal(card.localToScene(card.getLayoutBounds()));
                assertTrue(b.getMinX() >= -0.5 && b.getMaxX() <= port.getWidth() + 0.5,
                        "at " + width + " px, card of layer " + card.layer() + " at " + b.getMinX() + "…" + b.getMaxX()
                                + " in a view " + port.getWidth() + " wide");
            }
        }
    }

    /**
     * Another network, larger than the one before (LeNet, then the MobileNet fixture): every card in view is painted
     * at once and after a pan (the old network's value ranges once stopped the painting at its last layer).
     */
    @Test
    void anotherNetworkIsPaintedWholeInViewAndAfterAPan(FxRobot robot) throws Exception {
        ForwardSnapshot small = GraphFixture.snapshot("lenet");
        ForwardSnapshot large = snapshot.get();
        robot.interact(() -> snapshot.set(small));
        robot.interact(() -> snapshot.set(large));
        assertEveryCardInViewPainted(large);
        robot.interact(() -> view.pan(0, -600));
        assertEveryCardInViewPainted(large);
    }

    private void assertEveryCardInViewPainted(ForwardSnapshot s) {
        Node viewport = view.content().getParent().getParent();
        Bounds port = viewport.getLayoutBounds();
        int inView = 0;
        for (NodeCard card : view.cards()) {
            Bounds b = viewport.sceneToLocal(card.localToScene(card.getLayoutBounds()));
            boolean maps = card.layer() < 0 || !s.shapes().get(card.layer()).isVector();
            if (!maps || !b.intersects(port)) continue;
            inView++;
            assertTrue(card.shownChannels().length > 0, "card of layer " + card.layer() + " in view, unpainted");
        }
        assertTrue(inView > 3, "cards in view: " + inView);
    }

    @Test
    void fitShowsTheWholeGraphThenKeysZoomAndDraggingPans(FxRobot robot) {
        Node viewport = view.content().getParent().getParent();
        robot.clickOn("#fit");
        Bounds world = viewport.sceneToLocal(view.content().localToScene(view.content().getLayoutBounds()));
        Bounds port = viewport.getLayoutBounds();
        assertTrue(world.getMinX() >= -0.5 && world.getMaxX() <= port.getWidth() + 0.5
                && world.getMinY() >= -0.5 && world.getMaxY() <= port.getHeight() + 0.5, world + " within " + port);
        assertTrue(world.getWidth() >= port.getWidth() - 1 || world.getHeight() >= port.getHeight() - 1,
                "fitted to the view's width or height: " + world);
        double fitted = view.zoom();

        robot.moveTo(viewport.localToScreen(port.getWidth() / 2, port.getHeight() - 4), Motion.DIRECT);
        robot.clickOn(MouseButton.PRIMARY);
        robot.type(KeyCode.EQUALS);
        assertEquals(fitted * 1.25, view.zoom(), 1e-9, "+ zooms in");
        robot.type(KeyCode.MINUS);
        robot.type(KeyCode.MINUS);
        assertEquals(fitted / 1.25, view.zoom(), 1e-9, "− zooms out");
        robot.type(KeyCode.DIGIT0);
        assertEquals(1, view.zoom(), 1e-9, "0 shows 1:1");

        double[] before = view.offset();
        Point2D from = viewport.localToScreen(port.getWidth() / 2, port.getHeight() - 4);
        robot.drag(from, MouseButton.PRIMARY).dropTo(from.add(-120, 0));
        double[] after = view.offset();
        assertEquals(before[0] - 120, after[0], 2, "dragging left moves the graph left");

        robot.type(KeyCode.F);
        assertEquals(fitted, view.zoom(), 1e-9, "F fits again");
    }

    @Test
    void cardsShowTheStrongestChannelsAndTheUnitUnderThePointer(FxRobot robot) {
        ForwardSnapshot s = snapshot.get();
        int layer = firstMapLayerWithChannels(s, 9);
        Dims d = s.shapes().get(layer);
        int plane = d.height() * d.width();
        int strongest = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < d.channels(); c++) {
            double sum = 0;
            for (int i = 0; i < plane; i++) sum += s.output(layer)[c * plane + i];
            if (sum > best) {
                best = sum;
                strongest = c;
            }
        }
        NodeCard card = view.cards().get(layer + 1);
        robot.interact(() -> { // 1:1, the layer's card at the left: in view, so painted

            view.zoomAt(0, 0, 1 / view.zoom());
            GraphLayout.Place p = view.graphLayout().place(layer);
            view.pan(-view.offset()[0] - p.x(), 0);
        });
        assertEquals(strongest, card.shownChannels()[0], "the first tile is the channel of the highest mean");

        Node image = card.lookup(".node-maps");
        Bounds b = image.localToScreen(image.getLayoutBounds());
        // The middle of the first tile's value at row 3/4, column 1/4 of the map.
        int row = d.height() * 3 / 4;
        int col = d.width() / 4;
        double cell = (double) NodeCard.TILE / d.width();
        robot.moveTo(new Point2D(b.getMinX() + (col + 0.5) * cell, b.getMinY() + (row + 0.5) * cell), Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new UnitRef(layer, strongest, row, col), hovered.getLast());
        assertTrue(card.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("selected")),
                "the selected unit's card is marked");
    }

    @Test
    void aSelectedUnitIsOutlinedOnItsCardAndOnTheCardsThatFeedIt(FxRobot robot) {
        robot.interact(view::fit); // every card in view: all painted
        NodeCard first = view.cards().get(1); // the first convolution, fed by the input
        int channel = first.shownChannels()[0];
        robot.interact(() -> selected.set(new UnitRef(0, channel, 10, 10)));
        assertTrue(marked(view.cards().get(0)), "the receptive field on the input's card");
        assertTrue(marked(first), "the unit on its own card");
        assertTrue(!marked(view.cards().getLast()), "nothing on a card the unit has nothing to do with");
        robot.interact(() -> selected.set(null));
        assertTrue(!marked(view.cards().get(0)) && !marked(first), "cleared with the selection");
    }

    private static boolean marked(NodeCard card) {
        javafx.scene.image.ImageView marks = (javafx.scene.image.ImageView) card.lookup(".node-marks");
        if (!marks.isVisible()) return false;
        javafx.scene.image.PixelReader r = marks.getImage().getPixelReader();
        for (int y = 0; y < marks.getImage().getHeight(); y++) {
            for (int x = 0; x < marks.getImage().getWidth(); x++) if (r.getArgb(x, y) >>> 24 != 0) return true;
        }
        return false;
    }

    @Test
    void showAllPagesThroughEveryChannel(FxRobot robot) throws Exception {
        // A layer of 100 channels: two pages.
        NetworkSpec spec = new NetworkSpec("wide", new Dims(3, 8, 8), List.of(
                ConvSpec.square("conv", 100, 3, 1, 1), new ActivationSpec("relu", ActivationSpec.Kind.RELU),
                new FlattenSpec("flatten"), new DenseSpec("fc", 10)));
        Network net = Network.initialized(spec, 7);
        float[] x = new float[net.input().size()];
        Random r = new Random(3);
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        robot.interact(() -> snapshot.set(GraphFixture.run(net, x)));
        robot.clickOn("#all-1");
        assertTrue(view.overlayShown());
        ChannelPage page = view.page();
        assertEquals(2, page.pages());
        assertEquals(ChannelPage.PAGE, page.channelsShown().length);
        robot.clickOn("#page-next");
        assertEquals(1, page.page());
        int[] second = page.channelsShown();
        assertEquals(100 - ChannelPage.PAGE, second.length);
        java.util.Set<Integer> all = new java.util.HashSet<>();
        robot.clickOn("#page-previous");
        for (int c : page.channelsShown()) all.add(c);
        for (int c : second) all.add(c);
        assertEquals(100, all.size(), "every channel once over the two pages");
        robot.clickOn("#overlay-close");
        assertTrue(!view.overlayShown());
    }

    @Test
    void aMapFullSizeShowsItsNumbersWhenZoomedIn(FxRobot robot) {
        ForwardSnapshot s = snapshot.get();
        int layer = firstMapLayerWithChannels(s, 2);
        Dims d = s.shapes().get(layer);
        int channel = 1;
        robot.interact(() -> view.showMap(layer, channel));
        MapDetail detail = view.detail();
        assertTrue(detail.cell() < MapDetail.NUMBERS_FROM, "fitted: " + detail.cell() + " px a cell, no numbers yet");
        assertNull(detail.textAt(0, 0));
        Bounds b = detail.localToScreen(detail.getLayoutBounds());
        robot.moveTo(new Point2D(b.getMinX() + 2, b.getMinY() + 2), Motion.DIRECT);
        for (int i = 0; i < 12 && detail.cell() < MapDetail.NUMBERS_FROM; i++) robot.scroll(-1);
        assertTrue(detail.cell() >= MapDetail.NUMBERS_FROM, "zoomed in to " + detail.cell() + " px a cell");
        UnitRef under = detail.unitAt(detail.getWidth() / 2, detail.getHeight() / 2);
        assertNotNull(under);
        float value = s.output(layer)[(channel * d.height() + under.y()) * d.width() + under.x()];
        assertEquals(ColumnLegend.format(value), detail.textAt(under.y(), under.x()), "the engine's value in its cell");

        robot.moveTo(detail.localToScreen(detail.getWidth() / 2, detail.getHeight() / 2), Motion.DIRECT);
        robot.clickOn(MouseButton.PRIMARY);
        assertEquals(new UnitRef(layer, channel, under.y(), under.x()), pinned.getLast(), "a click pins the unit");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertTrue(!view.overlayShown(), "Esc goes back to the graph");
    }

    /** The first layer with maps larger than 4×4 and at least the given number of channels. */
    private static int firstMapLayerWithChannels(ForwardSnapshot s, int channels) {
        for (int i = 0; i < s.shapes().size(); i++) {
            Dims d = s.shapes().get(i);
            if (!d.isVector() && d.height() > 4 && d.channels() >= channels) return i;
        }
        throw new AssertionError("no such layer");
    }
}
