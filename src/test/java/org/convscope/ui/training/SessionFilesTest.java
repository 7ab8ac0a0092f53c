package org.convscope.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.convscope.data.DatasetFolder;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.spec.Presets;
import org.convscope.training.Autosave;
import org.convscope.training.DatasetSamples;
import org.convscope.training.SessionData;
import org.convscope.training.SessionFile;
import org.convscope.training.SessionState;
import org.convscope.training.TimelineFrame;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.Snapshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Saving, opening, quitting and exporting through the studio's own buttons, with answering dialogs instead of real
 * ones: LeNet-5 on the first 512 MNIST images.
 */
@ExtendWith(ApplicationExtension.class)
class SessionFilesTest {
    private static final SessionData DATA = (dataset, spec, settings) -> new TrainingSession(spec,
            DatasetSamples.of(TrainingViewTest.mnist.train(), 512), DatasetSamples.of(TrainingViewTest.mnist.test(), 200),
            settings, KernelSelection.preferred(), dataset);

    @TempDir
    Path dir;
    private final Answers dialogs = new Answers();
    private final AtomicReference<TrainingSession> opened = new AtomicReference<>();
    private final AtomicReference<Boolean> openedUnsaved = new AtomicReference<>();
    private TrainingViewModel model;
    private TrainingView view;

    /** Answers the studio's questions as the test says, and remembers them. */
    static final class Answers implements StudioDialogs {
        volatile Path file;
        volatile QuitChoice quit = QuitChoice.CANCEL;
        final List<String> asked = new ArrayList<>();

        @Override
        public Path chooseSave(FileKind kind) {
            asked.add("save " + kind);
            return file;
        }

        @Override
        public Path chooseOpen(FileKind kind) {
            asked.add("open " + kind);
            return file;
        }

        @Override
        public QuitChoice askSaveFirst(String action, String detail) {
            asked.add(action + ": " + detail);
            return quit;
        }
    }

    /** Loads the data and warms the engine up off the FX thread, so that each test's set-up is quick. */
    @BeforeAll
    static void loadMnist() throws Exception {
        if (TrainingViewTest.mnist == null) TrainingViewTest.mnist = DatasetFolder.bundledMnist();
        try (TrainingSession warm = DATA.start("", Presets.lenet5(), TrainingSettings.defaults())) {
            warm.stepBatch().get(60, TimeUnit.SECONDS);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        model = new TrainingViewModel(DATA.start("", Presets.lenet5(), TrainingSettings.defaults()));
        SessionOpener opener = (what, make, unsaved, onFailure) -> Thread.ofPlatform().daemon().start(() -> {
            openedUnsaved.set(unsaved);
            try {
                opened.set(make.call());
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e.getMessage()));
            }
        });
        view = new TrainingView(model, ExplorerLink.NONE, opener, dialogs, DATA);
        stage.setScene(new Scene(view, 1000, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        model.close();
        if (opened.get() != null) opened.get().close();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(20);
        }
    }

    private void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(Button.class).fire());
    }

    private String status(FxRobot robot) {
        return robot.lookup("#session-status").queryAs(Label.class).getText();
    }

    private void steps(int batches) throws Exception {
        for (int b = 0; b < batches; b++) model.stepBatch().get(60, TimeUnit.SECONDS);
    }

    @Test
    void savingThenOpeningGivesTheSameWeightsCurvesAndTimeline(FxRobot robot) throws Exception {
        steps(12);
        dialogs.file = dir.resolve("run.convscope-session");
        assertTrue(model.hasUnsavedProgress());
        fire(robot, "#save-session");
        waitUntil(() -> status(robot).startsWith("Saved"));
        assertEquals("Saved run.convscope-session at step 12", status(robot));
        assertFalse(model.hasUnsavedProgress());

        fire(robot, "#open-session");
        waitUntil(() -> opened.get() != null);
        assertEquals(List.of("save SESSION", "open SESSION"), dialogs.asked);
        assertFalse(openedUnsaved.get(), "a session opened from its file starts saved");
        TrainingFrame original = model.frame();
        CompletableFuture<float[][]> originalWeights = new CompletableFuture<>();
        model.networkCopy(n -> originalWeights.complete(n.copyParams()));
        float[][] weights = originalWeights.get(60, TimeUnit.SECONDS);
        SessionState saved = SessionFile.read(dialogs.file);
        SessionState after = opened.get().capture().get(60, TimeUnit.SECONDS);

        assertEquals(12, after.step());
        assertEquals(original.settings(), after.settings());
        for (int i = 0; i < weights.length; i++) assertArrayEquals(weights[i], after.params()[i]);
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < weights.length; i++) {
                assertArrayEquals(saved.optimizerState()[k][i], after.optimizerState()[k][i]);
            }
        }
        assertArrayEquals(original.curves().steps(), after.curves().steps());
        assertArrayEquals(original.curves().batchLoss(), after.curves().batchLoss());
        assertArrayEquals(original.curves().smoothedAccuracy(), after.curves().smoothedAccuracy());
        assertEquals(2, after.timeline().size(), "snapshots at steps 0 and 10");
        for (int t = 0; t < 2; t++) {
            assertEquals(original.timeline().get(t).step(), after.timeline().get(t).step());
            for (int l = 0; l < 2; l++) {
                assertArrayEquals(original.timeline().get(t).filters().get(l).weights(),
                        after.timeline().get(t).filters().get(l).weights());
            }
        }
    }

    @Test
    void openingAFileOverUnsavedStepsOffersToSaveThemFirst(FxRobot robot) throws Exception {
        steps(3);
        dialogs.file = dir.resolve("other.convscope-session");
        opened.set(null);
        dialogs.quit = StudioDialogs.QuitChoice.CANCEL;
        fire(robot, "#open-session");
        assertEquals(List.of("open SESSION", "opening other.convscope-session: Training is paused; the session at step 3"
                + " (epoch 1) is not saved."), dialogs.asked);
        Thread.sleep(200);
        assertNull(opened.get(), "Cancel keeps the session: nothing is opened");

        dialogs.asked.clear();
        dialogs.quit = StudioDialogs.QuitChoice.SAVE;
        dialogs.file = dir.resolve("first.convscope-session");
        fire(robot, "#open-session");
        waitUntil(() -> opened.get() != null);
        assertEquals(List.of("open SESSION", "opening first.convscope-session: Training is paused; the session at step 3"
                + " (epoch 1) is not saved.", "save SESSION"), dialogs.asked);
        assertEquals(3, opened.get().capture().get(60, TimeUnit.SECONDS).step(),
                "the unsaved steps were saved, then that very file was opened");
    }

    @Test
    void exportModelWritesOnnxForAnOnnxName(FxRobot robot) throws Exception {
        steps(2);
        dialogs.file = dir.resolve("trained.onnx");
        fire(robot, "#export-model");
        waitUntil(() -> status(robot).startsWith("Exported"));
        assertEquals(List.of("save MODEL"), dialogs.asked);
        assertEquals("Exported the model at step 2 to trained.onnx; open it in the explorer", status(robot));
        CompletableFuture<org.convscope.engine.Network> copy = new CompletableFuture<>();
        model.networkCopy(copy::complete);
        org.convscope.engine.Network expected = copy.get(60, TimeUnit.SECONDS);
        org.convscope.engine.Network exported = org.convscope.open.Models.load(dialogs.file).network();
        for (int i = 0; i < expected.params().size(); i++) {
            assertArrayEquals(expected.params().get(i).value(), exported.params().get(i).value(),
                    expected.params().get(i).name());
        }
    }

    @Test
    void aDamagedOrForeignFileIsOneLineAndTheSessionTrainsOn(FxRobot robot) throws Exception {
        steps(2);
        dialogs.quit = StudioDialogs.QuitChoice.DONT_SAVE;
        dialogs.file = Files.write(dir.resolve("bad.convscope-session"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        fire(robot, "#open-session");
        waitUntil(() -> status(robot).startsWith("bad.convscope-session:"));
        assertFalse(status(robot).contains("\n"));
        assertTrue(robot.lookup("#session-status").queryAs(Label.class).getStyleClass().contains("problem"));

        dialogs.file = dir.resolve("model.safetensors");
        model.exportModel(dialogs.file).get(60, TimeUnit.SECONDS);
        fire(robot, "#open-session");
        waitUntil(() -> status(robot).startsWith("model.safetensors:"));
        assertEquals("model.safetensors: not a ConvScope session: format is convscope-model, expected convscope-session",
                status(robot));

        assertNull(opened.get());
        steps(1);
        TrainingViewTest.waitFor(model, f -> f.step() == 3);
    }

    @Test
    void quittingWhileTrainingOffersToSaveAndSaves(FxRobot robot) throws Exception {
        Path file = dir.resolve("quit.convscope-session");
        model.play();
        TrainingViewTest.waitFor(model, f -> f.running() && f.step() > 2);
        dialogs.quit = StudioDialogs.QuitChoice.CANCEL;
        assertFalse(quitAnswer(robot), "cancelled");
        assertFalse(Files.exists(file));
        TrainingFrame after = TrainingViewTest.waitFor(model, f -> f.running());
        TrainingViewTest.waitFor(model, f -> f.step() > after.step() + 2); // runs on once the answer keeps it

        dialogs.quit = StudioDialogs.QuitChoice.SAVE;
        dialogs.file = file;
        assertTrue(quitAnswer(robot), "saved, so the app may quit");
        String asked = dialogs.asked.get(dialogs.asked.size() - 2);
        assertTrue(asked.startsWith("quitting: Training is paused while you choose; the session at step "), asked);
        assertEquals("save SESSION", dialogs.asked.get(dialogs.asked.size() - 1));
        long step = SessionFile.read(file).step();
        assertTrue(step > 2);
        assertTrue(asked.contains(String.format(java.util.Locale.ROOT, "at step %,d ", step)),
                "the step asked about is the step saved: " + asked + " / " + step);

        dialogs.quit = StudioDialogs.QuitChoice.DONT_SAVE;
        assertTrue(quitAnswer(robot));
    }

    private boolean quitAnswer(FxRobot robot) throws Exception {
        AtomicReference<Boolean> answer = new AtomicReference<>();
        robot.interact(() -> answer.set(view.confirmQuit()));
        return answer.get();
    }

    @Test
    void afterACrashTheBannerRestoresTheAutosave(FxRobot robot) throws Exception {
        steps(3);
        Path autosave = dir.resolve("autosave.convscope-session");
        model.save(autosave).get(60, TimeUnit.SECONDS);
        Autosave.Recovery recovery = Autosave.recover(autosave).orElseThrow();
        robot.interact(() -> view.offerRecovery(recovery));
        HBox banner = robot.lookup("#recovery-banner").queryAs(HBox.class);
        assertTrue(banner.isVisible());
        String text = robot.lookup("#recovery-banner .label").queryAs(Label.class).getText();
        assertTrue(text.startsWith("ConvScope did not close cleanly last time. Its autosave can be restored: "
                + "lenet5 at step 3 (epoch 1), autosaved "), text);
        Snapshots.writePng(view, "training-recovery-banner");

        fire(robot, "#recovery-restore");
        waitUntil(() -> opened.get() != null);
        assertFalse(banner.isVisible());
        assertEquals(3, opened.get().capture().get(60, TimeUnit.SECONDS).step());
        assertTrue(openedUnsaved.get(), "a restored autosave is in no file the user chose: it starts unsaved");
        waitUntil(() -> !Files.exists(recovery.file()));
    }

    /**
     * A crash's autosave that reads but cannot be restored (a session of a 4×4 network, on MNIST's 28×28 digits): said
     * once in the studio's status line, set aside under a name of its own, nothing opened, and the next start is clean.
     */
    @Test
    void anAutosaveThatCannotBeRestoredIsSetAsideAndSaidOnce(FxRobot robot) throws Exception {
        Path autosave = Files.copy(Path.of("src/test/resources/org/convscope/fuzz/SessionFileFuzzTestInputs/read/"
                + "tiny-session"), dir.resolve("autosave.convscope-session"));
        Autosave.Recovery recovery = Autosave.recover(autosave).orElseThrow();
        assertTrue(recovery.readable(), recovery.summary());
        robot.interact(() -> view.offerRecovery(recovery));

        fire(robot, "#recovery-restore");
        waitUntil(() -> status(robot).contains("the autosave was kept as "));
        String line = status(robot);
        assertTrue(line.matches("autosave\\.recovered\\.convscope-session: .+; the autosave was kept as "
                + "autosave\\.unreadable-\\d{8}-\\d{6}\\.convscope-session"), line);
        assertFalse(line.contains("Exception") || line.contains("\n"), line);
        assertNull(opened.get(), "nothing was opened");
        assertFalse(Files.exists(recovery.file()), "set aside");
        try (var kept = Files.list(dir)) {
            assertEquals(1, kept.filter(f -> f.getFileName().toString().startsWith("autosave.unreadable-")).count());
        }
        assertTrue(Autosave.recover(autosave).isEmpty(), "the next start finds nothing to offer");
    }

    @Test
    void aFailingAutosaveIsShownAndTrainingGoesOn() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        try (TrainingViewModel autosaved = new TrainingViewModel(DATA.start("", Presets.lenet5(),
                TrainingSettings.defaults()), notAFolder.resolve("autosave.convscope-session"))) {
            TrainingView studio = Snapshots.onFxThread(() -> {
                TrainingView v = new TrainingView(autosaved, ExplorerLink.NONE, SessionOpener.NONE, dialogs, DATA);
                new Scene(v, 1600, 960);
                return v;
            });
            autosaved.stepBatch().get(60, TimeUnit.SECONDS);
            Label status = (Label) studio.lookup("#autosave-status");
            waitUntil(() -> status.isVisible());
            assertTrue(status.getText().startsWith("Autosave failed: plain-file: cannot create the autosave folder: "
                    + "a file of that name is in the way."),
                    status.getText());
            Snapshots.writePng(studio, "training-autosave-failed");
            autosaved.stepBatch().get(60, TimeUnit.SECONDS);
            TrainingViewTest.waitFor(autosaved, f -> f.step() == 2);
        }
    }

    @Test
    void ctrlSAsksWhereToSave(FxRobot robot) {
        robot.clickOn("#seed");
        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        assertEquals(List.of("save SESSION"), dialogs.asked);
    }

    @Test
    void theTimelineExportsAsAnimatedGifAndPngSheet(FxRobot robot) throws Exception {
        steps(21);
        // The step's future completes once its frame is published; the view model shows it at the next pulse.
        waitUntil(() -> model.frame().step() == 21);
        List<TimelineFrame> timeline = model.frame().timeline();
        assertEquals(3, timeline.size(), "steps 0, 10 and 20");
        BufferedImage one = TimelineImages.frames(timeline).get(0);

        dialogs.file = dir.resolve("timeline.gif");
        fire(robot, "#export-timeline-gif");
        waitUntil(() -> status(robot).startsWith("Saved 3 timeline snapshots"));
        try (ImageInputStream in = ImageIO.createImageInputStream(dialogs.file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals("gif", reader.getFormatName());
            assertEquals(3, reader.getNumImages(true));
            assertEquals(one.getWidth(), reader.getWidth(0));
            assertEquals(one.getHeight(), reader.getHeight(0));
        }

        Path sheet = Files.createDirectories(Snapshots.DIRECTORY).resolve("training-timeline-sheet.png");
        dialogs.file = sheet;
        fire(robot, "#export-timeline-sheet");
        waitUntil(() -> status(robot).equals("Saved 3 timeline snapshots to training-timeline-sheet.png"));
        BufferedImage png = ImageIO.read(sheet.toFile());
        assertEquals(2 * one.getWidth() + 3 * 8, png.getWidth(), "two columns");
        assertEquals(2 * one.getHeight() + 3 * 8, png.getHeight(), "two rows");
    }
}
