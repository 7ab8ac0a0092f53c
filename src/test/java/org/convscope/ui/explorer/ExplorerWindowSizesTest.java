package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import org.convscope.engine.explain.UnitRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer at the sizes of projectors and screens (1024×768, 1280×720, 1920×1080), dark and light, as it opens
 * and with a conv unit pinned (the inspector open), rendered into target/snapshots and checked for what broke there:
 * the tool bar's buttons all on it, a square canvas that is the largest picture on its left, the left column within
 * the window, the inspector's arithmetic within its panel, the network's text at 9 px or more on screen, every
 * shortcut of the help on the screen.
 */
class ExplorerWindowSizesTest {
    /** The smallest text the network view may show, in screen pixels. */
    private static final double SMALLEST_TEXT = 9;

    @BeforeAll
    static void startFx() {
        UiBench.startHeadless();
    }

    @ParameterizedTest(name = "{0}×{1}, light {2}")
    @CsvSource({"1024, 768, false", "1024, 768, true", "1280, 720, false", "1280, 720, true", "1920, 1080, false",
        "1920, 1080, true"})
    void everythingFitsAndReads(int width, int height, boolean light) throws Exception {
        ExplorerModel model = fx(ExplorerModel::withBundledModel);
        try {
            ExplorerView view = fx(() -> {
                ExplorerView v = new ExplorerView(model);
                new Scene(v, width, height);
                if (light) v.toggleTheme();
                DigitStrokes.draw(model.drawing(), 3, 70, 30, 210, (float) DrawingCanvas.DEFAULT_RADIUS);
                return v;
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(model::upToDate));
            String name = "explorer-" + width + "x" + height + (light ? "-light" : "-dark");
            ExplorerFixture.snapshot(view, name);
            fx(() -> {
                checkToolbarAndLeftColumn(view);
                checkNetworkText(view);
                assertEquals(ExplorerSizes.inspectorAtFirst(width), view.inspectorShownProperty().get());
                return null;
            });

            fx(() -> {
                model.pin(new UnitRef(3, 5, 4, 6)); // conv2: six channels of 5×5 weights, inputs and products
                return null;
            });
            ExplorerFixture.snapshot(view, name + "-pinned");
            fx(() -> {
                assertTrue(view.inspectorShownProperty().get(), "pinning opens the inspector");
                checkToolbarAndLeftColumn(view);
                checkNetworkText(view);
                checkInspectorFits(view);
                view.toggleHelp();
                return null;
            });
            ExplorerFixture.snapshot(view, name + "-help");
            fx(() -> {
                Bounds card = bounds(view.lookup(".help-card"));
                assertTrue(card.getMinY() >= 0 && card.getMaxY() <= height && card.getMinX() >= 0
                        && card.getMaxX() <= width, "every shortcut on the screen: " + card);
                return null;
            });
        } finally {
            model.close();
        }
    }

    private static void checkToolbarAndLeftColumn(ExplorerView view) {
        Node overflow = view.lookup(".tool-bar-overflow-button");
        assertTrue(overflow == null || !overflow.isVisible(), "every tool is on the tool bar, none behind >>");
        Bounds canvas = bounds(view.canvas());
        assertEquals(canvas.getWidth(), canvas.getHeight(), 1, "the canvas is square: all of it draws");
        Node seen = view.lookup("#" + PreprocessView.SEEN_ID);
        assertTrue(bounds(seen).getWidth() < canvas.getWidth(), "what the network sees is smaller than the canvas");
        for (Node step : view.lookupAll(".step-picture")) {
            assertTrue(bounds(step).getWidth() < bounds(seen).getWidth(), "a step is smaller than what the network sees");
        }
        double bottom = view.lookupAll(".preprocess-view").stream().mapToDouble(n -> bounds(n).getMaxY()).max().orElseThrow();
        Bounds status = bounds(view.lookup(".status-bar"));
        assertTrue(bottom <= status.getMinY(), "the left column ends above the status line: " + bottom + " > "
                + status.getMinY());
    }

    /** Every text of the network's columns, at the view's zoom, is at least {@value #SMALLEST_TEXT} px. */
    private static void checkNetworkText(ExplorerView view) {
        double zoom = view.network().zoomProperty().get();
        List<String> small = new ArrayList<>();
        for (Node n : all((Parent) view.network().content())) {
            double size = n instanceof Labeled l && !l.getText().isBlank() ? l.getFont().getSize()
                    : n instanceof Text t && !t.getText().isBlank() ? t.getFont().getSize() : Double.NaN;
            if (n.isVisible() && size * zoom < SMALLEST_TEXT) {
                small.add(String.format(Locale.ROOT, "'%s' at %.1f px", n instanceof Labeled l ? l.getText()
                        : ((Text) n).getText(), size * zoom));
            }
        }
        assertTrue(small.isEmpty(), "text below " + SMALLEST_TEXT + " px: " + small);
    }

    /** Nothing of the inspector's arithmetic lies right of its panel's view, and there is no sideways scrolling. */
    private static void checkInspectorFits(ExplorerView view) {
        ScrollPane scroll = (ScrollPane) view.lookup(".inspector-scroll");
        Bounds viewport = scroll.localToScene(scroll.getViewportBounds());
        Bounds shown = scroll.localToScene(scroll.getLayoutBounds());
        double right = shown.getMinX() + viewport.getWidth();
        Node inspector = view.lookup("#inspector");
        List<String> outside = new ArrayList<>();
        for (Node n : all((Parent) inspector)) {
            if (!n.isVisible() || n instanceof Parent && !(n instanceof Labeled)) continue;
            if (bounds(n).getMaxX() > right + 0.5) outside.add(n.getClass().getSimpleName() + " " + bounds(n));
        }
        assertTrue(outside.isEmpty(), "past the inspector's right edge " + right + ": " + outside);
        assertTrue(bounds(inspector).getWidth() <= viewport.getWidth() + 0.5, "no sideways scrolling");
    }

    private static List<Node> all(Parent root) {
        List<Node> found = new ArrayList<>();
        for (Node n : root.getChildrenUnmodifiable()) {
            found.add(n);
            if (n instanceof Parent p && !(n instanceof Labeled)) found.addAll(all(p));
        }
        return found;
    }

    private static Bounds bounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
