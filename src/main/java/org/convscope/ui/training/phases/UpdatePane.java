package org.convscope.ui.training.phases;

import java.util.Locale;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convscope.engine.optim.OptimizerConfig;
import org.convscope.training.ConvFilters;
import org.convscope.training.FilterStep;
import org.convscope.training.StepPhases;

/**
 * Phase 4: the optimizer's rule with this step's numbers, every convolution layer's filters before, the change Δw and
 * after (before and after on one scale), and how much every parameter tensor moved. A frozen layer says so in a line.
 */
final class UpdatePane extends VBox {
    private static final int WIDTH = 260;

    UpdatePane(StepPhases s) {
        getStyleClass().add("phase-pane");
        OptimizerConfig o = s.settings().optimizer();
        Label rule = new Label(rule(o, s.learningRate()));
        rule.getStyleClass().add("formula");
        getChildren().add(rule);
        Set<String> frozen = Tiles.frozen(s);
        for (FilterStep f : s.filters()) {
            if (frozen.contains(f.layer())) {
                getChildren().add(Tiles.frozenCard(f.layer(), "its filters stay as they are"));
                continue;
            }
            float weights = Tiles.extent(f.before().weights(), f.after().weights());
            float delta = Tiles.extent(f.delta().weights());
            HBox row = new HBox(
                    Tiles.filters(String.format(Locale.ROOT, "%s before · ±%.3g", f.layer(), weights), f.before(), weights, WIDTH),
                    Tiles.filters(String.format(Locale.ROOT, "Δw · ±%.3g", delta), f.delta(), delta, WIDTH),
                    Tiles.filters(String.format(Locale.ROOT, "%s after · ±%.3g", f.layer(), weights), f.after(), weights, WIDTH));
            if (o.kind() != OptimizerConfig.Kind.SGD || o.weightDecay() > 0) {
                ConvFilters plain = gradientStep(f.gradient(), s.learningRate());
                float extent = Tiles.extent(plain.weights());
                row.getChildren().add(Tiles.filters(String.format(Locale.ROOT, "−η·dL/dW alone · ±%.3g", extent), plain,
                        extent, WIDTH));
            }
            row.getStyleClass().add("update-row");
            getChildren().add(row);
        }
        getChildren().addAll(BackwardPane.heading("every parameter tensor"), changes(s));
    }

    /** What plain SGD would have changed: −η·dL/dW, for comparison with the optimizer's Δw. */
    private static ConvFilters gradientStep(ConvFilters gradient, float lr) {
        float[] w = gradient.weights().clone();
        for (int i = 0; i < w.length; i++) w[i] *= -lr;
        return new ConvFilters(gradient.layer(), gradient.filters(), gradient.channels(), gradient.kernelHeight(),
                gradient.kernelWidth(), w);
    }

    /** The update rule in words and symbols with η (and μ, λ) of this step. */
    static String rule(OptimizerConfig o, float lr) {
        String decay = o.weightDecay() > 0 ? " + λ·w (λ = " + Tiles.number(o.weightDecay()) + ")" : "";
        return switch (o.kind()) {
            case SGD -> "SGD: Δw = −η·(dL/dw" + decay + "), η = " + Tiles.number(lr);
            case MOMENTUM -> "momentum: v ← μ·v + dL/dw" + decay + ";  Δw = −η·v, η = " + Tiles.number(lr) + ", μ = "
                    + Tiles.number(o.momentum()) + "\n(v carries the earlier steps' gradients, so Δw is not just −η·dL/dw)";
            case ADAM -> "Adam: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², Δw = −η·m̂/(√v̂ + ε), g = dL/dw" + decay
                    + ", η = " + Tiles.number(lr);
        };
    }

    private static GridPane changes(StepPhases s) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("loss-table");
        String[] heads = {"parameter", "values", "‖dL/dθ‖", "‖Δθ‖", "‖Δθ‖ / ‖θ‖"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("table-head");
            grid.add(h, c, 0);
        }
        int row = 1;
        for (StepPhases.ParamChange c : s.paramChanges()) {
            String[] cells = {c.name(), String.format(Locale.ROOT, "%,d", c.size()),
                    String.format(Locale.ROOT, "%.4g", c.gradientNorm()), String.format(Locale.ROOT, "%.4g", c.changeNorm()),
                    String.format(Locale.ROOT, "%.2e", c.ratio())};
            for (int k = 0; k < cells.length; k++) {
                Label l = new Label(cells[k]);
                l.getStyleClass().add("table-cell");
                grid.add(l, k, row);
            }
            row++;
        }
        return grid;
    }
}
