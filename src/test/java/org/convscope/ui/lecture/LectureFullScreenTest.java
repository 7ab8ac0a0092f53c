package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** §1.3: F puts the lecture's window in full screen and F again takes it out, headless. */
@ExtendWith(ApplicationExtension.class)
class LectureFullScreenTest {
    static {
        HeadlessFx.useJavaFxHeadless();
    }

    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        LectureView view = new LectureView(new LectureModel(LessonFile.load(
                Path.of("samples/lessons/layers-after-convolution.json"), LessonSources.NONE)), LessonSources.NONE);
        stage.setScene(new Scene(view, 800, 600));
        // At the top-left corner: full screen keeps the window's position, and the headless screen is 1000×1000.
        stage.setX(0);
        stage.setY(0);
        stage.show();
        view.requestFocus();
    }

    @Test
    void fTogglesFullScreen(FxRobot robot) {
        assertFalse(stage.isFullScreen());
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isFullScreen(), "F goes full screen");
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isFullScreen(), "F again comes back");
    }
}
