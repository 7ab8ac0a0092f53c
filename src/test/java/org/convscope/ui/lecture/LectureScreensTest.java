package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.convscope.io.FileException;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.convscope.ui.view.PngExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders every frame of the shipped lessons at 1920×1080, part-way through its steps, to
 * {@code target/lecture-screens/} for a look (and checks only that the files were written).
 */
@ExtendWith(ApplicationExtension.class)
class LectureScreensTest {
    static final Path OUT = Path.of("target", "lecture-screens");
    static {
        HeadlessFx.useJavaFxHeadless();
    }

    @Start
    void start(Stage stage) {
        // The scenes below are rendered without a window: the headless screen is only 1000×1000.
    }

    @Test
    void rendersEveryFrameAtProjectorSize(FxRobot robot) throws Exception {
        Files.createDirectories(OUT);
        List<Lesson> lessons = LessonFile.loadFolder(Path.of("samples", "lessons"), LessonSources.NONE);
        for (int l = 0; l < lessons.size(); l++) {
            Lesson lesson = lessons.get(l);
            String name = "lesson" + l + "-frame";
            robot.interact(() -> {
                LectureModel model = new LectureModel(lesson);
                LectureView view = new LectureView(model, LessonSources.NONE);
                new Scene(view, 1920, 1080);
                for (int frame = 0; frame < lesson.size(); frame++) {
                    if (frame > 0) model.nextFrame();
                    model.jumpTo(Math.max(1, model.stepper().count() * 2 / 5));
                    view.getStyleClass().remove("high-contrast");
                    if (frame % 3 == 1) view.getStyleClass().add("high-contrast");
                    save(view, OUT.resolve(name + frame + ".png"));
                }
            });
            for (int i = 0; i < lesson.size(); i++) assertTrue(Files.size(OUT.resolve(name + i + ".png")) > 1000);
        }
    }

    static void save(LectureView view, Path file) {
        view.applyCss();
        view.layout();
        try {
            PngExport.save(view, 1, file);
        } catch (FileException e) {
            throw new AssertionError(e);
        }
    }
}
