package org.convscope.ui.training.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.convscope.ui.training.setup.SetupRobot.type;
import static org.convscope.ui.training.setup.SetupRobot.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.Presets;
import org.convscope.training.StudioData;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.Snapshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "New session" pane driven headless: data, a preset, edits in the editor, Start. */
@ExtendWith(ApplicationExtension.class)
class NewSessionPaneTest {
    @TempDir
    static Path folder;

    private static final ChosenFiles NO_DIALOGS = new ChosenFiles();

    private final SetupRobot.Host opener = new SetupRobot.Host();
    private NewSessionPane pane;
    private boolean closed;

    @Start
    void start(Stage stage) throws Exception {
        ColourFolders.write(folder, 12);
        pane = new NewSessionPane(Presets.lenet5(), null, TrainingSettings.defaults(), opener, NO_DIALOGS);
        pane.setOnClose(() -> closed = true);
        stage.setScene(new Scene(pane, 980, 700));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        opener.close();
    }

    private void chooseImages(FxRobot robot) throws Exception {
        robot.interact(() -> pane.dataPane().choose(StudioData.Kind.IMAGES, folder));
        waitUntil(() -> pane.dataPane().dataProperty().get() != null, "the image folder");
    }

    @Test
    void buildsANetworkInTheEditorAndStartsIt(FxRobot robot) throws Exception {
        chooseImages(robot);
        assertEquals("3", robot.lookup("#input-channels").queryAs(Label.class).getText());
        String summary = robot.lookup("#data-summary").queryAs(Label.class).getText();
        assertTrue(summary.contains("20 training and 4 test images, 2 classes, colour (3 channels)"), summary);
        assertTrue(summary.contains("1 in 6"), summary);

        robot.clickOn("#start-from").clickOn("Tiny (one convolution)");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, ((DenseSpec) pane.editor.table.getItems().get(4).spec()).units(), "fc1 fits the 2 classes");

        // After pool1, add a convolution and make it 12 filters of 3×3 without padding.
        robot.clickOn("pool1").clickOn("#add-layer").clickOn("Convolution");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("conv2", pane.editor.table.getSelectionModel().getSelectedItem().spec().name());
        type(robot, "#filters", "12");
        type(robot, "#padding", "0");
        ArchitectureModel.Row conv2 = pane.editor.table.getItems().get(3);
        assertEquals(new Dims(12, 10, 10), conv2.output());
        assertEquals(12L * 8 * 9 + 12, conv2.parameters());
        // The editor writes sizes as the rest of the app: height × width × depth.
        assertEquals("10×10×12", robot.lookup("10×10×12").queryAs(javafx.scene.control.Labeled.class).getText());

        robot.clickOn("#start-session");
        TrainingSession session = opener.started.get(60, TimeUnit.SECONDS);
        NetworkSpec spec = session.latestFrame().probe().spec();
        assertEquals(new Dims(3, 28, 28), spec.input());
        assertEquals(ConvSpec.square("conv2", 12, 3, 1, 0), spec.layers().get(3));
        assertEquals(folder.toString(), session.dataset());
        waitUntil(() -> session.latestFrame().step() >= 2, "Start training to train, not wait at step 0");
        waitUntil(() -> closed, "the pane to close after the start");
    }

    @Test
    void anInvalidNetworkDisablesStartWithTheReasonShown(FxRobot robot) throws Exception {
        chooseImages(robot);
        Button start = robot.lookup("#start-session").queryAs(Button.class);
        assertFalse(start.isDisabled());
        robot.clickOn("conv2");
        type(robot, "#kernel-height", "17");
        String reason = "conv2: 17-high kernel does not fit the input height 14; add padding or use a smaller kernel";
        assertTrue(start.isDisabled());
        assertEquals("Cannot train this network: " + reason,
                robot.lookup("#network-verdict").queryAs(Label.class).getText());
        assertEquals("Start is disabled: " + reason, robot.lookup("#start-status").queryAs(Label.class).getText());
        assertEquals(null, pane.editor.table.getItems().get(3).output(), "conv2 has no shape");
        Snapshots.writePng(pane, "new-session-invalid");

        type(robot, "#kernel-height", "5");
        assertFalse(start.isDisabled());
        Snapshots.writePng(pane, "new-session-editor");
    }

    @Test
    void aFailedStartIsShownAndStartCanBePressedAgain(FxRobot robot) throws Exception {
        chooseImages(robot);
        opener.failWith = "not enough memory for this network";
        robot.clickOn("#start-session");
        waitUntil(() -> robot.lookup("#start-status").queryAs(Label.class).getText().startsWith("Cannot start"), "failure");
        assertEquals("Cannot start: not enough memory for this network",
                robot.lookup("#start-status").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#start-session").queryAs(Button.class).isDisabled());
        assertFalse(closed);
    }

    @Test
    void aBadFolderIsExplainedAndTheDataBeforeStays(FxRobot robot) throws Exception {
        chooseImages(robot);
        Path empty = Files.createTempDirectory("no-classes");
        robot.interact(() -> pane.dataPane().choose(StudioData.Kind.IMAGES, empty));
        waitUntil(() -> !pane.dataPane().loadingProperty().get(), "the bad folder");
        String text = robot.lookup("#data-summary").queryAs(Label.class).getText();
        assertEquals("Cannot use it: " + empty + ": no class folders; expected one sub-folder of PNG or JPG images per"
                + " class — still using " + folder.getFileName() + ".", text);
        assertEquals(folder, pane.dataPane().dataProperty().get().folder());
        assertFalse(robot.lookup("#start-session").queryAs(Button.class).isDisabled());
    }

    @Test
    void enterInANumberFieldCommitsTheNumberAndStartsNothing(FxRobot robot) throws Exception {
        chooseImages(robot);
        robot.clickOn("conv2");
        robot.doubleClickOn(robot.lookup("#filters").queryAs(javafx.scene.control.Spinner.class).getEditor()).write("20")
                .type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        assertFalse(opener.started.isDone(), "Enter started a session");
        assertEquals(20, ((ConvSpec) pane.editor.table.getItems().get(3).spec()).filters());
    }

    @Test
    void aNumberOutOfRangeIsSaidNotSilentlyChanged(FxRobot robot) throws Exception {
        chooseImages(robot);
        robot.clickOn("conv2");
        robot.doubleClickOn(robot.lookup("#kernel-height").queryAs(javafx.scene.control.Spinner.class).getEditor())
                .write("40");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("kernel height: 40 is more than 31, the largest", robot.lookup("#form-problem").queryAs(Label.class)
                .getText());
        robot.clickOn("#layer-name");
        WaitForAsyncUtils.waitForFxEvents();
        String after = robot.lookup("#form-problem").queryAs(Label.class).getText();
        assertTrue(after.startsWith("kernel height: 40 is more than 31, the largest; kept "), after);
    }

    @Test
    void poolingIsNamedInWordsAndALongProblemLeavesTheButtonsWhole(FxRobot robot) throws Exception {
        chooseImages(robot);
        robot.clickOn("pool1");
        var kind = robot.lookup("#pool-kind").queryAs(javafx.scene.control.ComboBox.class);
        var shown = (javafx.scene.control.ListCell<?>) ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) kind.getSkin())
                .getDisplayNode();
        assertEquals("max pool", shown.getText(), "the kind as the combo box shows it");
        robot.clickOn("conv2");
        type(robot, "#kernel-height", "17");
        for (String id : new String[] {"#start-session", "#cancel-session"}) {
            Button b = robot.lookup(id).queryAs(Button.class);
            assertTrue(b.getWidth() >= b.prefWidth(-1) - 0.5, id + " squeezed to " + b.getWidth());
        }
    }

    @Test
    void freezingTrainsOnlyTheLastLayers(FxRobot robot) throws Exception {
        chooseImages(robot);
        robot.clickOn("#freeze");
        type(robot, "#train-last", "2");
        assertEquals("fc2, fc3 train; 3 layers are frozen", robot.lookup("#freeze-note").queryAs(Label.class).getText());
        assertEquals("frozen", pane.editor.table.getItems().get(0).training());
        assertEquals("trains", pane.editor.table.getItems().get(11).training());
        robot.clickOn("#start-session");
        TrainingSession session = opener.started.get(60, TimeUnit.SECONDS);
        assertEquals(2, session.latestFrame().settings().trainLast());
        float[] before = session.latestFrame().filters().get(0).weights().clone();
        waitUntil(() -> session.latestFrame().step() >= 3, "a few steps");
        session.pause().get(60, TimeUnit.SECONDS);
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, session.latestFrame().filters().get(0).weights(),
                "conv1 is frozen");
    }
}
