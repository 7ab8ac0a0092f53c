package org.convscope.ui.lecture;

import java.util.Collection;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.convscope.lecture.Frame;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonSources;
import org.convscope.ui.view.PngExport;

/**
 * One frame drawn as the lecture draws it, without a window: a lecture view of its own, in projector mode (the frame
 * alone) at a given size and theme, for exports and {@code convscope lesson export}. The window's view is not touched.
 * FX thread only.
 */
final class Slides {
    private final LectureView view;

    Slides(Frame frame, double width, double height, Collection<String> themeClasses) {
        view = new LectureView(new LectureModel(new Lesson("slides", List.of(frame))), LessonSources.NONE);
        view.setTheme(!themeClasses.contains("light"), themeClasses.contains("high-contrast"));
        view.setProjector(true);
        new Scene(view, width, height);
    }

    /** The frame at step {@code position}, its result shown. */
    WritableImage render(int position) {
        view.model().jumpTo(position);
        view.applyCss();
        view.layout();
        return PngExport.snapshot(view, 1);
    }

    /** The positions a sequence export draws: every step up to {@code max} images, else {@code max} spread evenly. */
    static int[] positions(int count, int max) {
        int n = Math.min(count + 1, max);
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) positions[i] = n == 1 ? 0 : (int) Math.round((double) i * count / (n - 1));
        return positions;
    }
}
