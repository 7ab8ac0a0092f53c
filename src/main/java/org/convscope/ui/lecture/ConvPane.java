package org.convscope.ui.lecture;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convscope.engine.Dims;
import org.convscope.lecture.ConvSetup;
import org.convscope.lecture.ConvStep;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.Numbers;
import org.convscope.lecture.Volume;
import org.convscope.ui.view.ColorMap;

/**
 * The convolution stepper: padded input, the current filter, the element-wise products with one sum per channel,
 * and the output so far, side by side. A click on an output cell jumps there.
 */
final class ConvPane extends HBox {
    private final LectureModel model;
    private final GridStack inputs = new GridStack();
    private final GridStack kernels = new GridStack();
    private final GridStack products = new GridStack();
    private final GridStack outputs = new GridStack(true);
    private final Label total = Labels.of("", "total");

    ConvPane(LectureModel model) {
        this.model = model;
        getStyleClass().add("stepper-pane");
        VBox right = new VBox(outputs, total);
        right.getStyleClass().add("grid-column");
        getChildren().addAll(inputs, Labels.operator("×"), kernels, Labels.operator("="), products,
                Labels.operator("→"), right);
    }

    void show(ConvStepper s, boolean concealed) {
        ConvSetup setup = s.setup();
        int depth = setup.depth();
        int k = setup.kernel();
        Optional<ConvStep> step = s.current();
        int f = step.map(ConvStep::filter).orElse(0);
        inputs.setHeading("input " + setup.input().height() + "×" + setup.input().width() + "×" + depth
                + (setup.padding() > 0 ? ", padded to " + setup.paddedHeight() + "×" + setup.paddedWidth() : ""));
        kernels.setHeading("filter " + (f + 1) + " of " + setup.filters().size() + " (" + k + "×" + k + "×" + depth + ")");
        products.setHeading("products");
        showInput(setup, step);
        Volume filter = setup.filters().get(f);
        List<NumberGrid> kernelGrids = kernels.grids(depth);
        List<NumberGrid> productGrids = products.grids(depth);
        for (int c = 0; c < depth; c++) {
            NumberGrid kernelGrid = kernelGrids.get(c);
            kernelGrid.show(k, k, filter.values(), c * k * k, ColorMap.DIVERGING, GridStack.range(filter.values()));
            Label problem = kernels.caption(c);
            problem.setText("");
            problem.getStyleClass().remove("problem");
            int first = c * k * k;
            kernelGrid.setOnCellEdited((i, text) -> editKernel(s, f, first + i, text, problem));
            if (step.isPresent()) {
                ConvStep st = step.get();
                productGrids.get(c).show(k, k, st.products(), c * k * k, ColorMap.DIVERGING, GridStack.range(st.products()));
                products.caption(c).setText("Σ = " + (concealed ? "?" : Numbers.format(st.channelSums()[c])));
            } else {
                productGrids.get(c).show(k, k, GridStack.blank(k * k), 0, null, 0);
                products.caption(c).setText("");
            }
        }
        showOutput(s, step, concealed);
    }

    /** A kernel cell typed in: the frame's convolution with that number, at the same step; or why the text is not one. */
    private String editKernel(ConvStepper s, int filter, int index, String text, Label problem) {
        try {
            float value = Numbers.parse(text);
            model.edit(new ConvStepper(s.setup().withFilterValue(filter, index, value), s.position()));
            return null;
        } catch (IllegalArgumentException e) {
            if (!problem.getStyleClass().contains("problem")) problem.getStyleClass().add("problem");
            problem.setText(e.getMessage());
            return e.getMessage();
        }
    }

    private void showInput(ConvSetup setup, Optional<ConvStep> step) {
        int h = setup.paddedHeight();
        int w = setup.paddedWidth();
        int p = Math.max(0, setup.padding());
        float[] padded = new float[h * w];
        List<NumberGrid> grids = inputs.grids(setup.depth());
        for (int c = 0; c < setup.depth(); c++) {
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) padded[y * w + x] = setup.paddedAt(c, y, x);
            NumberGrid grid = grids.get(c);
            grid.show(h, w, padded, 0, ColorMap.DIVERGING, GridStack.range(setup.input().values()));
            String[] marks = grid.newMarks();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean pad = y < p || x < p || y >= h - p || x >= w - p;
                    boolean in = step.isPresent() && y >= step.get().top() && y < step.get().top() + setup.kernel()
                            && x >= step.get().left() && x < step.get().left() + setup.kernel();
                    marks[y * w + x] = in ? (pad ? "pad window" : "window") : pad ? "pad" : null;
                }
            }
            grid.mark(marks);
        }
    }

    private void showOutput(ConvStepper s, Optional<ConvStep> step, boolean concealed) {
        Optional<Dims> out = s.outputDims();
        if (out.isEmpty()) {
            outputs.setHeading("output: does not fit");
            outputs.grids(0);
            total.setText("");
            return;
        }
        Dims d = out.get();
        int plane = d.height() * d.width();
        outputs.setHeading("output " + d.height() + "×" + d.width() + "×" + d.channels());
        float[] values = s.output();
        float range = GridStack.range(s.at(s.count()).output());
        List<NumberGrid> grids = outputs.grids(d.channels());
        for (int f = 0; f < grids.size(); f++) {
            NumberGrid grid = grids.get(f);
            grid.show(d.height(), d.width(), values, f * plane, ColorMap.DIVERGING, range);
            String[] marks = grid.newMarks();
            int local = s.position() - 1 - f * plane;
            if (local >= 0 && local < plane) {
                marks[local] = "current";
                if (concealed) grid.setText(local, "?");
            }
            grid.mark(marks);
            int first = f * plane;
            grid.setOnCellClicked(i -> model.jumpTo(first + i + 1));
        }
        total.setText(step.map(st -> sumLine(st, concealed)).orElse(""));
    }

    private static String sumLine(ConvStep st, boolean concealed) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < st.channelSums().length; c++) {
            text.append(c == 0 ? "" : " + ").append(concealed ? "?" : Numbers.format(st.channelSums()[c]));
        }
        return text.append(" + bias ").append(Numbers.format(st.bias())).append(" = ")
                .append(concealed ? "?" : Numbers.format(st.total())).toString();
    }
}
