package org.convscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.convscope.training.SessionFile;
import org.convscope.ui.training.StudioDialogs;
import org.convscope.ui.training.TrainingView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing the window asks the studio first: nothing to ask without training, Save / Don't save / Cancel with it; a
 * session just opened from its file has nothing to lose until it trains or its settings change.
 */
@ExtendWith(ApplicationExtension.class)
class QuitTest {
    @TempDir
    Path dir;
    private final List<String> asked = new ArrayList<>();
    private volatile StudioDialogs.QuitChoice answer = StudioDialogs.QuitChoice.CANCEL;
    private volatile Path toOpen;
    private MainLayout layout;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        layout = new MainLayout(new StudioDialogs() {
            @Override
            public Path chooseSave(FileKind kind) {
                asked.add("save " + kind);
                return dir.resolve("quit.convscope-session");
            }

            @Override
            public Path chooseOpen(FileKind kind) {
                asked.add("open " + kind);
                return toOpen;
            }

            @Override
            public QuitChoice askSaveFirst(String action, String detail) {
                asked.add(action.equals("quitting") ? "quit" : action);
                return answer;
            }
        });
        stage.setScene(new Scene(layout, 1000, 800));
        layout.governQuitting(stage);
        this.stage = stage;
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(layout::close);
    }

    private boolean quit(FxRobot robot) {
        AtomicBoolean may = new AtomicBoolean();
        robot.interact(() -> may.set(layout.confirmQuit()));
        return may.get();
    }

    @Test
    void quittingAfterTrainingAsksAndSavesOnSave(FxRobot robot) throws Exception {
        assertTrue(quit(robot), "before the studio opens there is nothing to lose");
        TabPane tabs = layout.tabs();
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> tabs.getTabs().get(2).getContent() instanceof TrainingView);
        assertTrue(quit(robot), "a fresh session has nothing to lose");
        assertEquals(List.of(), asked);

        robot.interact(() -> robot.lookup("#step-batch").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            answer = StudioDialogs.QuitChoice.CANCEL;
            return !quit(robot);
        });
        robot.interact(() -> tabs.getSelectionModel().select(0));
        assertFalse(quit(robot), "cancelled");
        assertEquals(2, tabs.getSelectionModel().getSelectedIndex(), "the studio is shown after a cancelled quit");

        answer = StudioDialogs.QuitChoice.SAVE;
        assertTrue(quit(robot));
        assertEquals("save SESSION", asked.get(asked.size() - 1));
        assertEquals(1, SessionFile.read(dir.resolve("quit.convscope-session")).step());
        assertTrue(quit(robot), "saved: nothing left to lose");
    }

    @Test
    void aSessionJustOpenedFromItsFileHasNothingToLoseUntilItsSettingsChange(FxRobot robot) throws Exception {
        TabPane tabs = layout.tabs();
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> tabs.getTabs().get(2).getContent() instanceof TrainingView);
        TrainingView trained = (TrainingView) tabs.getTabs().get(2).getContent();
        robot.interact(() -> robot.lookup("#step-batch").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !quit(robot));
        Path file = dir.resolve("quit.convscope-session");
        robot.interact(() -> robot.lookup("#save-session").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> quit(robot));

        toOpen = file;
        robot.interact(() -> robot.lookup("#open-session").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> tabs.getTabs().get(2).getContent() instanceof TrainingView v
                && v != trained);
        asked.clear();
        assertTrue(quit(robot), "just opened from its file: nothing to lose");
        assertEquals(List.of(), asked);

        robot.interact(() -> {
            robot.lookup("#learning-rate").queryAs(TextField.class).setText("0.02");
            robot.lookup("#apply-settings").queryAs(Button.class).fire();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !quit(robot));
        assertEquals("quit", asked.get(asked.size() - 1), "a new learning rate is not in the file: quitting asks");
    }

    @Test
    void theQuitShortcutAsksAsClosingTheWindowDoes(FxRobot robot) throws Exception {
        TabPane tabs = layout.tabs();
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> tabs.getTabs().get(2).getContent() instanceof TrainingView);
        robot.interact(() -> robot.lookup("#step-batch").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !quit(robot));
        robot.interact(() -> tabs.getSelectionModel().select(0)); // from the explorer, whose keys are its own
        asked.clear();

        answer = StudioDialogs.QuitChoice.CANCEL;
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Q)
                .release(javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("quit"), asked, "Ctrl+Q asks first");
        assertTrue(stage.isShowing(), "cancelled: the window stays");

        answer = StudioDialogs.QuitChoice.DONT_SAVE;
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Q)
                .release(javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("quit", "quit"), asked);
        assertFalse(stage.isShowing(), "not saved, as chosen: the window closes");
    }
}
