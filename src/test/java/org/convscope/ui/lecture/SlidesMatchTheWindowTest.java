package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.convscope.ui.view.PngExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Item 9 of the lecture issue: {@code convscope lesson export} draws "the same rendering as the window". Each slide of
 * a shipped lesson is compared, pixel by pixel, with the lecture view as a lecturer gets it on a 1024×768 projector in
 * the light theme: the lesson opened, H for projector mode, End for the frame's last step, Page Down to the next frame.
 */
@ExtendWith(ApplicationExtension.class)
class SlidesMatchTheWindowTest {
    private static final Path LESSON = Path.of("samples", "lessons", "kernel-playground.json");

    static {
        HeadlessFx.useJavaFxHeadless();
    }

    @Start
    void start(Stage stage) {
        // drawn without a window
    }

    @Test
    void everySlideIsTheWindowInProjectorModeAtTheFramesLastStep(FxRobot robot, @TempDir Path dir) throws Exception {
        int written = LessonSlides.export(LESSON, 1024, 768, dir, false, "light");
        Lesson lesson = LessonFile.load(LESSON, LessonSources.NONE);
        assertEquals(lesson.size(), written);
        List<BufferedImage> window = new ArrayList<>();
        robot.interact(() -> {
            LectureView view = new LectureView(new LectureModel(lesson), LessonSources.NONE);
            new Scene(view, 1024, 768);
            view.lightProperty().set(true);
            view.setProjector(true);
            for (int i = 0; i < lesson.size(); i++) {
                view.model().jumpTo(view.model().stepper().count());
                view.applyCss();
                view.layout();
                window.add(SwingFXUtils.fromFXImage(PngExport.snapshot(view, 1), null));
                view.model().nextFrame();
            }
        });
        for (int i = 0; i < lesson.size(); i++) {
            BufferedImage slide = ImageIO.read(dir.resolve(String.format("frame-%02d.png", i + 1)).toFile());
            BufferedImage shown = window.get(i);
            assertEquals(shown.getWidth(), slide.getWidth(), "frame " + (i + 1));
            assertEquals(shown.getHeight(), slide.getHeight(), "frame " + (i + 1));
            int differ = 0;
            for (int y = 0; y < slide.getHeight(); y++) {
                for (int x = 0; x < slide.getWidth(); x++) {
                    if ((slide.getRGB(x, y) & 0xFFFFFF) != (shown.getRGB(x, y) & 0xFFFFFF)) differ++;
                }
            }
            assertEquals(0, differ, "frame " + (i + 1) + ": pixels that differ from the window");
        }
    }
}
