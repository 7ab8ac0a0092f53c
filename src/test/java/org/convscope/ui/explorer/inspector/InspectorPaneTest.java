package org.convscope.ui.explorer.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.convscope.ui.Snapshots;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.explain.LeNetSample;
import org.convscope.engine.explain.UnitRef;
import org.convscope.ui.view.PngExport;
import org.junit.jupiter.api.Test;

/**
 * The pane shows every kind of unit, and its labels carry the engine's values. Without a robot: the pane is built
 * and laid out on the FX thread and read through its node ids. Each view is also written to
 * target/inspector-previews/ as a PNG, to look at.
 */
class InspectorPaneTest {
    static final Path PREVIEWS = Path.of("target", "inspector-previews");

    private final ForwardSnapshot snap = LeNetSample.snapshot(LeNetSample.DIGIT);

    /** A unit of every kind of the LeNet-5 layers, named for the preview files. */
    static Map<String, UnitRef> units() {
        Map<String, UnitRef> units = new LinkedHashMap<>();
        units.put("input", new UnitRef(-1, 0, 14, 14));
        units.put("conv1", new UnitRef(0, 5, 10, 12));
        units.put("conv1-silent", new UnitRef(0, 3, 10, 12));
        units.put("conv1-corner", new UnitRef(0, 0, 0, 0));
        units.put("relu1", new UnitRef(1, 5, 10, 12));
        units.put("pool1", new UnitRef(2, 5, 5, 6));
        units.put("conv2", new UnitRef(3, 11, 3, 7));
        units.put("flatten", UnitRef.vector(6, 11 * 25 + 1 * 5 + 3));
        units.put("fc1", UnitRef.vector(7, 1));
        units.put("relu3", UnitRef.vector(8, 1));
        units.put("fc3", UnitRef.vector(11, 7));
        units.put("softmax", UnitRef.vector(12, 7));
        units.put("softmax-unlikely", UnitRef.vector(12, 3));
        return units;
    }

    private static float engineValue(ForwardSnapshot snap, UnitRef u) {
        return LeNetSample.value(snap, u);
    }

    @Test
    void everyKindShowsTheEngineValueAsItsTotal() throws Exception {
        Files.createDirectories(PREVIEWS);
        for (Map.Entry<String, UnitRef> e : units().entrySet()) {
            UnitRef unit = e.getValue();
            String total = Snapshots.onFxThread(() -> {
                InspectorPane pane = new InspectorPane();
                Scene scene = new Scene(pane, 420, -1);
                pane.show(snap, unit);
                pane.applyCss();
                pane.layout();
                try {
                    PngExport.save(pane, 1, PREVIEWS.resolve(e.getKey() + ".png"));
                } catch (Exception failed) {
                    throw new IllegalStateException(failed);
                }
                assertNotNull(scene.lookup("#inspector-title"));
                return ((Label) scene.lookup("#inspector-total")).getText();
            });
            assertEquals(InspectorFormat.value(engineValue(snap, unit)), total, e.getKey());
        }
    }

    @Test
    void convAndDenseUnitsShowSumBiasAndActivation() throws Exception {
        for (UnitRef unit : new UnitRef[] {new UnitRef(0, 3, 10, 12), new UnitRef(3, 5, 4, 3), UnitRef.vector(7, 17)}) {
            String[] texts = Snapshots.onFxThread(() -> {
                InspectorPane pane = new InspectorPane();
                new Scene(pane, 420, -1);
                pane.show(snap, unit);
                return new String[] {text(pane, "#inspector-sum"), text(pane, "#inspector-bias"),
                        text(pane, "#inspector-activated"), text(pane, "#inspector-title")};
            });
            UnitRef relu = new UnitRef(unit.layer() + 1, unit.channel(), unit.y(), unit.x());
            assertEquals(InspectorFormat.value(engineValue(snap, relu)), texts[2], unit.toString());
            assertEquals(InspectorFormat.value(snap.params()[paramIndex(unit.layer()) + 1][unit.channel()]), texts[1]);
            assertTrue(!texts[0].isEmpty());
        }
        String title = Snapshots.onFxThread(() -> {
            InspectorPane pane = new InspectorPane();
            pane.show(snap, new UnitRef(0, 3, 10, 12));
            return text(pane, "#inspector-title");
        });
        assertEquals("conv1 · filter 4 · row 11, col 13", title, "positions counted from 1, as on every screen");
    }

    @Test
    void clearRemovesTheExplanation() throws Exception {
        int children = Snapshots.onFxThread(() -> {
            InspectorPane pane = new InspectorPane();
            pane.show(snap, UnitRef.vector(12, 3));
            pane.clear();
            return pane.getChildren().size() + (pane.lookup("#inspector-total") == null ? 0 : 100);
        });
        assertEquals(0, children);
    }

    private static int paramIndex(int layer) {
        return switch (layer) {
            case 0 -> 0;
            case 3 -> 2;
            case 7 -> 4;
            default -> throw new IllegalArgumentException("no parameters at layer " + layer);
        };
    }

    private static String text(javafx.scene.Node root, String id) {
        return ((Label) root.lookup(id)).getText();
    }
}
