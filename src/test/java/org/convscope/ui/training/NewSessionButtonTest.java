package org.convscope.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.Presets;
import org.convscope.training.SessionData;
import org.convscope.training.StudioData;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.training.setup.ColourFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The studio's "New session…" button opens the editor on the studio's data and starts through the opener. */
@ExtendWith(ApplicationExtension.class)
class NewSessionButtonTest {
    @TempDir
    static Path colours;

    private TrainingViewModel model;
    private final CompletableFuture<TrainingSession> opened = new CompletableFuture<>();
    private final List<String> what = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        ColourFolders.write(colours, 12);
        List<LayerSpec> layers = new ArrayList<>(Presets.tiny().layers());
        layers.set(4, new DenseSpec("fc1", 2));
        NetworkSpec spec = new NetworkSpec("tiny", new Dims(3, 28, 28), layers);
        model = new TrainingViewModel(StudioSessions.on(StudioData.images(colours), spec, TrainingSettings.defaults()));
        SessionOpener opener = (text, make, unsaved, onFailure) -> {
            what.add(text);
            Thread.ofPlatform().start(() -> {
                try {
                    opened.complete(make.call());
                } catch (Exception e) {
                    opened.completeExceptionally(e);
                }
            });
        };
        StudioDialogs dialogs = new StudioDialogs() {
            @Override
            public Path chooseSave(FileKind kind) {
                return null;
            }

            @Override
            public Path chooseOpen(FileKind kind) {
                return null;
            }

            @Override
            public QuitChoice askSaveFirst(String action, String detail) {
                asked.add(action);
                return QuitChoice.CANCEL;
            }
        };
        stage.setScene(new Scene(new TrainingView(model, ExplorerLink.NONE, opener, dialogs, SessionData.DEFAULT), 980, 700));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        model.close();
        if (opened.isDone() && !opened.isCompletedExceptionally()) opened.get().close();
    }

    private void waitForData(FxRobot robot) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (robot.lookup("#data-summary").queryAs(Label.class).getText().startsWith("Reading")
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void unsavedStepsAreOfferedForSavingBeforeTheNewSessionReplacesThem(FxRobot robot) throws Exception {
        model.stepBatch().get(60, TimeUnit.SECONDS);
        robot.clickOn("#new-session");
        WaitForAsyncUtils.waitForFxEvents();
        waitForData(robot);
        robot.clickOn("#start-session");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, asked.size(), asked.toString());
        assertTrue(asked.get(0).startsWith("starting tiny on " + colours.getFileName()), asked.get(0));
        assertTrue(what.isEmpty(), "Cancel: nothing started");
        assertEquals(2, Window.getWindows().size(), "the New session window stays open");
        String status = robot.lookup("#start-status").queryAs(Label.class).getText();
        assertEquals("Cannot start: the current session stays open", status);
        robot.interact(() -> ((Stage) Window.getWindows().get(1)).close());
        assertEquals(1, model.frame().step(), "the session trained on is still the studio's");
    }

    @Test
    void opensTheEditorOnTheStudiosDataAndStartsTheNewSession(FxRobot robot) throws Exception {
        Button button = robot.lookup("#new-session").queryAs(Button.class);
        assertTrue(button.getTooltip().getText().contains("architecture editor"));
        assertTrue(button.getGraphic() != null, "an icon");
        robot.clickOn("#new-session");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, Window.getWindows().size(), "the New session window is open");
        waitForData(robot);
        String summary = robot.lookup("#data-summary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith(colours.getFileName() + ": 20 training and 4 test images"), summary);
        assertEquals("Current network (tiny)", String.valueOf(robot.lookup("#start-from").queryComboBox().getValue()));

        robot.clickOn("#start-from").clickOn("Wide (32 and 64 filters)");
        robot.clickOn("#start-session");
        TrainingSession session = opened.get(60, TimeUnit.SECONDS);
        assertEquals("wide", session.latestFrame().probe().spec().name());
        assertEquals(new Dims(3, 28, 28), session.latestFrame().probe().spec().input());
        assertEquals(2, session.latestFrame().probe().spec().numClasses());
        assertTrue(what.get(0).startsWith("wide on " + colours.getFileName()), what.get(0));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Window.getWindows().size() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(1, Window.getWindows().size(), "the window closes once the session exists");
    }
}
