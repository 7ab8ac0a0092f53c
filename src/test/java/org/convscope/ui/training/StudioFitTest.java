package org.convscope.ui.training;

import static org.convscope.ui.training.TrainingViewTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.Presets;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.Snapshots;
import org.convscope.ui.training.setup.ColourResblock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio's tables and captions fit their panels: at 1280×720 and 1920×1080, for LeNet-5 and for the resblock
 * graph (with frozen layers, whose cells say "frozen"), every header and every cell of the health table lies inside
 * the table's visible width and shows its whole text, and every filter layer's caption wraps inside its column.
 * Written to target/snapshots/studio-fit-*.png.
 */
class StudioFitTest {
    private static final int[][] SIZES = {{1280, 720}, {1920, 1080}};

    @TempDir
    static Path colours;

    @Test
    void everyColumnOfTheGraphNetworksTableIsInView() throws Exception {
        try (TrainingViewModel model = Snapshots.onFxThread(() -> new TrainingViewModel(
                ColourResblock.session(colours, 8)))) {
            waitFor(model, f -> f.health() != null && f.test() != null);
            int layers = model.frame().health().layers().size();
            assertTrue(layers >= 10, layers + " layers with weights");
            for (int[] size : SIZES) assertFits(model, "resblock", size, layers);
        }
    }

    @Test
    void everyColumnOfLenetsTableIsInView() throws Exception {
        try (TrainingViewModel model = Snapshots.onFxThread(() -> new TrainingViewModel(StudioSessions.on(
                TrainingViewTestAccess.mnist(), Presets.lenet5(), TrainingSettings.defaults(), "")))) {
            waitFor(model, f -> f.health() != null && f.test() != null);
            for (int[] size : SIZES) assertFits(model, "lenet5", size, 5);
        }
    }

    /**
     * A small network named as ResNet-18's longest layers are ("layer2.0.downsample.0"): their names must leave the
     * table its room at 1280×720 as well.
     */
    @Test
    void everyColumnOfATableWithResNetsLongNamesIsInView() throws Exception {
        NetworkSpec spec = new NetworkSpec("resnet-named", new Dims(1, 28, 28), List.of(
                ConvSpec.square("conv1", 8, 3, 1, 1),
                new ActivationSpec("relu", ActivationSpec.Kind.RELU),
                ConvSpec.square("layer1.0.conv1", 8, 3, 1, 1),
                new ActivationSpec("layer1.0.relu", ActivationSpec.Kind.RELU),
                ConvSpec.square("layer2.0.downsample.0", 8, 1, 1, 0),
                ConvSpec.square("layer3.1.conv2", 8, 3, 1, 1),
                new ActivationSpec("layer3.1.relu", ActivationSpec.Kind.RELU),
                ConvSpec.square("layer4.1.conv2", 8, 4, 4, 0),
                new FlattenSpec("flatten"),
                new DenseSpec("fc", 10),
                new SoftmaxSpec("softmax")));
        try (TrainingViewModel model = Snapshots.onFxThread(() -> new TrainingViewModel(StudioSessions.on(
                TrainingViewTestAccess.mnist(), spec, TrainingSettings.defaults().withTrainLast(2), "")))) {
            waitFor(model, f -> f.health() != null && f.test() != null);
            for (int[] size : SIZES) assertFits(model, "resnet-names", size, 6);
        }
    }

    private static void assertFits(TrainingViewModel model, String name, int[] size, int layers) throws Exception {
        String where = String.format("%s at %d×%d", name, size[0], size[1]);
        TrainingView view = Snapshots.onFxThread(() -> {
            TrainingView v = new TrainingView(model, ExplorerLink.NONE);
            new Scene(new StackPane(v), size[0], size[1]);
            v.getParent().applyCss();
            v.getParent().layout();
            return v;
        });
        Thread.sleep(300);
        Snapshots.onFxThread(() -> {
            view.getParent().applyCss();
            view.getParent().layout();
            return null;
        });
        Snapshots.writePng(view.getParent(), String.format("studio-fit-%s-%dx%d", name, size[0], size[1]));
        Snapshots.onFxThread(() -> {
            GridPane grid = (GridPane) view.lookup(".health-grid");
            ScrollPane scroll = enclosing(grid);
            Node viewport = scroll.lookup(".viewport");
            Bounds visible = viewport.localToScene(viewport.getLayoutBounds());
            assertTrue(visible.getWidth() > 200, where + ": the table's panel is " + visible.getWidth() + " px wide");
            List<Node> cells = new ArrayList<>(grid.getChildren());
            assertEquals(6 * (layers + 1), cells.size(), where + ": a header and a cell per column and layer");
            for (Node cell : cells) {
                Bounds b = cell.localToScene(cell.getLayoutBounds());
                String what = where + ": " + describe(cell) + " at x " + b.getMinX() + "–" + b.getMaxX();
                assertTrue(b.getMinX() >= visible.getMinX() - 0.5 && b.getMaxX() <= visible.getMaxX() + 0.5,
                        what + " lies outside the table's visible " + visible.getMinX() + "–" + visible.getMaxX());
                if (cell instanceof Label l && !l.getText().isEmpty()) {
                    assertTrue(l.getWidth() >= l.prefWidth(-1) - 0.5 && l.getHeight() >= l.prefHeight(l.getWidth()) - 0.5,
                            what + " is cut: " + l.getWidth() + "×" + l.getHeight() + " for its text's "
                                    + l.prefWidth(-1) + "×" + l.prefHeight(l.getWidth()));
                }
            }
            assertCaptionsWrap(view, where);
            return null;
        });
    }

    /** Every filter layer's caption lies inside its column's visible width and shows its whole text, wrapped. */
    private static void assertCaptionsWrap(TrainingView view, String where) {
        FiltersPane filters = (FiltersPane) view.lookup(".filters-pane");
        Node viewport = enclosing(filters).lookup(".viewport");
        Bounds visible = viewport.localToScene(viewport.getLayoutBounds());
        for (Node n : filters.getChildren()) {
            Label caption = ((LayerTiles) n).title;
            Bounds b = caption.localToScene(caption.getLayoutBounds());
            String what = where + ": the caption '" + caption.getText() + "' at x " + b.getMinX() + "–" + b.getMaxX();
            assertTrue(b.getMaxX() <= visible.getMaxX() + 0.5, what + " runs past the column's " + visible.getMaxX());
            assertTrue(caption.getHeight() >= caption.prefHeight(caption.getWidth()) - 0.5, what + " is cut: "
                    + caption.getHeight() + " px high for " + caption.prefHeight(caption.getWidth()));
        }
    }

    private static ScrollPane enclosing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) if (n instanceof ScrollPane s) return s;
        throw new AssertionError("the health table is not in a scroll pane");
    }

    private static String describe(Node cell) {
        return (cell instanceof Label l ? "'" + l.getText() + "'" : cell.getClass().getSimpleName())
                + " (row " + GridPane.getRowIndex(cell) + ", column " + GridPane.getColumnIndex(cell) + ")";
    }
}
