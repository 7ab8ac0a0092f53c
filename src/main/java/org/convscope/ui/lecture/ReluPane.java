package org.convscope.ui.lecture;

import java.util.List;
import javafx.scene.layout.HBox;
import org.convscope.lecture.ReluStepper;
import org.convscope.lecture.Volume;
import org.convscope.ui.view.ColorMap;

/** ReLU: the input map and the output so far; negative inputs are marked, the current cell outlined. */
final class ReluPane extends HBox {
    private final LectureModel model;
    private final GridStack inputs = new GridStack();
    private final GridStack outputs = new GridStack();

    ReluPane(LectureModel model) {
        this.model = model;
        getStyleClass().add("stepper-pane");
        getChildren().addAll(inputs, Labels.operator("→ max(0, x) →"), outputs);
    }

    void show(ReluStepper s, boolean concealed) {
        Volume in = s.input();
        int plane = in.height() * in.width();
        float range = GridStack.range(in.values());
        float[] out = s.output();
        inputs.setHeading("input " + in.dims());
        outputs.setHeading("relu(input)");
        List<NumberGrid> inGrids = inputs.grids(in.channels());
        List<NumberGrid> outGrids = outputs.grids(in.channels());
        for (int c = 0; c < in.channels(); c++) {
            inGrids.get(c).show(in.height(), in.width(), in.values(), c * plane, ColorMap.DIVERGING, range);
            outGrids.get(c).show(in.height(), in.width(), out, c * plane, ColorMap.DIVERGING, range);
            String[] inMarks = inGrids.get(c).newMarks();
            String[] outMarks = outGrids.get(c).newMarks();
            for (int i = 0; i < plane; i++) if (in.values()[c * plane + i] < 0) inMarks[i] = "negative";
            int local = s.position() - 1 - c * plane;
            if (local >= 0 && local < plane) {
                inMarks[local] = inMarks[local] == null ? "window" : "negative window";
                outMarks[local] = "current";
                if (concealed) outGrids.get(c).setText(local, "?");
            }
            inGrids.get(c).mark(inMarks);
            outGrids.get(c).mark(outMarks);
            int first = c * plane;
            outGrids.get(c).setOnCellClicked(i -> model.jumpTo(first + i + 1));
        }
    }
}
