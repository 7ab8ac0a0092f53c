package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The robot draws digits on the explorer, stroke by stroke, and the top guess follows. */
@ExtendWith(ApplicationExtension.class)
class ExplorerViewTest {
    private ExplorerFixture fx;

    @Start
    void start(Stage stage) throws Exception {
        fx = new ExplorerFixture(stage);
    }

    @AfterEach
    void close() {
        fx.view.close();
    }

    @Test
    void robotDrawsDigitsAndTheTopGuessFollows(FxRobot robot) throws Exception {
        for (int digit : new int[] {7, 1, 3}) {
            robot.clickOn("#clear");
            for (float[][] stroke : DigitStrokes.of(digit)) fx.robotStroke(robot, stroke, 80, 40, 200);
            fx.settle();
            assertEquals(digit, fx.topGuess(), "after drawing " + digit);
            ExplorerFixture.snapshot(fx.view, "explorer-" + digit);
        }
    }
}
