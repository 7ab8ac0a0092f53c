package org.convscope.lecture;

import java.util.Objects;
import org.convscope.engine.Dims;

/** Lesson sources for tests: a test set of ten blank 28×28 digits (asking for an eleventh is out of range), no drawing. */
public final class TenBlankDigits implements LessonSources {
    private static final Dims DIGIT = new Dims(1, 28, 28);

    @Override
    public Volume testDigit(int index) {
        Objects.checkIndex(index, 10);
        return Volume.zeros(DIGIT);
    }

    @Override
    public Volume explorerDrawing() {
        return Volume.zeros(DIGIT);
    }
}
