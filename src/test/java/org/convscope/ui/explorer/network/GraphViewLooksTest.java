package org.convscope.ui.explorer.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.explain.UnitRef;
import org.convscope.ui.explorer.Normalisation;
import org.convscope.ui.explorer.UiBench;
import org.convscope.ui.view.PngExport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The graph view of the colour fixtures at 1280×720 and 1920×1080 in both themes, as it opens, into target/snapshots
 * to be looked at, with every channel of a layer and one map zoomed in: a graph opens readable, either whole or, when
 * the whole would be too small to read, at a readable size from its input; the map's numbers show once zoomed in.
 */
class GraphViewLooksTest {
    @BeforeAll
    static void startFx() {
        UiBench.startHeadless();
    }

    @Test
    void opensReadableAtBothSizesInBothThemes() throws Exception {
        for (String fixture : new String[] {"mobile", "fire"}) {
            ForwardSnapshot s = GraphFixture.snapshot(fixture);
            for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
                for (String theme : new String[] {"light", "dark"}) {
                    String name = "graph-" + fixture + "-" + size[0] + "x" + size[1] + "-" + theme;
                    double zoom = WaitForAsyncUtils.asyncFx(() -> {
                        GraphView view = new GraphView(new SimpleObjectProperty<>(s),
                                new SimpleObjectProperty<>(Normalisation.PER_LAYER), n -> {},
                                new SimpleObjectProperty<UnitRef>(), (u, c) -> {});
                        view.getStyleClass().add("panel");
                        StackPane root = new StackPane(view);
                        root.getStyleClass().addAll("explorer", theme);
                        root.getStylesheets().add(GraphView.class.getResource("/css/explorer.css").toExternalForm());
                        // The explorer's centre: the window less its left column and tool bar.
                        Scene scene = new Scene(root, size[0] - 420, size[1] - 90);
                        root.applyCss();
                        root.layout();
                        Files.createDirectories(Path.of("target", "snapshots"));
                        PngExport.write(scene.snapshot(null), Path.of("target", "snapshots", name + ".png"));
                        double opened = view.zoom();
                        view.showAll(1);
                        root.layout();
                        PngExport.write(scene.snapshot(null), Path.of("target", "snapshots", name + "-all.png"));
                        view.showMap(1, 0);
                        root.layout();
                        MapDetail d = view.detail();
                        for (int i = 0; i < 4; i++) d.zoomAt(d.getWidth() / 2, d.getHeight() / 2, 1.6);
                        PngExport.write(scene.snapshot(null), Path.of("target", "snapshots", name + "-map.png"));
                        assertTrue(view.detail().textAt(0, 0) != null, name + ": the map's numbers once zoomed in");
                        return opened;
                    }).get(60, TimeUnit.SECONDS);
                    assertTrue(zoom >= 0.8 - 1e-9, name + ": opens at " + zoom);
                }
            }
        }
    }
}
