package org.convscope.ui.training.phases;

import java.util.Locale;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convscope.engine.Dims;
import org.convscope.engine.Loss;
import org.convscope.lecture.Notation;
import org.convscope.training.LossPhase;
import org.convscope.training.StepPhases;

/** Phase 2: the image, then target against output for every class, each class's share of the loss, the total and dL/d output. */
final class LossPane extends VBox {
    private static final double BAR_WIDTH = 160;

    LossPane(StepPhases s) {
        getStyleClass().add("phase-pane");
        LossPhase loss = s.loss();
        boolean ce = loss.kind() == Loss.CROSS_ENTROPY;
        Label formula = new Label(ce
                ? String.format(Locale.ROOT, "cross-entropy: L = −Σ tᵢ·log pᵢ = −log p%d = −log %.4f = %.4f", loss.label(),
                        loss.output()[loss.label()], loss.total())
                : String.format(Locale.ROOT, "squared error: L = ½ Σ (tᵢ − yᵢ)² = %.4f", loss.total()));
        formula.getStyleClass().add("formula");
        Label note = new Label(ce
                ? "p = softmax of the logits. The backward pass starts at the logits with dL/dz = p − t."
                : "The backward pass starts at the output with dL/dy = y − t.");
        note.getStyleClass().add("caption");
        Dims in = s.forward().spec().input();
        Node input = Tiles.input(s.sampleName() + " · true class " + s.label(), s.forward().input(), in);
        input.setId("loss-input");
        HBox top = new HBox(16, input, new VBox(6, formula, table(loss, ce), note));
        getChildren().add(top);
    }

    private static GridPane table(LossPhase loss, boolean ce) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("loss-table");
        String out = ce ? "p" : "y";
        String[] heads = {"class", "target t", "output " + out, "", ce ? "−t·log p" : "½(t − " + out + ")²",
                ce ? "dL/dz = p − t" : "dL/dy = y − t"};
        for (int c = 0; c < heads.length; c++) grid.add(head(heads[c]), c, 0);
        for (int i = 0; i < loss.output().length; i++) {
            int row = i + 1;
            grid.add(cell(Integer.toString(i), i == loss.label()), 0, row);
            grid.add(cell(String.format(Locale.ROOT, "%.0f", loss.target()[i]), i == loss.label()), 1, row);
            grid.add(cell(String.format(Locale.ROOT, "%.4f", loss.output()[i]), i == loss.label()), 2, row);
            grid.add(bars(loss.target()[i], loss.output()[i]), 3, row);
            grid.add(cell(String.format(Locale.ROOT, "%.4f", loss.terms()[i]), i == loss.label()), 4, row);
            grid.add(cell(Notation.minus(String.format(Locale.ROOT, "%+.4f", loss.gradient()[i])), i == loss.label()), 5,
                    row);
        }
        int total = loss.output().length + 1;
        grid.add(head("total L"), 0, total);
        grid.add(cell(String.format(Locale.ROOT, "%.4f", loss.total()), true), 4, total);
        for (int c = 0; c < heads.length; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 3 ? HPos.LEFT : HPos.RIGHT);
            grid.getColumnConstraints().add(cc);
        }
        return grid;
    }

    /** The target as an outline and the output as a filled bar, on [0, 1]. */
    private static VBox bars(float target, float output) {
        Region t = bar("target-bar", target);
        Region o = bar("output-bar", output);
        VBox box = new VBox(1, new HBox(t), new HBox(o));
        box.setMinWidth(BAR_WIDTH);
        return box;
    }

    private static Region bar(String style, float value) {
        Region r = new Region();
        r.getStyleClass().add(style);
        double w = Math.max(1, BAR_WIDTH * Math.max(0, Math.min(1, value)));
        r.setMinSize(w, 6);
        r.setPrefSize(w, 6);
        r.setMaxSize(w, 6);
        return r;
    }

    private static Label head(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("table-head");
        return l;
    }

    private static Label cell(String text, boolean trueClass) {
        Label l = new Label(text);
        l.getStyleClass().add(trueClass ? "true-class" : "table-cell");
        return l;
    }

    /** "within [min, max]" of a range, for captions. */
    static String span(float[] range) {
        return Notation.minus(String.format(Locale.ROOT, "[%.3g, %.3g]", range[0], range[1]));
    }
}
