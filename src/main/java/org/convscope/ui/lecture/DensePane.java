package org.convscope.ui.lecture;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.convscope.lecture.DenseStepper;
import org.convscope.lecture.Numbers;
import org.convscope.ui.view.ColorMap;

/** One fully connected neuron: inputs, its weights and the products added so far, then the bias and the sum. */
final class DensePane extends HBox {
    /** Long input vectors wrap into rows of this many cells. */
    private static final int ROW = 12;

    private final LectureModel model;
    private final GridStack inputs = new GridStack();
    private final GridStack weights = new GridStack();
    private final GridStack products = new GridStack();
    private final Label sum = Labels.of("", "total");

    DensePane(LectureModel model) {
        this.model = model;
        getStyleClass().add("stepper-pane");
        getChildren().addAll(inputs, Labels.operator("×"), weights, Labels.operator("="), products, sum);
    }

    void show(DenseStepper s, boolean concealed) {
        int n = s.inputs().length;
        int cols = Math.min(ROW, n);
        int rows = (n + cols - 1) / cols;
        float[] x = padded(s.inputs(), rows * cols);
        float[] w = new float[rows * cols];
        float[] p = GridStack.blank(rows * cols);
        for (int i = 0; i < n; i++) {
            w[i] = s.weight(i);
            if (i < s.position()) p[i] = s.product(i);
        }
        for (int i = n; i < w.length; i++) w[i] = Float.NaN;
        int current = Math.min(s.position(), n) - 1;
        inputs.setHeading("inputs x (" + n + ")");
        weights.setHeading("weights of neuron " + s.neuron() + " of " + s.units());
        products.setHeading("w · x");
        inputs.grids(1).getFirst().show(rows, cols, x, 0, ColorMap.DIVERGING, GridStack.range(x));
        weights.grids(1).getFirst().show(rows, cols, w, 0, ColorMap.DIVERGING, GridStack.range(w));
        NumberGrid productGrid = products.grids(1).getFirst();
        productGrid.show(rows, cols, p, 0, ColorMap.DIVERGING, GridStack.range(p));
        for (GridStack stack : new GridStack[] {inputs, weights, products}) {
            NumberGrid grid = stack.grids(1).getFirst();
            String[] marks = grid.newMarks();
            if (current >= 0 && !s.atEnd()) marks[current] = stack == products ? "current" : "window";
            grid.mark(marks);
        }
        if (concealed && current >= 0 && !s.atEnd()) productGrid.setText(current, "?");
        productGrid.setOnCellClicked(i -> model.jumpTo(i + 1));
        String value = concealed ? "?" : Numbers.format(s.sum());
        sum.setText(s.atEnd() ? "Σ w·x + bias " + Numbers.format(s.bias()[s.neuron()]) + "\n= " + value
                : s.atStart() ? "" : "sum so far\n" + value);
    }

    private static float[] padded(float[] values, int size) {
        float[] out = GridStack.blank(size);
        System.arraycopy(values, 0, out, 0, values.length);
        return out;
    }
}
