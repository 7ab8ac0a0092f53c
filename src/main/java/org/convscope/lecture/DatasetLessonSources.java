package org.convscope.lecture;

import java.util.function.Supplier;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetFolder;
import org.convscope.engine.Dims;

/**
 * Lesson inputs from the bundled MNIST test set (read on first use and shared with the rest of the app: call off the
 * FX thread) and from the explorer's current drawing, given as a supplier of 28×28 ink values that may return null
 * when nothing is drawn.
 */
public final class DatasetLessonSources implements LessonSources {
    private static final Dims DIGIT = new Dims(1, 28, 28);

    private final Supplier<float[]> explorer;

    public DatasetLessonSources(Supplier<float[]> explorer) {
        this.explorer = explorer == null ? () -> null : explorer;
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
