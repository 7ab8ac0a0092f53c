package org.convscope.ui.explorer.network;

import java.nio.file.Path;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.explain.UnitRef;
import org.convscope.io.FileException;
import org.convscope.ui.explorer.Normalisation;
import org.convscope.ui.view.PngExport;

/**
 * The explorer's graph view of one forward pass as a PNG, without a window ({@code convscope render}): the view is
 * built in a scene of the explorer's theme and exported as the window's export does it ({@link GraphView#exportContent},
 * {@link PngExport}); or, for one layer, every one of its channels.
 */
public final class GraphRender {
    /**
     * What to draw: {@code width} > 0 wraps the graph into bands of that width (scaled down to it when one node is
     * wider), ≤ 0 draws it in one band at 1:1; {@code layer} null draws the whole graph, else every channel of it.
     */
    public record Request(ForwardSnapshot snapshot, boolean light, int width, String layer) {}

    /** The most pixels a picture may have: beyond it the snapshot would not fit a heap of a gigabyte. */
    static final long MAX_PIXELS = 60_000_000L;

    private GraphRender() {}

    /** Renders and writes the picture; on the FX thread. Returns its size in pixels {width, height}. */
    public static int[] render(Request request, Path out) throws FileException {
        ForwardSnapshot s = request.snapshot();
        GraphView view = new GraphView(new SimpleObjectProperty<>(s), new SimpleObjectProperty<>(Normalisation.PER_LAYER),
                n -> {}, new SimpleObjectProperty<UnitRef>(), (u, clicked) -> {});
        view.getStyleClass().add("panel");
        StackPane root = new StackPane(view);
        root.getStyleClass().addAll("explorer", request.light() ? "light" : "dark");
        root.getStylesheets().add(GraphRender.class.getResource("/css/explorer.css").toExternalForm());
        new Scene(root, 1600, 900);
        // Wrapped to the width asked for (at 1:1, bands one under the other), else one band at 1:1.
        view.wrapTo(request.width() > 0 ? request.width() - 2 * GraphView.PAD : Double.POSITIVE_INFINITY);
        root.applyCss();
        root.layout();
        Region content;
        if (request.layer() == null) {
            content = view.exportContent();
        } else {
            int layer = s.spec().indexOf(request.layer());
            if (layer < 0) {
                throw new IllegalArgumentException("--layer: the model has no layer named " + request.layer());
            }
            Label title = new Label(request.layer() + " · " + s.shapes().get(layer) + " · every channel, strongest first");
            title.getStyleClass().add("panel-title");
            VBox all = new VBox(8, title, view.pageOfAll(layer));
            all.getStyleClass().add("panel");
            root.getChildren().setAll(all);
            content = all;
        }
        root.applyCss();
        root.layout();
        double w = content.prefWidth(-1);
        double h = content.prefHeight(w);
        content.resize(w, h);
        content.layout();
        double scale = request.width() > 0 ? request.width() / w : 1;
        if ((double) w * scale * h * scale > MAX_PIXELS) {
            throw new IllegalArgumentException("the picture would be " + Math.round(w * scale) + "×" + Math.round(h * scale)
                    + " pixels; give a smaller --width");
        }
        WritableImage image = PngExport.snapshot(content, scale);
        PngExport.write(image, out);
        return new int[] {(int) image.getWidth(), (int) image.getHeight()};
    }
}
