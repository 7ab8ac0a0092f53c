package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javax.imageio.ImageIO;
import org.convscope.data.Cifar10;
import org.convscope.data.CifarFiles;
import org.convscope.data.DatasetFolder;
import org.convscope.data.PhotoPreprocess;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.explain.FeatureVisualization;
import org.convscope.engine.explain.TopActivations;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.model.ModelFile;
import org.convscope.open.Models;
import org.convscope.training.DatasetSamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a channel looks for and the images that excite it, from the inspector panel: the visualisation equals the
 * engine's (same settings, same seed), a cancel stops it, the nine top images of the bundled MNIST test set (LeNet)
 * and of a folder of photos or of CIFAR-10 batches (a colour model) are the engine's, an empty folder is one line.
 */
class FeaturePanelTest {
    private ExplorerModel model;
    private ExplorerView view;

    @BeforeAll
    static void startFx() throws Exception {
        UiBench.startHeadless();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            view.close();
            return null;
        });
    }

    private void open(Network net, String name) throws Exception {
        model = fx(() -> new ExplorerModel(net, name));
        view = fx(() -> {
            ExplorerView v = new ExplorerView(model);
            new Scene(v, 1600, 900);
            v.showInspector(true);
            return v;
        });
    }

    @Test
    void aChannelsPictureIsTheEnginesAscentAndACancelStopsIt() throws Exception {
        Network net = ModelFile.loadDefault().network();
        open(net, "LeNet");
        fx(() -> {
            model.pin(new UnitRef(0, 3, 10, 10));
            ((Button) view.lookup("#" + FeaturePanel.LOOKS_FOR_ID)).fire();
            return null;
        });
        waitIdle();
        float[] shown = fx(() -> view.features().shownImage());
        float[] expected = FeatureVisualization.run(new Workspace(net, KernelSelection.preferred(), 1),
                FeatureVisualization.Target.channel(0, 3),
                FeatureVisualization.Settings.forNormalised(net.input(), new float[0], new float[0], FeaturePanel.STEPS),
                null, () -> false);
        assertArrayEquals(expected, shown, 1e-4f, "the picture of conv1 channel 3 after every step");
        assertTrue(fx(() -> view.lookup("#" + FeaturePanel.PICTURE_ID).isVisible()));

        fx(() -> { // started and cancelled in one go: long before its last step
            ((Button) view.lookup("#" + FeaturePanel.LOOKS_FOR_ID)).fire();
            ((Button) view.lookup("#" + FeaturePanel.CANCEL_ID)).fire();
            return null;
        });
        assertEquals("Cancelled.", waitIdle());
    }

    @Test
    void theNineDigitsThatExciteAChannelMostAreTheEngines() throws Exception {
        Network net = ModelFile.loadDefault().network();
        open(net, "LeNet");
        fx(() -> {
            model.pin(new UnitRef(3, 7, 2, 2));
            ((Button) view.lookup("#" + FeaturePanel.TOP_ID)).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> view.features().busy()));
        waitIdle();
        var data = DatasetSamples.of(DatasetFolder.bundledMnist().test(), 0);
        List<TopActivations.Hit> hits = TopActivations.find(new Workspace(net, KernelSelection.preferred(), 32), data, 3, 7,
                FeaturePanel.TOP, null, () -> false);
        assertEquals(labels(hits), tileLabels());
    }

    @Test
    void aFolderOfPhotosGivesTheNineThatExciteAChannelMost(@TempDir Path dir) throws Exception {
        ModelFile.Model loaded = Models.load(ExplorerPhotoTest.MODEL);
        open(loaded.network(), "resblock");
        for (int i = 0; i < 12; i++) {
            BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 30; y++) for (int x = 0; x < 40; x++) image.setRGB(x, y, (x * 6 * i) % 256 << 16 | y * 8 << 8 | i * 20);
            ImageIO.write(image, "png", dir.resolve("photo" + i + ".png").toFile());
        }
        int conv = loaded.network().indexOf("block2.conv2");
        fx(() -> {
            model.pin(new UnitRef(conv, 4, 3, 3));
            view.topImagesFrom(dir, view.features()::topImages);
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !tileLabels().isEmpty()));
        waitIdle();
        PhotoPreprocess recipe = PhotoPreprocess.imagenet(loaded.network().input());
        var data = PhotoFolderSamples.scan(dir, recipe, loaded.network().input(), 10);
        List<TopActivations.Hit> hits = TopActivations.find(new Workspace(loaded.network(), KernelSelection.preferred(), 32),
                data, conv, 4, FeaturePanel.TOP, null, () -> false);
        assertEquals(labels(hits), tileLabels());

        Path empty = dir.resolve("empty");
        java.nio.file.Files.createDirectories(empty);
        fx(() -> {
            view.topImagesFrom(empty, view.features()::topImages);
            return null;
        });
        String notice = fx(() -> model.noticeProperty().get().text());
        assertTrue(notice.contains("empty") && notice.contains("no PNG or JPG"), notice);
        assertFalse(notice.contains("\n"));
    }

    /**
     * A folder of CIFAR-10 binary batches: its test batch is ranked, each image through the model's preprocessing as a
     * photo is; the same as a folder holding the test batch's images as PNG files (named in the batch's order).
     */
    @Test
    void aFolderOfCifarBatchesGivesTheNineOfItsTestBatch(@TempDir Path dir) throws Exception {
        ModelFile.Model loaded = Models.load(ExplorerPhotoTest.MODEL);
        open(loaded.network(), "resblock");
        Path cifar = dir.resolve("cifar-10-batches-bin");
        CifarFiles.write(cifar.resolve("data_batch_1.bin"), 3, 1, 4, 1, 5);
        int[] labels = {9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2};
        CifarFiles.write(cifar.resolve("test_batch.bin"), labels);
        Path pngs = java.nio.file.Files.createDirectories(dir.resolve("pngs"));
        var test = Cifar10.load(cifar).test();
        float[] planes = new float[test.imageSize()];
        for (int i = 0; i < test.size(); i++) {
            test.toFloats(new int[] {i}, 0, 1, planes);
            BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
            for (int p = 0; p < 32 * 32; p++) {
                int r = Math.round(planes[p] * 255);
                int g = Math.round(planes[1024 + p] * 255);
                int b = Math.round(planes[2048 + p] * 255);
                image.setRGB(p % 32, p / 32, r << 16 | g << 8 | b);
            }
            ImageIO.write(image, "png", pngs.resolve(String.format(Locale.ROOT, "test%02d.png", i)).toFile());
        }
        int conv = loaded.network().indexOf("block2.conv2");
        fx(() -> {
            model.pin(new UnitRef(conv, 4, 3, 3));
            view.topImagesFrom(cifar, view.features()::topImages);
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !tileLabels().isEmpty()));
        waitIdle();
        PhotoPreprocess recipe = PhotoPreprocess.imagenet(loaded.network().input());
        var photos = PhotoFolderSamples.scan(pngs, recipe, loaded.network().input(), 10);
        List<TopActivations.Hit> hits = TopActivations.find(new Workspace(loaded.network(), KernelSelection.preferred(), 32),
                photos, conv, 4, FeaturePanel.TOP, null, () -> false);
        assertEquals(labels(hits), tileLabels());
    }

    private static List<String> labels(List<TopActivations.Hit> hits) {
        return hits.stream().map(h -> String.format(Locale.ROOT, "#%d · %.2f", h.sample(), h.value())).toList();
    }

    private List<String> tileLabels() throws Exception {
        return fx(() -> ((Pane) view.lookup("#" + FeaturePanel.TILES_ID)).getChildren().stream()
                .map(cell -> ((Label) ((Pane) cell).getChildren().get(1)).getText()).toList());
    }

    /** Waits until nothing runs; the status line then. */
    private String waitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> !view.features().busy()));
        return fx(() -> ((Label) view.lookup("#" + FeaturePanel.STATUS_ID)).getText());
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
    }
}
