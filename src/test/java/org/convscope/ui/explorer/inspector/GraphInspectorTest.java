package org.convscope.ui.explorer.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.io.Npy;
import org.convscope.open.Models;
import org.convscope.ui.Snapshots;
import org.convscope.ui.view.PngExport;
import org.junit.jupiter.api.Test;

/**
 * The inspector on the operators of graph networks, with the numbers of the engine's own forward pass: the mobile
 * fixture (batch norm, hard swish, clip as ReLU6, depthwise and grouped convolution, a residual Add, global average
 * pooling, a 1×1 convolution over 24 channels, paged) and the fire fixture (Concat). Each view is also written to
 * target/inspector-previews/ to look at.
 */
class GraphInspectorTest {
    private static final ForwardSnapshot MOBILE = snapshot("mobile");
    private static final ForwardSnapshot FIRE = snapshot("fire");

    private static ForwardSnapshot snapshot(String fixture) {
        try {
            Path dir = Path.of("src/test/resources/onnx", fixture);
            Network net = Models.load(dir.resolve("model.onnx")).network();
            Workspace ws = new Workspace(net, KernelSelection.preferred(), 1);
            float[] x = Npy.read(dir.resolve("input.npy")).data();
            System.arraycopy(x, 0, ws.input(), 0, x.length);
            ws.forward(1);
            return ForwardSnapshot.capture(ws, 0, net.copyParams());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static float engine(ForwardSnapshot snap, int layer, int c, int y, int x) {
        Dims d = snap.shapes().get(layer);
        return snap.output(layer)[(c * d.height() + y) * d.width() + x];
    }

    @Test
    void batchNormIsItsFormulaOnTheConvolutionsValue() throws Exception {
        Map<String, String> rows = rows(MOBILE, new UnitRef(1, 3, 5, 6), "bn");
        assertEquals(value(engine(MOBILE, 0, 3, 5, 6)), rows.get("x from stem.0"));
        assertEquals(value(engine(MOBILE, 1, 3, 5, 6)), rows.get("batch norm"));
        assertTrue(rows.containsKey("μ, the channel's running mean") && rows.containsKey("γ (learned scale)")
                && rows.containsKey("β (learned shift)"), rows.keySet().toString());
    }

    @Test
    void hardSwishAndClipShowTheirConstants() throws Exception {
        float x = engine(MOBILE, 1, 3, 5, 6);
        Map<String, String> swish = rows(MOBILE, new UnitRef(2, 3, 5, 6), "hardswish");
        assertEquals(value(x), swish.get("input x from stem.1"));
        assertEquals(value(Math.clamp(x / 6.0 + 0.5, 0, 1)), swish.get("h = max(0, min(1, x/6 + 1/2))"));
        assertEquals(value(engine(MOBILE, 2, 3, 5, 6)), swish.get("x · h"));

        Map<String, String> clip = rows(MOBILE, new UnitRef(5, 2, 4, 4), "clip");
        assertEquals(value(0), clip.get("lower bound α"));
        assertEquals(value(6), clip.get("upper bound β"));
        assertEquals(value(engine(MOBILE, 5, 2, 4, 4)), clip.get("min(max(x, α), β)"));
    }

    @Test
    void aDepthwiseFilterSeesOneChannelAndAGroupedOneItsGroup() throws Exception {
        String depthwise = text(MOBILE, new UnitRef(6, 7, 4, 4), "#inspector-sees", "depthwise");
        assertEquals("Depthwise: filter 8 sees only input channel 8, one channel's products.", depthwise);
        assertEquals(value(engine(MOBILE, 6, 7, 4, 4)), text(MOBILE, new UnitRef(6, 7, 4, 4), "#inspector-total", "depthwise"));
        // 24 filters and 24 input channels in 4 groups: 6 of each a group; filter index 13 is the 14th, in the third
        // group, which reads channels 13–18 counted from 1.
        String grouped = text(MOBILE, new UnitRef(20, 13, 3, 3), "#inspector-sees", "grouped");
        assertEquals("Grouped, 4 groups: filter 14 (group 3) sees input channels 13–18, 6 of them.", grouped);
        assertEquals(value(engine(MOBILE, 20, 13, 3, 3)), text(MOBILE, new UnitRef(20, 13, 3, 3), "#inspector-total", "grouped"));
    }

    @Test
    void anAddNamesBothSourcesWithTheirValues() throws Exception {
        Map<String, String> rows = rows(MOBILE, new UnitRef(11, 4, 7, 8), "add");
        assertEquals(value(engine(MOBILE, 2, 4, 7, 8)), rows.get("a from stem.2"));
        assertEquals(value(engine(MOBILE, 10, 4, 7, 8)), rows.get("b from ir1.body.2.1"));
        assertEquals(value(engine(MOBILE, 11, 4, 7, 8)), rows.get("a + b"));
    }

    @Test
    void aConcatChannelNamesTheInputItCameFrom() throws Exception {
        // fire1.concat stacks fire1.relu (8 channels) and fire1.relu2 (8): its channel index 10 is fire1.relu2's index 2,
        // the third channel.
        Map<String, String> rows = rows(FIRE, new UnitRef(9, 10, 3, 4), "concat");
        assertEquals(value(engine(FIRE, 8, 2, 3, 4)), rows.get("fire1.relu2 channel 3"), rows.toString());
    }

    @Test
    void globalAveragePoolIsTheMeanOfTheMap() throws Exception {
        Dims maps = MOBILE.shapes().get(31);
        double sum = 0;
        for (int y = 0; y < maps.height(); y++) for (int x = 0; x < maps.width(); x++) sum += engine(MOBILE, 31, 5, y, x);
        Map<String, String> rows = rows(MOBILE, UnitRef.vector(32, 5), "gap");
        assertEquals(value(sum), rows.get("Σ over the 16×16 map of head.2"));
        assertEquals(value(MOBILE.output(32)[5]), rows.get("mean of the map"));
    }

    @Test
    void aFilterOverManyChannelsIsPagedAndItsLedgerSummarised() throws Exception {
        UnitRef unit = new UnitRef(29, 1, 2, 3); // head.0: a 1×1 convolution over 24 channels
        String[] pages = Snapshots.onFxThread(() -> {
            InspectorPane pane = new InspectorPane();
            Scene scene = new Scene(pane, 420, -1);
            pane.show(MOBILE, unit);
            pane.applyCss();
            pane.layout();
            String first = ((Label) scene.lookup("#inspector-page")).getText();
            long blocks = pane.lookupAll(".channel-block").stream().filter(Node::isVisible).count();
            ((Button) scene.lookup("#inspector-next-page")).fire();
            String second = ((Label) scene.lookup("#inspector-page")).getText();
            PngExport.save(pane, 1, preview("paged"));
            return new String[] {first, second, Long.toString(blocks)};
        });
        assertEquals("channels 1–8 of 24, largest |Σ w·x| first", pages[0]);
        assertEquals("channels 9–16 of 24, largest |Σ w·x| first", pages[1]);
        assertEquals("8", pages[2], "one page of channels at a time");
        Map<String, String> rows = rows(MOBILE, unit, "paged-ledger");
        assertTrue(rows.containsKey("the other 16 channels"), rows.keySet().toString());
        assertEquals(value(engine(MOBILE, 29, 1, 2, 3)), rows.get("head.0 output"));
    }

    // ---- helpers

    private static String value(double v) {
        return InspectorFormat.value(v);
    }

    private static Path preview(String name) throws Exception {
        Files.createDirectories(InspectorPaneTest.PREVIEWS);
        return InspectorPaneTest.PREVIEWS.resolve("graph-" + name + ".png");
    }

    /** The pane's ledger as term → amount, in order. */
    private static Map<String, String> rows(ForwardSnapshot snap, UnitRef unit, String name) throws Exception {
        return Snapshots.onFxThread(() -> {
            InspectorPane pane = show(snap, unit, name);
            Map<String, String> rows = new LinkedHashMap<>();
            for (Node ledger : pane.lookupAll(".ledger")) {
                Map<Integer, String> terms = new LinkedHashMap<>();
                Map<Integer, String> amounts = new LinkedHashMap<>();
                for (Node n : ((GridPane) ledger).getChildren()) {
                    Integer row = GridPane.getRowIndex(n);
                    if (n.getStyleClass().contains("term")) terms.put(row, ((Label) n).getText());
                    if (n.getStyleClass().contains("amount")) amounts.put(row, ((Label) n).getText());
                }
                terms.forEach((row, term) -> rows.put(term, amounts.get(row)));
            }
            return rows;
        });
    }

    private static String text(ForwardSnapshot snap, UnitRef unit, String id, String name) throws Exception {
        return Snapshots.onFxThread(() -> ((Label) show(snap, unit, name).lookup(id)).getText());
    }

    private static InspectorPane show(ForwardSnapshot snap, UnitRef unit, String name) throws Exception {
        InspectorPane pane = new InspectorPane();
        new Scene(pane, 420, -1);
        pane.show(snap, unit);
        pane.applyCss();
        pane.layout();
        PngExport.save(pane, 1, preview(name));
        return pane;
    }
}
