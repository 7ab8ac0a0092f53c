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

    /**
     * Z zooms into the current window: at every zoom, on every convolution frame, the filter's window on the input is
     * in view: whole when it fits the view, else its middle (a 7×7 window at three times the fit).
     */
    @Test
    void zoomedInTheFiltersWindowStaysInView() throws Exception {
        List<Frame> frames = ProjectorScreensTest.frames();
        List<String> lost = Snapshots.onFxThread(() -> {
            List<String> found = new ArrayList<>();
            LectureView view = new LectureView(new LectureModel(new Lesson("every frame", frames)), LessonSources.NONE);
            new Scene(view, 1280, 720);
            for (Frame f : frames) {
                if (f.stepper() instanceof org.convscope.lecture.ConvStepper c && c.count() > 0) {
                    for (int p : new int[] {1, (c.count() + 1) / 2, c.count()}) {
                        view.model().jumpTo(p);
                        for (double zoom : LectureView.ZOOMS) {
                            view.diagram().setZoom(zoom);
                            view.applyCss();
                            view.layout();
                            var d = view.diagram();
                            var w = d.shown().window();
                            var a = d.toView(w.x(), w.y());
                            var b = d.toView(w.right(), w.y() + w.height());
                            boolean fits = b.getX() - a.getX() <= d.getWidth() && b.getY() - a.getY() <= d.getHeight();
                            boolean inView = fits
                                    ? a.getX() >= -0.5 && a.getY() >= -0.5 && b.getX() <= d.getWidth() + 0.5
                                            && b.getY() <= d.getHeight() + 0.5
                                    : (a.getX() + b.getX()) / 2 >= 0 && (a.getX() + b.getX()) / 2 <= d.getWidth()
                                            && (a.getY() + b.getY()) / 2 >= 0 && (a.getY() + b.getY()) / 2 <= d.getHeight();
                            if (!inView) found.add(f.title() + " step " + p + " zoom " + zoom + ": window at "
                                    + Math.round(a.getX()) + ", " + Math.round(a.getY()) + " to " + Math.round(b.getX())
                                    + ", " + Math.round(b.getY()) + " in " + d.getWidth() + "×" + d.getHeight());
                        }
                        view.diagram().setZoom(1);
                    }
                }
                view.model().nextFrame();
            }
            return found;
        });
        assertEquals(List.of(), lost.subList(0, Math.min(5, lost.size())));
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
