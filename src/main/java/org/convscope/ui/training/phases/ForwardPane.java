package org.convscope.ui.training.phases;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.convscope.engine.Dims;
import org.convscope.lecture.Notation;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.training.StepPhases;
import org.convscope.ui.view.ColorMap;
import org.convscope.ui.view.Heatmap;

/**
 * Phase 1: the sample and every layer's output for it, in layer order, each on its own scale; the logits and the
 * softmax also as numbers, one per class, the true class marked.
 */
final class ForwardPane extends VBox {
    ForwardPane(StepPhases s) {
        getStyleClass().add("phase-pane");
        ForwardSnapshot f = s.forward();
        int top = f.topClass();
        float[] p = new float[f.spec().numClasses()];
        org.convscope.engine.Loss.Output.of(f.spec()).probabilities(f.result(), 0, p.length, p);
        Label summary = new Label(String.format(Locale.ROOT,
                "%s · true class %d · the network says %d (%.1f%%) before this step", s.sampleName(),
                s.label(), top, 100 * p[top]));
        summary.getStyleClass().add("prediction");
        FlowPane layers = new FlowPane();
        layers.getStyleClass().add("tile-flow");
        Dims in = f.spec().input();
        layers.getChildren().add(Tiles.input("input · " + Notation.size(in), f.input(), in));
        for (int i = 0; i < f.outputs().length; i++) {
            Dims d = s.shape(i);
            float[] range = Heatmap.range(f.output(i), 0, d.size());
            String caption = String.format(Locale.ROOT, "%d · %s · %s · %s", i + 1, f.spec().layers().get(i).name(),
                    Notation.size(d),
                    LossPane.span(range));
            Node tile = Tiles.tensor(caption, f.output(i), d, ColorMap.VIRIDIS, range);
            if (d.size() == p.length && i >= f.outputs().length - 2) {
                // The logits and the softmax: the class scores as numbers under their picture.
                boolean probabilities = f.spec().layers().get(i) instanceof SoftmaxSpec;
                VBox values = Tiles.classValues(probabilities ? "probabilities p (per cent)" : "logits z", f.output(i),
                        s.label(), probabilities);
                values.setId(probabilities ? "phase-probabilities" : "phase-logits");
                tile = new VBox(4, tile, values);
            }
            layers.getChildren().add(tile);
        }
        getChildren().addAll(summary, layers);
    }
}
