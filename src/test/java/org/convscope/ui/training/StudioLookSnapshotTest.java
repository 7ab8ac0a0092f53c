package org.convscope.ui.training;

import static org.convscope.ui.training.TrainingViewTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javax.imageio.ImageIO;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.Presets;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.Snapshots;
import org.convscope.ui.training.setup.ColourResblock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio as a user sees it, at 1280×720 and 1920×1080, in the dark and the light theme (the light one as the
 * app's theme switch gives it: the style class "light" on an ancestor), written to
 * target/snapshots/studio-look-*.png: LeNet-5 on MNIST, a network with a 256-filter convolution, and the resblock
 * ONNX fixture fine-tuned on a colour image folder with only its last layers training. What must hold at every size:
 * the columns and the confusion matrix stay inside the window, a 256-filter layer is paged with readable tiles, a
 * colour first layer is drawn in colour, frozen layers say so, and the theme's background is what it claims.
 */
class StudioLookSnapshotTest {
    private static final int[][] SIZES = {{1280, 720}, {1920, 1080}};

    @TempDir
    static Path colours;

    /** conv 32@3×3 → ReLU → pool → conv 256@3×3 → ReLU → pool → FC 10: a layer of 256 filters of 32 channels. */
    static NetworkSpec wide256() {
        return new NetworkSpec("wide256", new Dims(1, 28, 28), List.of(
                ConvSpec.square("conv1", 32, 3, 1, 1),
                new ActivationSpec("relu1", ActivationSpec.Kind.RELU),
                new PoolSpec("pool1", PoolSpec.Kind.MAX, 2, 2),
                ConvSpec.square("conv2", 256, 3, 1, 1),
                new ActivationSpec("relu2", ActivationSpec.Kind.RELU),
                new PoolSpec("pool2", PoolSpec.Kind.MAX, 2, 2),
                new FlattenSpec("flatten"),
                new DenseSpec("fc", 10),
                new SoftmaxSpec("softmax")));
    }

    @Test
    void lenetOnMnist() throws Exception {
        try (TrainingViewModel model = Snapshots.onFxThread(() -> new TrainingViewModel(StudioSessions.on(
                TrainingViewTestAccess.mnist(), Presets.lenet5(), TrainingSettings.defaults(), "")))) {
            waitFor(model, f -> f.test() != null);
            model.play();
            waitFor(model, f -> f.step() >= 200);
            model.pause().get(60, TimeUnit.SECONDS);
            waitFor(model, f -> !f.running() && f.testStep() == f.step());
            everyLook(model, "lenet5", view -> view.showConfusionCell(4, 9));
        }
    }

    @Test
    void aLayerOf256FiltersIsPagedWithReadableTiles() throws Exception {
        try (TrainingViewModel model = Snapshots.onFxThread(() -> new TrainingViewModel(StudioSessions.on(
                TrainingViewTestAccess.mnist(), wide256(), TrainingSettings.defaults(), "")))) {
            waitFor(model, f -> f.test() != null);
            for (int i = 0; i < 12; i++) model.stepBatch().get(60, TimeUnit.SECONDS);
            waitFor(model, f -> f.step() >= 12);
            everyLook(model, "wide256", view -> {
                LayerTiles conv2 = view.lookupAll(".filters-pane").stream().findFirst()
                        .map(n -> ((FiltersPane) n).grid(1)).orElseThrow();
                assertTrue(conv2.title.getText().startsWith("conv2 · 256 filters of 3×3×32"), conv2.title.getText());
                assertTrue(conv2.pageText.isVisible(), "a page at a time");
                int perPage = conv2.shownTiles().length;
                assertEquals("1–" + perPage + " of 256", conv2.pageText.getText());
                assertTrue(perPage >= 16 && perPage <= LayerTiles.PAGE, perPage + " filters a page");
                assertTrue(conv2.tileWidth() >= 40, "a filter's 32 channels at 2 px a weight at least: "
                        + conv2.tileWidth() + " px");
                assertTrue(conv2.getHeight() < 320, "the page fits: " + conv2.getHeight());
                // Sorted by change: the filters that moved most since step 0 first, as measured here from the weights.
                TrainingFrame f = model.frame();
                double[] moved = moved(f.filters().get(1), f.timeline().get(0).filters().get(1));
                conv2.order.setValue(conv2.order.getItems().get(1));
                int[] sorted = conv2.shownTiles();
                int most = 0;
                for (int i = 1; i < moved.length; i++) if (moved[i] > moved[most]) most = i;
                assertEquals(most, sorted[0], "the filter that moved most comes first");
                for (int i = 1; i < sorted.length; i++) {
                    assertTrue(moved[sorted[i]] <= moved[sorted[i - 1]], "in order of change at " + i);
                }
                conv2.next.fire();
                assertEquals((perPage + 1) + "–" + Math.min(256, 2 * perPage) + " of 256", conv2.pageText.getText());
                assertTrue(moved[conv2.shownTiles()[0]] <= moved[sorted[sorted.length - 1]], "the next page goes on");
            });
        }
    }

    @Test
    void aColourGraphFineTunedWithItsFirstLayersFrozen() throws Exception {
        try (TrainingViewModel model = Snapshots.onFxThread(() -> new TrainingViewModel(
                ColourResblock.session(colours, 24)))) {
            waitFor(model, f -> f.test() != null);
            model.stepEpoch();
            waitFor(model, f -> f.epoch() >= 1 && !f.running() && f.testStep() == f.step());
            TrainingFrame f = model.frame();
            assertTrue(f.health().layers().stream().filter(l -> l.frozen()).count() >= 5, "the first layers are frozen");
            assertTrue(!f.health().layers().getLast().frozen(), "the last one trains");
            everyLook(model, "resblock-colour", view -> {
                FilterTiles first = new FilterTiles(f.filters().get(0), null, true);
                assertTrue(first.rgb(), "the stem's filters over R, G and B are colour pictures");
                int[] pixels = new int[first.width(4) * first.height(4) * 64];
                boolean colour = false;
                for (int tile = 0; tile < first.count() && !colour; tile++) {
                    first.paint(tile, pixels, first.width(4), 0, 0, 4, 0);
                    for (int i = 0; i < first.width(4) * first.height(4); i++) {
                        int p = pixels[i];
                        colour |= (p >> 16 & 0xff) != (p >> 8 & 0xff) || (p >> 8 & 0xff) != (p & 0xff);
                    }
                }
                assertTrue(colour, "not gray");
                assertTrue(view.lookupAll(".health-grid .frozen").size() >= 5, "frozen layers say so");
            });
        }
    }

    /** Per filter, ‖w − w₀‖: how far it moved from {@code then}. */
    private static double[] moved(org.convscope.training.ConvFilters now, org.convscope.training.ConvFilters then) {
        int size = now.weights().length / now.filters();
        double[] moved = new double[now.filters()];
        for (int i = 0; i < moved.length; i++) {
            double sum = 0;
            for (int j = i * size; j < (i + 1) * size; j++) sum += Math.pow(now.weights()[j] - then.weights()[j], 2);
            moved[i] = Math.sqrt(sum);
        }
        return moved;
    }

    @FunctionalInterface
    interface Check {
        void on(TrainingView view) throws Exception;
    }

    /** The studio at both sizes in both themes: written to PNG, laid out inside the window, the theme's background. */
    private static void everyLook(TrainingViewModel model, String name, Check check) throws Exception {
        for (int[] size : SIZES) {
            for (boolean light : new boolean[] {false, true}) {
                String file = String.format("studio-look-%s-%dx%d-%s", name, size[0], size[1], light ? "light" : "dark");
                TrainingView view = Snapshots.onFxThread(() -> {
                    TrainingView v = new TrainingView(model, ExplorerLink.NONE);
                    StackPane app = new StackPane(v);
                    if (light) app.getStyleClass().add("light");
                    new Scene(app, size[0], size[1]);
                    app.applyCss();
                    app.layout();
                    return v;
                });
                Thread.sleep(400); // the frame listeners, then a pulse
                Snapshots.onFxThread(() -> {
                    view.getParent().applyCss();
                    view.getParent().layout();
                    check.on(view);
                    return null;
                });
                Thread.sleep(300);
                Path png = Snapshots.writePng(view.getParent(), file);
                Snapshots.onFxThread(() -> {
                    assertInside(view, view.lookup(".confusion-matrix"), size, file);
                    for (Node column : view.lookupAll(".column")) assertInside(view, column, size, file);
                    return null;
                });
                BufferedImage image = ImageIO.read(png.toFile());
                assertEquals(size[0], image.getWidth());
                double background = luminance(image.getRGB(size[0] - 4, size[1] - 4));
                assertTrue(light ? background > 0.8 : background < 0.2, file + ": background luminance " + background);
            }
        }
    }

    private static void assertInside(Parent root, Node node, int[] size, String where) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        assertTrue(b.getMinX() >= 0 && b.getMaxX() <= size[0] + 0.5 && b.getMaxY() <= size[1] + 0.5,
                where + ": " + node.getStyleClass() + " at " + b + " runs off the " + size[0] + "×" + size[1] + " window");
        assertTrue(b.getWidth() > 100 && b.getHeight() > 100, where + ": " + node.getStyleClass() + " squeezed to " + b);
    }

    private static double luminance(int argb) {
        return (0.2126 * (argb >> 16 & 0xff) + 0.7152 * (argb >> 8 & 0xff) + 0.0722 * (argb & 0xff)) / 255;
    }
}
