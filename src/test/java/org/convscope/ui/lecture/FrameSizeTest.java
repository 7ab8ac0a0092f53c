package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import org.convscope.lecture.Frame;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.Stepper;
import org.convscope.ui.Snapshots;
import org.convscope.ui.lecture.diagram.Diagram;
import org.convscope.ui.lecture.diagram.Diagrams;
import org.convscope.ui.lecture.diagram.FrameActions;
import org.junit.jupiter.api.Test;

/**
 * Item 1 of the lecture issue: a frame keeps its size across its steps. Every arrangement of every frame's diagram
 * has the same size at every step, its result shown or hidden; and on screen the diagram is drawn at one scale.
 */
class FrameSizeTest {
    @Test
    void everyDiagramHasOneSizeAtEveryStep() throws Exception {
        List<Frame> frames = ProjectorScreensTest.frames();
        List<String> changes = Snapshots.onFxThread(() -> {
            List<String> found = new ArrayList<>();
            for (Frame f : frames) {
                Stepper<?> s = f.stepper();
                List<Diagram> first = Diagrams.of(s.reset(), false, FrameActions.NONE);
                int n = s.count();
                int samples = Math.min(n + 1, 60);
                for (int i = 0; i < samples; i++) {
                    int p = samples == 1 ? 0 : (int) Math.round((double) i * n / (samples - 1));
                    for (boolean hidden : new boolean[] {false, true}) {
                        List<Diagram> at = Diagrams.of(s.at(p), hidden && p > 0, FrameActions.NONE);
                        for (int a = 0; a < first.size(); a++) {
                            Diagram d = at.get(a);
                            if (d.width() != first.get(a).width() || d.height() != first.get(a).height()) {
                                found.add(f.title() + ", arrangement " + a + ", step " + p + (hidden ? " hidden" : "")
                                        + ": " + d.width() + "×" + d.height() + " instead of " + first.get(a).width() + "×"
                                        + first.get(a).height());
                            }
                        }
                    }
                }
            }
            return found;
        });
        assertEquals(List.of(), changes.subList(0, Math.min(5, changes.size())));
    }

    @Test
    void onScreenTheDiagramKeepsItsScaleWhileTheFrameSteps() throws Exception {
        List<Frame> frames = ProjectorScreensTest.frames();
        List<String> changes = Snapshots.onFxThread(() -> {
            List<String> found = new ArrayList<>();
            LectureView view = new LectureView(new LectureModel(new Lesson("every frame", frames)), LessonSources.NONE);
            new Scene(view, 1280, 720);
            for (Frame f : frames) {
                double scale = -1;
                int n = f.stepper().count();
                for (int p : new int[] {0, 1, n / 3, n / 2, n - 1, n}) {
                    view.model().jumpTo(p);
                    view.applyCss();
                    view.layout();
                    if (scale < 0) scale = view.diagram().scale();
                    if (view.diagram().scale() != scale) {
                        found.add(f.title() + " step " + p + ": scale " + view.diagram().scale() + " instead of " + scale);
                    }
                }
                view.model().nextFrame();
            }
            return found;
        });
        assertEquals(List.of(), changes);
    }
}
