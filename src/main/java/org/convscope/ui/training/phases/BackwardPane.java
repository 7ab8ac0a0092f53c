package org.convscope.ui.training.phases;

import java.util.Locale;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.convscope.engine.Dims;
import org.convscope.lecture.Notation;
import org.convscope.training.FilterStep;
import org.convscope.training.StepPhases;
import org.convscope.ui.view.ColorMap;

/**
 * Phase 3: dL/dW of every filter of every convolution layer, then dL/dA of every layer's output from the loss back
 * to the first layer, blue negative, red positive, each on its own ±max scale. A frozen layer (only the last layers
 * train) says so instead of showing its zeros.
 */
final class BackwardPane extends VBox {
    BackwardPane(StepPhases s) {
        getStyleClass().add("phase-pane");
        FlowPane weights = new FlowPane();
        weights.getStyleClass().add("tile-flow");
        Set<String> frozen = Tiles.frozen(s);
        for (FilterStep f : s.filters()) {
            if (frozen.contains(f.layer())) {
                weights.getChildren().add(Tiles.frozenCard(f.layer(), "no gradient (only the last layers train)"));
                continue;
            }
            float extent = Tiles.extent(f.gradient().weights());
            weights.getChildren().add(Tiles.filters(String.format(Locale.ROOT, "%s · dL/dW · %d filters · within ±%.3g",
                    f.layer(), f.gradient().filters(), extent), f.gradient(), extent, 440));
        }
        FlowPane maps = new FlowPane();
        maps.getStyleClass().add("tile-flow");
        float[][] grads = s.activationGradients();
        for (int i = grads.length - 1; i >= 0; i--) {
            if (grads[i] == null) continue;
            Dims d = s.shape(i);
            float extent = Tiles.extent(grads[i]);
            String caption = String.format(Locale.ROOT, "%d · dL/d %s · %s · ±%.3g", i + 1,
                    s.forward().spec().layers().get(i).name(), Notation.size(d), extent);
            maps.getChildren().add(Tiles.tensor(caption, grads[i], d, ColorMap.DIVERGING, new float[] {-extent, extent}));
        }
        getChildren().addAll(heading("dL/dW · the gradient of every filter (red: raising the weight raises the loss)"),
                weights, heading("dL/dA · the gradient of each layer's output, from the loss back to the first layer"), maps);
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("subheading");
        return l;
    }
}
