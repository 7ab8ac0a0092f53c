package org.convscope.ui.training.setup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.convscope.ui.training.setup.SetupRobot.type;
import static org.convscope.ui.training.setup.SetupRobot.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.Presets;
import org.convscope.engine.train.SampleSource;
import org.convscope.model.ModelFile;
import org.convscope.onnx.exporter.OnnxExport;
import org.convscope.open.Models;
import org.convscope.training.StudioData;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.Snapshots;
import org.convscope.ui.training.StudioDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "New session" started from model files, driven headless: an ONNX graph on colour images, ONNX LeNets on MNIST (the
 * fixture, then the bundled trained model exported to ONNX), and a file that cannot be opened.
 */
@ExtendWith(ApplicationExtension.class)
class ModelStartTest {
    private static final Path RESBLOCK = Path.of("src/test/resources/onnx/resblock-opset11/model.onnx");
    private static final Path LENET = Path.of("src/test/resources/onnx/lenet/model.onnx");

    @TempDir
    static Path folder;

    private final ChosenFiles dialogs = new ChosenFiles();
    private final SetupRobot.Host opener = new SetupRobot.Host();
    private NewSessionPane pane;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        ColourFolders.write(folder.resolve("colours"), 12);
        pane = new NewSessionPane(Presets.lenet5(), null, TrainingSettings.defaults(), opener, dialogs);
        stage.setScene(new Scene(pane, 980, 700));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        opener.close();
    }

    private void chooseData(FxRobot robot, StudioData.Kind kind, Path dir) throws Exception {
        robot.interact(() -> pane.dataPane().choose(kind, dir));
        waitUntil(() -> pane.dataPane().dataProperty().get() != null && !pane.dataPane().loadingProperty().get(),
                "the data");
    }

    /** Open model… answered with {@code file}, then waits until it is the start. */
    private void openModel(FxRobot robot, Path file) throws Exception {
        dialogs.next(file);
        robot.clickOn("#open-model");
        waitUntil(() -> pane.editor.start.getValue().title().equals("Model " + file.getFileName()), "the model");
        assertEquals(StudioDialogs.FileKind.MODEL_TO_START, dialogs.asked.getLast());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean disabled(FxRobot robot, String id) {
        return robot.lookup(id).query().isDisabled();
    }

    private static float[] param(Network net, String name) {
        for (Param p : net.params()) if (p.name().equals(name)) return p.value();
        throw new AssertionError("no parameter " + name);
    }

    @Test
    void anOnnxGraphOnColourImagesStaysAGraphAndStartsFromTheFilesWeights(FxRobot robot) throws Exception {
        chooseData(robot, StudioData.Kind.IMAGES, folder.resolve("colours"));
        openModel(robot, RESBLOCK);
        Network model = Models.load(RESBLOCK).network();
        NetworkSpec graph = model.spec();

        assertEquals(graph.layers().size(), pane.editor.table.getItems().size());
        assertTrue(robot.lookup("#graph-note").query().isVisible());
        robot.interact(() -> pane.editor.table.getSelectionModel().select(graph.indexOf("block1.conv1")));
        for (String id : List.of("#add-layer", "#remove-layer", "#move-up", "#move-down")) {
            assertTrue(disabled(robot, id), id + " is off for a graph");
        }
        assertEquals(ArchitectureEditor.GRAPH_NOTE, robot.lookup("#edit-tools").query().getProperties().values().stream()
                .filter(v -> v instanceof javafx.scene.control.Tooltip).map(v -> ((javafx.scene.control.Tooltip) v)
                        .getText()).findFirst().orElse("no tooltip"));
        robot.interact(() -> pane.editor.table.scrollTo(graph.indexOf("block1.add")));
        assertTrue(robot.lookup("block1.bn2, stem.2").tryQuery().isPresent(), "the reads column names both inputs");
        assertEquals("Weights from model.onnx for 12 of 13 layers; fc starts fresh: 10 → 2 classes",
                text(robot, "#start-weights"));
        long parameters = graph.parameterCount() - (32 * 10 + 10) + (32 * 2 + 2); // fc: 10 → 2 classes
        assertEquals(String.format(java.util.Locale.ROOT, "model on colours · %,d parameters · weights from model.onnx",
                parameters), text(robot, "#start-status"), "named after the file, at its own input size");

        type(robot, "#kernel-height", "5");
        type(robot, "#kernel-width", "5");
        type(robot, "#padding", "2");
        assertEquals("Weights from model.onnx for 11 of 13 layers; block1.conv1 starts fresh: kernel 3×3 → 5×5;"
                + " fc starts fresh: 10 → 2 classes", text(robot, "#start-weights"));
        snapshots("new-session-graph");
        robot.interact(() -> pane.editor.table.getSelectionModel().select(graph.indexOf("block1.bn1")));
        snapshots("new-session-graph-batch-norm");

        robot.clickOn("#start-session");
        TrainingSession session = opener.started.get(60, TimeUnit.SECONDS);
        // Start training trains at once; Reset brings back the weights the session started from.
        session.pause().get(30, TimeUnit.SECONDS);
        session.reset(1).get(30, TimeUnit.SECONDS);
        Network trained = session.networkCopy().get(30, TimeUnit.SECONDS);
        assertEquals(graph.sources(), trained.spec().sources(), "the session trains the graph");
        assertEquals(graph.input(), trained.spec().input());
        assertArrayEquals(param(model, "block2.conv2.weight"), param(trained, "block2.conv2.weight"));
        assertEquals(16 * 16 * 5 * 5, param(trained, "block1.conv1.weight").length);
        assertArrayEquals(model.buffers().getFirst().value(), trained.buffers().getFirst().value(),
                "batch norm statistics from the file");
    }

    @Test
    void onnxLenetsOnMnistKeepEveryEditAndATrainedOneStartsAtItsOwnAccuracy(FxRobot robot) throws Exception {
        chooseData(robot, StudioData.Kind.MNIST, null);
        openModel(robot, LENET);
        assertFalse(robot.lookup("#graph-note").query().isVisible());
        assertFalse(disabled(robot, "#add-layer"), "a sequence keeps its editing");
        assertEquals("Weights from model.onnx (every layer)", text(robot, "#start-weights"));
        robot.interact(() -> pane.editor.table.getSelectionModel().select(0));
        robot.clickOn("#add-layer").clickOn("Activation");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(13, pane.editor.table.getItems().size());
        assertEquals("Weights from model.onnx (every layer)", text(robot, "#start-weights"), "a ReLU has no weights");

        Path trainedOnnx = folder.resolve("lenet5-trained.onnx");
        ModelFile.Model bundled = ModelFile.loadDefault();
        OnnxExport.write(trainedOnnx, bundled.network(), java.util.Map.of());
        openModel(robot, trainedOnnx);
        assertEquals(1, pane.editor.start.getItems().stream().filter(s -> s.weights() != null).count(),
                "the model opened last replaces the one before");
        assertEquals("Weights from lenet5-trained.onnx (every layer)", text(robot, "#start-weights"));

        robot.clickOn("#start-session");
        TrainingSession session = opener.started.get(120, TimeUnit.SECONDS);
        session.evaluate().get(120, TimeUnit.SECONDS);
        double accuracy = session.latestFrame().test().accuracy();
        assertEquals(accuracy(bundled.network(), session.testSource()), accuracy, 1e-12, "the model's own accuracy");
        assertTrue(accuracy > 0.98, "not chance: " + accuracy);
    }

    @Test
    void theCurrentNetworkOfASessionStartedFromAModelIsOfferedWithThoseWeights(FxRobot robot) throws Exception {
        Network model = Models.load(RESBLOCK).network();
        NewSessionPane again = Snapshots.onFxThread(() -> new NewSessionPane(model.spec(),
                org.convscope.training.StartWeights.of(model, "model.onnx"), TrainingSettings.defaults(), opener, dialogs));
        assertEquals("Current network (model)", again.editor.start.getValue().title());
        assertEquals("The network the studio trains now, from the weights it started with (model.onnx)",
                again.editor.startDescription.getText());
        assertEquals("Weights from model.onnx (every layer)", again.editor.weights.getText());
        assertTrue(again.editor.graphNote.isVisible());
    }

    /** The share of {@code test} that {@code net} classifies right, computed here without the studio. */
    private static double accuracy(Network net, SampleSource test) {
        Workspace ws = new Workspace(net, KernelSelection.preferred(), 100);
        int[] all = new int[test.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        int right = 0;
        for (int from = 0; from < all.length; from += 100) {
            int n = Math.min(100, all.length - from);
            test.fill(all, from, n, ws.input());
            ws.forward(n);
            for (int i = 0; i < n; i++) if (ws.predicted(i) == test.label(from + i)) right++;
        }
        return (double) right / all.length;
    }

    @Test
    void aFileThatCannotBeOpenedIsOneLineAndChangesNothing(FxRobot robot) throws Exception {
        chooseData(robot, StudioData.Kind.IMAGES, folder.resolve("colours"));
        NetworkSpec before = pane.editor.start.getValue().spec();
        List<?> rowsBefore = List.copyOf(pane.editor.table.getItems());
        Path bad = folder.resolve("broken.onnx");
        Files.write(bad, new byte[] {8, 7, 18, 3, 'x', 'y'});
        dialogs.next(bad);
        robot.clickOn("#open-model");
        waitUntil(() -> text(robot, "#model-status").startsWith("Cannot open it"), "the failure");
        String line = text(robot, "#model-status");
        assertTrue(line.contains("broken.onnx: "), line);
        assertTrue(line.endsWith(" — the network is unchanged."), line);
        assertFalse(line.contains("\n"), "one line: " + line);
        assertEquals(before, pane.editor.start.getValue().spec());
        assertEquals(rowsBefore, pane.editor.table.getItems());
        assertFalse(disabled(robot, "#start-session"));
        assertFalse(disabled(robot, "#open-model"), "another file can be tried");
        snapshots("new-session-model-failed");

        robot.clickOn("#open-model"); // cancelled: nothing changes
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(line, text(robot, "#model-status"));
        assertEquals(rowsBefore, pane.editor.table.getItems());
    }

    /**
     * The pane at the window sizes it must fit (the dialog opens at 980×700), written to
     * target/snapshots/NAME-WxH.png. Off screen: the headless
     * screen is 1000×1000; the pane goes back into its window afterwards.
     */
    private void snapshots(String name) throws Exception {
        Scene window = stage.getScene();
        for (int[] size : new int[][] {{980, 700}, {1280, 720}, {1920, 1080}}) {
            Scene offScreen = Snapshots.onFxThread(() -> {
                window.setRoot(new Pane());
                return new Scene(pane, size[0], size[1]);
            });
            Snapshots.writePng(pane, name + "-" + size[0] + "x" + size[1]);
            Snapshots.onFxThread(() -> {
                offScreen.setRoot(new Pane());
                window.setRoot(pane);
                return null;
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
