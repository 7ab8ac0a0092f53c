package org.convscope.ui.training;

import static org.convscope.ui.training.TrainingViewTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.convscope.engine.spec.Presets;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.Snapshots;
import org.junit.jupiter.api.Test;

/**
 * The filter view marks the layers that do not train (only the last N with weights do): a lock and "frozen" in the
 * layer's header, its tiles dimmed and their tooltips saying so, from the session's settings, and again when N
 * changes. LeNet-5's layers with weights are conv1, conv2, fc1, fc2 and fc3, so training the last 2 freezes both
 * convolutions and the last 4 only conv1. Written to target/snapshots/studio-frozen-filters.png.
 */
class FrozenFiltersTest {
    @Test
    void frozenConvolutionsAreMarkedAndFollowTheNumberOfLayersThatTrain() throws Exception {
        TrainingSettings lastTwo = TrainingSettings.defaults().withTrainLast(2);
        try (TrainingViewModel model = Snapshots.onFxThread(() -> new TrainingViewModel(StudioSessions.on(
                TrainingViewTestAccess.mnist(), Presets.lenet5(), lastTwo, "")))) {
            waitFor(model, f -> f.test() != null);
            TrainingView view = Snapshots.onFxThread(() -> {
                TrainingView v = new TrainingView(model, ExplorerLink.NONE);
                new Scene(v, 1280, 720);
                v.applyCss();
                v.layout();
                return v;
            });
            assertMarks(view, true, true, "the last 2 train");
            Snapshots.writePng(view, "studio-frozen-filters");

            model.apply(model.frame().settings().withTrainLast(0)).get(60, TimeUnit.SECONDS);
            waitFor(model, f -> f.settings().trainLast() == 0);
            assertMarks(view, false, false, "every layer trains");

            model.apply(model.frame().settings().withTrainLast(4)).get(60, TimeUnit.SECONDS);
            waitFor(model, f -> f.settings().trainLast() == 4);
            assertMarks(view, true, false, "the last 4 train");
        }
    }

    private static void assertMarks(TrainingView view, boolean conv1, boolean conv2, String when) throws Exception {
        Snapshots.onFxThread(() -> {
            view.applyCss();
            view.layout();
            FiltersPane filters = (FiltersPane) view.lookup(".filters-pane");
            boolean[] expected = {conv1, conv2};
            for (int i = 0; i < 2; i++) {
                LayerTiles grid = filters.grid(i);
                String layer = "conv" + (i + 1) + " (" + when + ")";
                assertTrue(grid.title.getText().startsWith("conv" + (i + 1) + " "), grid.title.getText());
                assertEquals(expected[i], grid.frozenMark.isVisible(), layer + ": the frozen mark");
                if (expected[i]) {
                    assertEquals("frozen", grid.frozenMark.getText());
                    assertTrue(grid.frozenMark.getWidth() > 20, layer + ": the mark is laid out, "
                            + grid.frozenMark.getWidth() + " px");
                }
                ImageView tiles = (ImageView) grid.lookup(".image-view");
                Point2D middle = tiles.localToScene(grid.tileWidth() / 2.0 + 2, grid.tileWidth() / 2.0 + 2);
                tiles.fireEvent(new MouseEvent(MouseEvent.MOUSE_MOVED,
                        middle.getX(), middle.getY(), 0, 0, MouseButton.NONE, 0, false, false, false,
                        false, false, false, false, false, false, false, null));
                assertEquals(expected[i], grid.tip.getText().contains("frozen"), layer + ": the tile's tooltip "
                        + grid.tip.getText());
                if (expected[i]) assertTrue(tiles.getOpacity() < 0.7, layer + ": dimmed, opacity " + tiles.getOpacity());
                else assertEquals(1.0, tiles.getOpacity(), layer + ": not dimmed");
            }
            return null;
        });
    }
}
