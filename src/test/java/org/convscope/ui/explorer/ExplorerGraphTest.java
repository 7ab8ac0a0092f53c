package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.convscope.data.InkImage;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.MergeSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.model.ModelFile;
import org.convscope.open.Models;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer's centre follows the network: LeNet-5 keeps its columns, a graph with a residual edge is drawn as a
 * graph, and a unit under the pointer on a graph's card drives the explorer's selection (the inspector) as on a column.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerGraphTest {
    private ExplorerFixture fx;

    @Start
    void start(Stage stage) throws Exception {
        fx = new ExplorerFixture(stage);
    }

    @AfterEach
    void close() {
        fx.view.close();
    }

    @Test
    void sequencesKeepTheirColumnsGraphsAreGraphs() throws Exception {
        assertFalse(ExplorerView.asGraph(ModelFile.loadDefault().network().spec()), "LeNet-5: columns");
        for (String fixture : List.of("resblock", "mobile", "fire")) {
            NetworkSpec spec = Models.load(Path.of("src/test/resources/onnx", fixture, "model.onnx")).network().spec();
            assertTrue(ExplorerView.asGraph(spec), fixture);
        }
    }

    @Test
    void aResidualDigitNetworkOpensAsAGraphAndItsUnitsDriveTheSelection(FxRobot robot) throws Exception {
        assertFalse(WaitForAsyncUtils.asyncFx(fx.view::graphShown).get(10, TimeUnit.SECONDS));
        // 1×28×28 → conv → relu → conv → add(relu, conv) → pool → flatten → dense: a digit model with a skip edge.
        NetworkSpec spec = new NetworkSpec("residual", new Dims(1, 28, 28), List.of(
                ConvSpec.square("c1", 6, 3, 1, 1), new ActivationSpec("r1", ActivationSpec.Kind.RELU),
                ConvSpec.square("c2", 6, 3, 1, 1), new MergeSpec("add", MergeSpec.Kind.ADD),
                new PoolSpec("pool", PoolSpec.Kind.MAX, 2, 2), new FlattenSpec("flat"), new DenseSpec("fc", 10)),
                List.of(List.of(-1), List.of(0), List.of(1), List.of(1, 2), List.of(3), List.of(4), List.of(5)));
        Network net = Network.initialized(spec, 5);
        InkImage ink = InkImage.blank(28, 28);
        for (int y = 6; y < 22; y++) ink.ink()[y * 28 + 14] = 1; // a stroke: a "1"
        robot.interact(() -> fx.model.open(net, "residual", ink, "a one"));
        fx.settle();
        assertTrue(WaitForAsyncUtils.asyncFx(fx.view::graphShown).get(10, TimeUnit.SECONDS));
        // the columns, hidden, hold nothing: a ResNet's would be millions of tiles (they ran the heap out)
        assertTrue(WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.layout.Pane) fx.view.network()
                .lookup("#" + org.convscope.ui.explorer.network.NetworkView.CONTENT_ID)).getChildren().isEmpty())
                .get(10, TimeUnit.SECONDS), "no columns for a graph");
        robot.interact(() -> fx.view.graph().zoomAt(0, 0, 1 / fx.view.graph().zoom()));
        Node tiles = robot.lookup("#node-0 .node-maps").query();
        Bounds b = tiles.localToScreen(tiles.getLayoutBounds());
        // The middle of the first tile: about unit (14, 14) of a 28×28 map (a unit is 38/28 px there).
        double tile = 38 * b.getWidth() / tiles.getLayoutBounds().getWidth();
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + tile / 2, b.getMinY() + tile / 2), Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();
        UnitRef u = fx.model.selectedUnitProperty().get();
        assertTrue(u != null && u.layer() == 0 && Math.abs(u.y() - 14) <= 1 && Math.abs(u.x() - 14) <= 1,
                "the unit under the pointer: " + u);
    }
}
