package org.convscope.ui.training;

import static org.convscope.ui.training.TrainingViewTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.spec.Presets;
import org.convscope.training.CurveSnapshot;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.Snapshots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the studio tells under the mouse and how it follows the theme, on LeNet-5 after 24 batches: a filter tile's
 * tooltip names its layer and filter and gives that filter's numbers, as the session's network holds them; the loss
 * and accuracy curves' hover box gives the value recorded at the step under the mouse; switching the app's theme
 * while the session is open repaints the canvas-drawn views (curves, filters, confusion matrix) on the new theme's
 * background.
 */
class StudioReadoutsTest {
    private static final int STEPS = 24;
    private static final Pattern HOVER = Pattern.compile("(.+) (-?[0-9.]+)(%?) \\(step ([0-9,]+)\\)");

    private static TrainingViewModel model;
    private static StackPane app;
    private static TrainingView view;

    @BeforeAll
    static void trainAFewBatches() throws Exception {
        model = Snapshots.onFxThread(() -> new TrainingViewModel(StudioSessions.on(TrainingViewTestAccess.mnist(),
                Presets.lenet5(), TrainingSettings.defaults(), "")));
        waitFor(model, f -> f.test() != null);
        for (int b = 0; b < STEPS; b++) model.stepBatch().get(60, TimeUnit.SECONDS);
        waitFor(model, f -> f.step() == STEPS && !f.running());
        view = Snapshots.onFxThread(() -> {
            TrainingView v = new TrainingView(model, ExplorerLink.NONE);
            app = new StackPane(v);
            new Scene(app, 1280, 720);
            app.applyCss();
            app.layout();
            return v;
        });
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void aFilterTilesTooltipGivesItsLayerIndexAndTheSessionsWeights() throws Exception {
        CompletableFuture<Network> copy = new CompletableFuture<>();
        model.networkCopy(copy::complete);
        Network network = copy.get(60, TimeUnit.SECONDS);
        float[] conv2 = network.params().stream().filter(p -> p.name().equals("conv2.weight")).findFirst()
                .map(Param::value).orElseThrow();
        int perFilter = conv2.length / 16;
        String tip = Snapshots.onFxThread(() -> {
            LayerTiles grid = ((FiltersPane) view.lookup(".filters-pane")).grid(1);
            ImageView tiles = (ImageView) grid.lookup(".image-view");
            Image image = tiles.getImage();
            int columns = (int) ((image.getWidth() - 2) / (grid.tileWidth() + 2));
            // The middle of the grid's 6th tile (filter 6), counted left to right, top to bottom.
            int col = 5 % columns;
            int row = 5 / columns;
            double x = 2 + (col + 0.5) * (grid.tileWidth() + 2);
            double y = 2 + (row + 0.5) * (image.getHeight() - 2) / Math.ceil(16.0 / columns);
            move(tiles, x, y);
            return grid.tip.getText();
        });
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        double norm = 0;
        for (int j = 5 * perFilter; j < 6 * perFilter; j++) {
            min = Math.min(min, conv2[j]);
            max = Math.max(max, conv2[j]);
            norm += (double) conv2[j] * conv2[j];
        }
        assertTrue(tip.startsWith("conv2 · filter 6 of 16 · 5×5×6"), tip);
        // Written to 3 significant digits: within half a unit of the third.
        assertEquals(Math.sqrt(norm), number(tip, "‖w‖ = "), 0.005 * Math.sqrt(norm), tip);
        Matcher within = Pattern.compile("weights within \\[(\\S+), (\\S+)]").matcher(tip);
        assertTrue(within.find(), tip);
        assertEquals(min, parse(within.group(1)), 0.005 * Math.abs(min), tip);
        assertEquals(max, parse(within.group(2)), 0.005 * Math.abs(max), tip);
        assertTrue(tip.contains("moved ‖w − w₀‖ = "), "how far it moved since step 0: " + tip);
    }

    @Test
    void theCurvesHoverValueIsTheValueRecordedAtThatStep() throws Exception {
        TrainingFrame f = model.frame();
        CurveSnapshot c = f.curves();
        assertEquals(STEPS, c.size(), "a point a step");
        for (int i : new int[] {4, 15}) {
            long step = c.steps()[i];
            List<String> loss = hoverAt(0, step, c);
            assertEquals(2, loss.size(), "per batch and smoothed; no epoch has ended: " + loss);
            assertHover(loss.get(0), "per batch", step, c.batchLoss()[i], 1, 0.00006);
            assertHover(loss.get(1), "smoothed", step, c.smoothedLoss()[i], 1, 0.00006);
            List<String> accuracy = hoverAt(1, step, c);
            assertHover(accuracy.getFirst(), "train (smoothed)", step, c.smoothedAccuracy()[i], 100, 0.006);
        }
    }

    @Test
    void theStepAxisWritesEachStepOnceAndWhole() {
        for (int steps = 1; steps <= 40; steps++) {
            for (double width : new double[] {200, 450, 900}) {
                double[] ticks = CurveChart.stepTicks(steps, width);
                assertTrue(ticks.length >= 2, steps + " steps: " + java.util.Arrays.toString(ticks));
                for (int i = 0; i < ticks.length; i++) {
                    assertEquals(Math.rint(ticks[i]), ticks[i], 1e-9, steps + " steps: a whole step, " + ticks[i]);
                    if (i > 0) assertTrue(ticks[i] >= ticks[i - 1] + 1, steps + " steps: each once");
                }
                assertTrue(ticks[ticks.length - 1] <= steps, steps + " steps: within the axis");
            }
        }
    }

    @Test
    void switchingTheThemeRepaintsTheCanvasDrawnViews() throws Exception {
        double[] dark = backgrounds();
        for (double l : dark) assertTrue(l < 0.25, "dark background, luminance " + l);
        Snapshots.onFxThread(() -> app.getStyleClass().add("light"));
        try {
            double[] light = backgrounds();
            String[] views = {"loss curve", "accuracy curve", "filters", "confusion matrix"};
            for (int i = 0; i < light.length; i++) {
                assertTrue(light[i] > 0.75, views[i] + " repainted on the light background, luminance " + light[i]);
            }
        } finally {
            Snapshots.onFxThread(() -> app.getStyleClass().remove("light"));
        }
        for (double l : backgrounds()) assertTrue(l < 0.25, "dark again, luminance " + l);
    }

    /** The luminance of a background pixel of the loss and accuracy charts, conv1's filters and the confusion matrix. */
    private static double[] backgrounds() throws Exception {
        return Snapshots.onFxThread(() -> {
            app.applyCss();
            app.layout();
            List<Node> charts = List.copyOf(view.lookupAll(".curve-chart"));
            Node filters = ((FiltersPane) view.lookup(".filters-pane")).grid(0).lookup(".image-view");
            Node confusion = view.lookup(".confusion-matrix");
            return new double[] {corner(charts.get(0)), corner(charts.get(1)), corner(filters), corner(confusion)};
        });
    }

    /** The luminance of the node's pixel (1, 1) as drawn now. */
    private static double corner(Node node) {
        int argb = node.snapshot(null, null).getPixelReader().getArgb(1, 1);
        return (0.2126 * (argb >> 16 & 0xff) + 0.7152 * (argb >> 8 & 0xff) + 0.0722 * (argb & 0xff)) / 255;
    }

    /** The hover lines of chart 0 (loss) or 1 (accuracy) with the mouse over {@code step}. */
    private static List<String> hoverAt(int index, long step, CurveSnapshot c) throws Exception {
        return Snapshots.onFxThread(() -> {
            CurveChart chart = (CurveChart) List.copyOf(view.lookupAll(".curve-chart")).get(index);
            Canvas canvas = (Canvas) chart.getChildrenUnmodifiable().getFirst();
            double last = c.steps()[c.size() - 1];
            double x = CurveChart.LEFT + (canvas.getWidth() - CurveChart.LEFT - CurveChart.RIGHT) * step / last;
            move(canvas, x, canvas.getHeight() / 2);
            return chart.hoverLines();
        });
    }

    private static void assertHover(String line, String series, long step, double recorded, double scale,
                                    double tolerance) {
        Matcher m = HOVER.matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(series, m.group(1), line);
        assertEquals(String.format(Locale.ROOT, "%,d", step), m.group(4), line);
        double shown = parse(m.group(2));
        assertEquals(recorded * scale, shown, tolerance, line + " against the recorded " + recorded);
    }

    private static double number(String text, String after) {
        Matcher m = Pattern.compile(Pattern.quote(after) + "(\\S+)").matcher(text);
        assertTrue(m.find(), text);
        return parse(m.group(1));
    }

    /** A number as the studio writes it, with a true minus sign (a hyphen would be a regression). */
    private static double parse(String shown) {
        assertTrue(!shown.contains("-"), "a hyphen for minus in " + shown);
        return Double.parseDouble(shown.replace('−', '-'));
    }

    /** The mouse moved to (x, y) of the node. */
    private static void move(Node node, double x, double y) {
        Point2D scene = node.localToScene(x, y);
        Point2D screen = node.localToScreen(x, y);
        node.fireEvent(new MouseEvent(MouseEvent.MOUSE_MOVED, scene.getX(), scene.getY(),
                screen == null ? 0 : screen.getX(), screen == null ? 0 : screen.getY(), MouseButton.NONE, 0, false,
                false, false, false, false, false, false, false, false, false, null));
    }
}
