package org.convscope.ui.lecture;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.convscope.lecture.Numbers;
import org.convscope.lecture.SoftmaxStepper;
import org.convscope.ui.view.ColorMap;

/** Softmax as three columns: the logits z, their exponentials e^z, and e^z divided by the sum. */
final class SoftmaxPane extends HBox {
    private final LectureModel model;
    private final GridStack logits = new GridStack();
    private final GridStack exps = new GridStack();
    private final GridStack probabilities = new GridStack();
    private final Label sum = Labels.of("", "total");

    SoftmaxPane(LectureModel model) {
        this.model = model;
        getStyleClass().add("stepper-pane");
        getChildren().addAll(logits, Labels.operator("→ e^z →"), exps, Labels.operator("→ ÷ Σ →"), probabilities, sum);
    }

    void show(SoftmaxStepper s, boolean concealed) {
        int n = s.logits().length;
        float[] e = GridStack.blank(n);
        float[] p = GridStack.blank(n);
        for (int i = 0; i < n; i++) {
            if (s.hasExp(i)) e[i] = (float) s.exp(i);
            if (s.hasProbability(i)) p[i] = (float) s.probability(i);
        }
        logits.setHeading("logits z");
        exps.setHeading("e^z");
        probabilities.setHeading("probability");
        logits.grids(1).getFirst().show(n, 1, s.logits(), 0, ColorMap.DIVERGING, GridStack.range(s.logits()));
        exps.grids(1).getFirst().show(n, 1, e, 0, null, 0);
        probabilities.grids(1).getFirst().show(n, 1, p, 0, ColorMap.DIVERGING, 1);
        int pos = s.position();
        NumberGrid target = pos <= n ? exps.grids(1).getFirst() : probabilities.grids(1).getFirst();
        int cell = pos <= n ? pos - 1 : pos - n - 2;
        for (GridStack stack : new GridStack[] {logits, exps, probabilities}) {
            NumberGrid grid = stack.grids(1).getFirst();
            String[] marks = grid.newMarks();
            if (grid == target && cell >= 0) marks[cell] = "current";
            grid.mark(marks);
        }
        if (concealed && cell >= 0) target.setText(cell, "?");
        String total = concealed && pos == n + 1 ? "?" : Numbers.format(s.sum());
        sum.setText(s.hasSum() ? "Σ e^z\n= " + total : "");
        probabilities.grids(1).getFirst().setOnCellClicked(i -> model.jumpTo(n + 2 + i));
        exps.grids(1).getFirst().setOnCellClicked(i -> model.jumpTo(i + 1));
    }
}
