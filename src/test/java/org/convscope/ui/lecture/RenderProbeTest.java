package org.convscope.ui.lecture;

import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.convscope.lecture.Frame;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonSources;
import org.convscope.ui.view.PngExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class RenderProbeTest {
    static {
        HeadlessFx.useJavaFxHeadless();
    }

    @Start
    void start(Stage stage) {}

    @Test
    void probe(FxRobot robot) throws Exception {
        List<Frame> frames = ProjectorScreensTest.frames();
        String only = System.getProperty("probe.frames", "");
        int[] size = {Integer.getInteger("probe.w", 1280), Integer.getInteger("probe.h", 720)};
        String theme = System.getProperty("probe.theme", "dark");
        robot.interact(() -> {
            for (int i = 0; i < frames.size(); i++) {
                if (!only.isEmpty() && !List.of(only.split(",")).contains(String.valueOf(i))) continue;
                Frame f = frames.get(i);
                long t0 = System.nanoTime();
                LectureView view = new LectureView(new LectureModel(new Lesson("one", List.of(f))), LessonSources.NONE);
                new Scene(view, size[0], size[1]);
                view.setTheme(!theme.equals("light"), theme.equals("contrast"));
                if (Boolean.getBoolean("probe.projector")) view.setProjector(true);
                view.model().jumpTo(Math.max(1, f.stepper().count() * 2 / 5));
                long t1 = System.nanoTime();
                view.applyCss();
                view.layout();
                long t2 = System.nanoTime();
                try {
                    PngExport.save(view, 1, java.nio.file.Path.of("/tmp/probe-" + i + ".png"));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                long t3 = System.nanoTime();
                long t4 = System.nanoTime();
                int steps = Integer.getInteger("probe.steps", 0);
                for (int k = 0; k < steps; k++) {
                    view.model().forward();
                    view.layout();
                }
                long t5 = System.nanoTime();
                if (steps > 0) System.out.printf("PROBE steps: %.1f ms per step%n", (t5 - t4) / 1e6 / steps);
                double min = view.diagram().drawn().stream().mapToDouble(d -> d.fontPx()).min().orElse(0);
                System.out.printf("PROBE %d %s: build %d ms, layout %d ms, png %d ms, scale %.1f, min font %.1f, heap %d MB%n", i,
                        f.title(), (t1 - t0) / 1000000, (t2 - t1) / 1000000, (t3 - t2) / 1000000, view.diagram().scale(), min,
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            }
        });
    }
}
