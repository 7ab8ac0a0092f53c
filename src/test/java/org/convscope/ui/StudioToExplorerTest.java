package org.convscope.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.convscope.data.CifarFiles;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.train.SampleSource;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.training.StudioData;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.explorer.ExplorerModel;
import org.convscope.ui.explorer.ExplorerView;
import org.convscope.ui.explorer.Frame;
import org.convscope.ui.training.TrainingView;
import org.convscope.ui.training.TrainingViewModel;
import org.convscope.ui.training.TrainingViewTestAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A colour test image of the studio (CIFAR-10 binary batches the test writes) opens in the explorer: double-clicking
 * it in a confusion-matrix cell puts the model as it is into the explorer, with that image, as the studio trains on
 * it, as the explorer's input, and brings the explorer into view. Written to
 * target/snapshots/studio-to-explorer-colour.png.
 */
class StudioToExplorerTest {
    @TempDir
    static Path dir;

    /** conv 4@3×3 → ReLU → max pool → FC 10 on 3×32×32. */
    private static NetworkSpec smallColour() {
        return new NetworkSpec("small colour", new Dims(3, 32, 32), List.of(
                ConvSpec.square("conv1", 4, 3, 1, 1),
                new ActivationSpec("relu1", ActivationSpec.Kind.RELU),
                new PoolSpec("pool1", PoolSpec.Kind.MAX, 2, 2),
                new FlattenSpec("flatten"),
                new DenseSpec("fc", 10),
                new SoftmaxSpec("softmax")));
    }

    @Test
    void aColourTestImageOpensInTheExplorerAsItsInput() throws Exception {
        Path cifar = CifarFiles.folder(dir.resolve("cifar"));
        AtomicBoolean shown = new AtomicBoolean();
        ExplorerModel explorer = Snapshots.onFxThread(ExplorerModel::withBundledModel);
        ExplorerView explorerView = Snapshots.onFxThread(() -> {
            ExplorerView v = new ExplorerView(explorer);
            new Scene(v, 1280, 720);
            return v;
        });
        try (TrainingViewModel model = Snapshots.onFxThread(() -> new TrainingViewModel(StudioSessions.on(
                StudioData.cifar10(cifar), smallColour(), TrainingSettings.defaults().withBatchSize(2))))) {
            for (int b = 0; b < 3; b++) model.stepBatch().get(60, TimeUnit.SECONDS);
            TrainingFrame f = TrainingViewTestAccess.waitFor(model, fr -> fr.step() == 3 && fr.test() != null && fr.testStep() == 3);
            int[] cell = nonEmptyCell(f.test().confusion());
            TrainingView studio = Snapshots.onFxThread(() -> {
                TrainingView v = new TrainingView(model, new StudioToExplorer(explorer, () -> shown.set(true)));
                new Scene(new StackPane(v), 1280, 720);
                v.applyCss();
                v.layout();
                v.showConfusionCell(cell[0], cell[1]);
                return v;
            });
            Node image = waitForNode(studio, ".test-image");
            int index = (int) image.getUserData();
            SampleSource test = model.testSource();
            float[] expected = new float[test.dims().size()];
            test.fill(new int[] {index}, 0, 1, expected);
            CompletableFuture<Network> studioNetwork = new CompletableFuture<>();
            model.networkCopy(studioNetwork::complete);

            Snapshots.onFxThread(() -> {
                doubleClick(image);
                return null;
            });
            Frame opened = waitForFrame(explorer, fr -> fr.photo() != null && fr.photo().input().length == expected.length);
            assertTrue(shown.get(), "the explorer is brought into view");
            assertTrue(opened.photo().isTensor(), "taken as the tensor the studio trains on");
            assertArrayEquals(expected, opened.photo().input(), "the test image as the studio trains on it");
            assertTrue(explorer.photoModeProperty().get(), "a photo, not the drawing canvas");
            assertEquals(StudioToExplorer.MODEL_NAME, explorer.modelNameProperty().get());
            assertEquals("test image · label " + test.label(index), explorer.sourceProperty().get());
            Network inExplorer = explorer.networkProperty().get();
            Network trained = studioNetwork.get(60, TimeUnit.SECONDS);
            assertEquals(trained.spec(), inExplorer.spec(), "the studio's network");
            for (int p = 0; p < trained.params().size(); p++) {
                assertArrayEquals(trained.params().get(p).value(), inExplorer.params().get(p).value(),
                        "with its weights as trained: " + trained.params().get(p).name());
            }
            assertEquals(10, opened.probabilities().length, "classified");
            assertEquals(test.label(index), opened.truth(), "its true class, marked in the bars as a test digit's is");
            Snapshots.onFxThread(() -> {
                explorerView.applyCss();
                explorerView.layout();
                return null;
            });
            Snapshots.writePng(explorerView, "studio-to-explorer-colour");
        } finally {
            Snapshots.onFxThread(() -> {
                explorerView.close();
                return null;
            });
        }
    }

    @Test
    void aTensorOfAnotherSizeIsRefusedInOneLine() throws Exception {
        ExplorerModel explorer = Snapshots.onFxThread(ExplorerModel::withBundledModel);
        try {
            Network colour = Network.initialized(smallColour(), 1);
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> explorer.openTensor(colour, "small colour", new float[28 * 28], "test image · label 3"));
            assertTrue(e.getMessage().contains("784 values") && e.getMessage().contains("3072 values"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        } finally {
            explorer.close();
        }
    }

    private static int[] nonEmptyCell(int[][] confusion) {
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion[t].length; p++) if (confusion[t][p] > 0) return new int[] {t, p};
        }
        throw new AssertionError("an empty confusion matrix");
    }

    private static void doubleClick(Node node) {
        Point2D scene = node.localToScene(node.getLayoutBounds().getCenterX(), node.getLayoutBounds().getCenterY());
        node.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, scene.getX(), scene.getY(), 0, 0, MouseButton.PRIMARY,
                2, false, false, false, false, true, false, false, true, false, false, null));
    }

    private static Frame waitForFrame(ExplorerModel explorer, Predicate<Frame> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Frame f = Snapshots.onFxThread(() -> explorer.frameProperty().get());
            if (f != null && condition.test(f)) return f;
            Thread.sleep(20);
        }
        throw new AssertionError("the explorer did not show the image");
    }

    private static Node waitForNode(Node root, String selector) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Node n = Snapshots.onFxThread(() -> root.lookup(selector));
            if (n != null) return n;
            Thread.sleep(20);
        }
        throw new AssertionError("no " + selector);
    }
}
