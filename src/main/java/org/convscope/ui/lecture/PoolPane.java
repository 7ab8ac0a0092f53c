package org.convscope.ui.lecture;

import java.util.List;
import java.util.Locale;
import javafx.scene.layout.HBox;
import org.convscope.engine.Dims;
import org.convscope.lecture.PoolStep;
import org.convscope.lecture.PoolStepper;
import org.convscope.lecture.Volume;
import org.convscope.ui.view.ColorMap;

/** Pooling: the input with the current window (and its winner, for max), and the output so far. */
final class PoolPane extends HBox {
    private final LectureModel model;
    private final GridStack inputs = new GridStack();
    private final GridStack outputs = new GridStack();

    PoolPane(LectureModel model) {
        this.model = model;
        getStyleClass().add("stepper-pane");
        getChildren().addAll(inputs, Labels.operator("→"), outputs);
    }

    void show(PoolStepper s, boolean concealed) {
        Volume in = s.input();
        int plane = in.height() * in.width();
        float range = GridStack.range(in.values());
        inputs.setHeading("input " + in.dims() + ", " + s.window() + "×" + s.window() + " windows, stride " + s.stride());
        List<NumberGrid> inGrids = inputs.grids(in.channels());
        PoolStep step = s.current().orElse(null);
        for (int c = 0; c < in.channels(); c++) {
            NumberGrid grid = inGrids.get(c);
            grid.show(in.height(), in.width(), in.values(), c * plane, ColorMap.DIVERGING, range);
            String[] marks = grid.newMarks();
            if (step != null && step.channel() == c) {
                for (int i = 0; i < s.window() * s.window(); i++) {
                    int cell = (step.top() + i / s.window()) * in.width() + step.left() + i % s.window();
                    marks[cell] = i == step.winner() && !concealed ? "window winner" : "window";
                }
            }
            grid.mark(marks);
        }
        if (s.problem().isPresent()) {
            outputs.setHeading("output: does not fit");
            outputs.grids(0);
            return;
        }
        Dims d = s.outputDims();
        int outPlane = d.height() * d.width();
        float[] out = s.output();
        outputs.setHeading(s.kind().name().toLowerCase(Locale.ROOT) + " pooling " + d);
        List<NumberGrid> outGrids = outputs.grids(d.channels());
        for (int c = 0; c < d.channels(); c++) {
            NumberGrid grid = outGrids.get(c);
            grid.show(d.height(), d.width(), out, c * outPlane, ColorMap.DIVERGING, range);
            String[] marks = grid.newMarks();
            int local = s.position() - 1 - c * outPlane;
            if (local >= 0 && local < outPlane) {
                marks[local] = "current";
                if (concealed) grid.setText(local, "?");
            }
            grid.mark(marks);
            int first = c * outPlane;
            grid.setOnCellClicked(i -> model.jumpTo(first + i + 1));
        }
    }
}
