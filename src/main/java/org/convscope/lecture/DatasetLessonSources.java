package org.convscope.lecture;

import java.util.Optional;
import java.util.function.Supplier;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetFolder;
import org.convscope.engine.Dims;

/**
 * Lesson inputs from the bundled MNIST test set (read on first use and shared with the rest of the app: call off the
 * FX thread), from the explorer's current drawing, given as a supplier of 28×28 ink values that may return null when
 * nothing is drawn, and the app's current model, given as a supplier that may return null.
 */
public final class DatasetLessonSources implements LessonSources {
    private static final Dims DIGIT = new Dims(1, 28, 28);

    private final Supplier<float[]> explorer;
    private final Supplier<CurrentModel> model;

    public DatasetLessonSources(Supplier<float[]> explorer) {
        this(explorer, null);
    }

    public DatasetLessonSources(Supplier<float[]> explorer, Supplier<CurrentModel> model) {
        this.explorer = explorer == null ? () -> null : explorer;
        this.model = model == null ? () -> null : model;
    }

    @Override
    public Optional<CurrentModel> currentModel() {
        return Optional.ofNullable(model.get());
    }

    @Override
    public Volume testDigit(int index) {
        Dataset test = DatasetFolder.bundledMnist().test();
        return new Volume(DIGIT, test.inkImage(index).ink());
    }

    @Override
    public Volume explorerDrawing() {
        float[] drawing = explorer.get();
        if (drawing == null) return Volume.zeros(DIGIT);
        if (drawing.length != DIGIT.size()) {
            throw new IllegalArgumentException("explorer drawing has " + drawing.length + " values, expected 28×28 = 784");
        }
        return new Volume(DIGIT, drawing.clone());
    }
}
