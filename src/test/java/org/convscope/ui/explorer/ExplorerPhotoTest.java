package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javax.imageio.ImageIO;
import org.convscope.data.Photo;
import org.convscope.data.PhotoPreprocess;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.explain.GradCam;
import org.convscope.engine.explain.Occlusion;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.io.Npy;
import org.convscope.io.NpyArray;
import org.convscope.model.DigitInput;
import org.convscope.model.ModelFile;
import org.convscope.open.Models;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer on a colour model (the resblock fixture with CIFAR-10's class names beside it: BatchNorm, residual
 * Adds, three input channels): a photo instead of the drawing, opened from a file, pasted, as an .npy tensor, through
 * either preprocessing; its steps and R, G, B maps; class names in the bars; gradient × input, occlusion and Grad-CAM
 * overlays equal to the engine's; broken files in one line.
 */
class ExplorerPhotoTest {
    static final Path MODEL = Path.of("src/test/resources/onnx/labels-file/model.onnx");
    private ModelFile.Model loaded;
    private ExplorerModel model;
    private ExplorerView view;

    @BeforeAll
    static void startFx() throws Exception {
        UiBench.startHeadless();
    }

    @BeforeEach
    void create() throws Exception {
        loaded = Models.load(MODEL);
        model = fx(() -> new ExplorerModel(loaded.network(), "resblock", loaded.classNames()));
        view = fx(() -> {
            ExplorerView v = new ExplorerView(model);
            new Scene(v, 1280, 720);
            return v;
        });
        frame(f -> f.photo() != null);
    }

    @AfterEach
    void close() {
        view.close();
    }

    @Test
    void aColourModelStartsOnAGeneratedPictureThroughImagenetPreprocessing() throws Exception {
        Frame f = frame(x -> x.photo() != null);
        Network net = loaded.network();
        float[] expected = PhotoPreprocess.imagenet(net.input()).apply(GeneratedPhoto.make(), net.input());
        assertArrayEquals(expected, f.photo().input(), "the input is the generated picture, preprocessed as ImageNet's");
        assertArrayEquals(engine(net, expected), f.probabilities(), 1e-5f, "classified as the engine does");
        assertTrue(fx(() -> find("#photo-panel").isVisible()), "the photo panel instead of the canvas");
        assertFalse(fx(() -> find("#drawing-canvas").getParent().isVisible()));
        assertEquals(GeneratedPhoto.NAME, fx(() -> model.sourceProperty().get()));
    }

    @Test
    void theStepsShowEachSizeAndTheChannelsTheirFormulaAndRange() throws Exception {
        Frame f = frame(x -> x.photo() != null);
        fx(() -> {
            view.applyCss();
            view.layout();
            return null;
        });
        List<String> texts = fx(() -> view.lookupAll(".step-size").stream().filter(n -> n.isVisible())
                .map(n -> ((Label) n).getText()).toList());
        PhotoPreprocess.Steps s = f.photo().steps();
        assertTrue(texts.contains(GeneratedPhoto.HEIGHT + "×" + GeneratedPhoto.WIDTH), texts.toString());
        int shorter = f.photo().recipe().shorter();
        assertTrue(texts.contains(s.resized().height() + "×" + s.resized().width() + " (shorter side " + shorter + ")"),
                texts.toString());
        assertEquals(shorter, s.resized().height(), "the generated picture is wider than high");
        assertTrue(texts.contains("32×32 from row " + (s.cropY() + 1) + ", column " + (s.cropX() + 1)), texts.toString());
        float[] x = f.photo().input();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = 32 * 32; i < 2 * 32 * 32; i++) {
            min = Math.min(min, x[i]);
            max = Math.max(max, x[i]);
        }
        String green = "G: (v − 0.456) / 0.224" + String.format(java.util.Locale.ROOT, "%n%.2f … %.2f", min, max)
                .replace('-', '−'); // a true minus sign
        assertTrue(texts.contains(green), "the G map's formula and range: " + texts);
    }

    @Test
    void anOpenedPhotoIsPreprocessedAndTheChoiceOfUnitIsRememberedForTheModel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stripes.png");
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) for (int x = 0; x < 60; x++) image.setRGB(x, y, x < 30 ? 0xD02020 : 0x2040E0);
        ImageIO.write(image, "png", file.toFile());
        Network net = loaded.network();

        fx(() -> {
            view.open(file);
            return null;
        });
        Frame f = frame(x -> x.photo() != null && x.photo().name().equals("stripes.png"));
        assertArrayEquals(PhotoPreprocess.imagenet(net.input()).apply(Photo.load(file), net.input()), f.photo().input());

        fx(() -> {
            model.setRecipe(PhotoPreprocess.unit());
            return null;
        });
        f = frame(x -> x.photo() != null && x.photo().recipe().name().equals("unit"));
        assertArrayEquals(PhotoPreprocess.unit().apply(Photo.load(file), net.input()), f.photo().input());
        assertEquals("stripes.png", f.photo().name(), "the same photo, preprocessed again");

        Network lenet = ModelFile.loadDefault().network();
        fx(() -> {
            model.open(lenet, "LeNet", org.convscope.data.InkImage.blank(28, 28), "blank");
            return null;
        });
        assertFalse(fx(() -> model.photoModeProperty().get()), "a digit model takes the drawing again");
        assertTrue(fx(() -> find("#drawing-canvas").getParent().isVisible()));
        fx(() -> {
            model.open(net, "resblock", org.convscope.data.InkImage.blank(28, 28), "");
            return null;
        });
        assertEquals("unit", fx(() -> model.recipeProperty().get().name()), "the model's preprocessing is remembered");
    }

    @Test
    void aPastedImageBecomesThePhoto() throws Exception {
        WritableImage image = new WritableImage(48, 48);
        for (int y = 0; y < 48; y++) for (int x = 0; x < 48; x++) image.getPixelWriter().setArgb(x, y, y < 24 ? 0xFF10C040 : 0xFFF0F020);
        boolean pasted = fx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putImage(image);
            Clipboard.getSystemClipboard().setContent(content);
            if (!Clipboard.getSystemClipboard().hasImage()) return false; // a headless platform without a clipboard
            view.paste();
            return true;
        });
        org.junit.jupiter.api.Assumptions.assumeTrue(pasted, "the headless platform has no image clipboard");
        Frame f = frame(x -> x.photo() != null && x.photo().name().equals("pasted image"));
        Network net = loaded.network();
        Photo expected = fx(() -> FxPhoto.of(image));
        assertArrayEquals(PhotoPreprocess.imagenet(net.input()).apply(expected, net.input()), f.photo().input());
        assertEquals(0x10 / 255f, f.photo().photo().planes()[0], 1e-6f, "the top-left pixel's red, from the clipboard");
    }

    @Test
    void anNpyTensorIsTakenAsItIsAndAWrongShapeIsOneLine(@TempDir Path dir) throws Exception {
        Network net = loaded.network();
        float[] x = new float[net.input().size()];
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(i * 0.37);
        Path good = dir.resolve("x.npy");
        Npy.write(good, new NpyArray(new int[] {1, 3, 32, 32}, x));
        fx(() -> {
            view.open(good);
            return null;
        });
        Frame f = frame(fr -> fr.photo() != null && fr.photo().isTensor());
        assertArrayEquals(x, f.photo().input());
        assertArrayEquals(engine(net, x), f.probabilities(), 1e-5f);

        Path bad = dir.resolve("wrong.npy");
        Npy.write(bad, new NpyArray(new int[] {1, 3, 28, 28}, new float[3 * 28 * 28]));
        String notice = failure(() -> view.open(bad));
        assertTrue(notice.contains("wrong.npy") && notice.contains("[1, 3, 28, 28]") && notice.contains("[N, 3, 32, 32]"),
                notice);
        assertFalse(notice.contains("\n"));
    }

    @Test
    void aTensorOfUnitValuesIsShownInItsOwnColours(@TempDir Path dir) throws Exception {
        // a bluish picture scaled to 0…1, as CIFAR-10 is trained on: each channel the same ramp, blue the strongest
        Network net = loaded.network();
        int plane = net.input().height() * net.input().width();
        float[] x = new float[net.input().size()];
        float[] base = {0.1f, 0.2f, 0.6f};
        for (int c = 0; c < 3; c++) for (int i = 0; i < plane; i++) x[c * plane + i] = base[c] + 0.3f * i / plane;
        Path file = dir.resolve("bluish.npy");
        Npy.write(file, new NpyArray(new int[] {1, 3, 32, 32}, x));
        fx(() -> {
            view.open(file);
            return null;
        });
        frame(fr -> fr.photo() != null && fr.photo().isTensor());
        javafx.scene.paint.Color centre = fx(() -> {
            javafx.scene.image.ImageView shown = (javafx.scene.image.ImageView) ((javafx.scene.Parent) find(
                    "#" + PhotoPanel.PICTURE_ID)).getChildrenUnmodifiable().getFirst();
            javafx.scene.image.Image image = shown.getImage();
            return image.getPixelReader().getColor((int) image.getWidth() / 2, (int) image.getHeight() / 2);
        });
        float mid = 0.3f * (plane / 2 + 16) / plane; // the ramp at the centre pixel (row 16, column 16)
        assertEquals(base[0] + mid, centre.getRed(), 0.02, "red as in the tensor, not stretched to its own range");
        assertEquals(base[1] + mid, centre.getGreen(), 0.02);
        assertEquals(base[2] + mid, centre.getBlue(), 0.02);
    }

    @Test
    void aColourTestImagesTrueClassIsNamedBesideTheGuess() throws Exception {
        // as the studio opens a test image of a colour data set: the tensor, with its label
        Network net = loaded.network();
        float[] x = new float[net.input().size()];
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.cos(i * 0.11);
        for (int label : new int[] {2, 7}) {
            fx(() -> {
                model.openTensor(net, "resblock", x, "test image · label " + label, label);
                return null;
            });
            Frame f = frame(fr -> fr.photo() != null && fr.photo().isTensor() && fr.truth() == label);
            String line = fx(() -> ((Label) find("#top-guess")).getText());
            String expected = " · label: " + f.className(label) + (f.topClass() == label ? ", right" : ", wrong");
            assertTrue(line.startsWith(f.className(f.topClass()) + " · ") && line.endsWith(expected), line);
        }
        fx(() -> {
            model.openTensor(net, "resblock", x, "a tensor");
            return null;
        });
        frame(fr -> fr.photo() != null && fr.photo().name().equals("a tensor"));
        assertFalse(fx(() -> ((Label) find("#top-guess")).getText()).contains("label"),
                "no label: none said");
    }

    @Test
    void aTensorOpenedAtOnceIsNotReplacedByThePictureTheModelStartsOn() throws Exception {
        Network net = loaded.network();
        ExplorerModel fresh = fx(() -> new ExplorerModel(net, "resblock", loaded.classNames()));
        try {
            float[] x = new float[net.input().size()];
            for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(i * 0.05);
            java.util.concurrent.CompletableFuture<Object> ioDone = new java.util.concurrent.CompletableFuture<>();
            fx(() -> {
                fresh.openTensor(net, "resblock", x, "test image · label 3", 3); // the start picture is still on its way
                fresh.digitTestSet(ioDone::complete); // queued after it on the same io thread
                return null;
            });
            ioDone.get(60, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            PhotoInput shown = fx(() -> fresh.photoProperty().get());
            assertEquals("test image · label 3", shown.name(), "the tensor stays, the start picture came too late");
            assertArrayEquals(x, shown.input());
        } finally {
            fx(() -> {
                fresh.close();
                return null;
            });
        }
    }

    @Test
    void aBrokenPhotoIsOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.png");
        Files.write(broken, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        String notice = failure(() -> view.open(broken));
        assertTrue(notice.contains("broken.png"), notice);
        assertFalse(notice.contains("\n"), notice);
    }

    @Test
    void classNamesInTheBarsAndTheInspectorsOutputUnit() throws Exception {
        Frame f = frame(x -> x.photo() != null);
        fx(() -> {
            view.applyCss();
            view.layout();
            return null;
        });
        // A graph: the top class by name over the graph, with its probability.
        assertEquals(String.format(java.util.Locale.ROOT, "%s · %.1f %%", loaded.className(f.topClass()),
                100 * f.probabilities()[f.topClass()]), fx(() -> ((Label) find("#top-guess")).getText()));
        int softmax = f.snapshot().spec().layers().size() - 1;
        fx(() -> {
            view.showInspector(true);
            model.pin(org.convscope.engine.explain.UnitRef.vector(softmax, 2));
            view.applyCss();
            view.layout();
            return null;
        });
        String title = fx(() -> ((Label) find("#inspector-title")).getText());
        assertTrue(title.endsWith(" · " + loaded.className(2)), "the output unit named by its class: " + title);
    }

    @Test
    void gradCamAtTheLastBlocksOutputByDefaultAndAtAnyLayerChosen() throws Exception {
        Network net = loaded.network();
        int last = net.spec().indexOf("block2.relu"); // after the last Add, as pytorch-grad-cam's layer4[-1]
        assertEquals(last, fx(() -> model.gradCamLayerProperty().get()));
        fx(() -> {
            model.setSaliencyMethod(SaliencyMethod.GRAD_CAM);
            return null;
        });
        SaliencyMap map = saliency(m -> m.method() == SaliencyMethod.GRAD_CAM && m.layer() == last);
        Frame f = fx(() -> model.frameProperty().get());
        assertArrayEquals(gradCam(net, f.photo().input(), last, f.topClass()), map.values(), 1e-5f);
        assertTrue(fx(() -> find("#" + PhotoPanel.OVERLAY_ID).isVisible()), "the overlay on the input");
        String explains = fx(() -> ((Label) find("#" + PhotoPanel.EXPLAINS_ID)).getText());
        assertTrue(explains.contains("Grad-CAM at " + net.spec().layers().get(last).name())
                && explains.contains(loaded.className(f.topClass())), explains);

        int first = 0;
        fx(() -> {
            model.setGradCamLayer(first);
            return null;
        });
        map = saliency(m -> m.method() == SaliencyMethod.GRAD_CAM && m.layer() == first);
        assertArrayEquals(gradCam(net, f.photo().input(), first, f.topClass()), map.values(), 1e-5f);
    }

    @Test
    void gradientAndOcclusionOnThePhotoEqualTheEngines() throws Exception {
        Network net = loaded.network();
        fx(() -> {
            model.setSaliencyMethod(SaliencyMethod.OCCLUSION);
            return null;
        });
        SaliencyMap occluded = saliency(m -> m.method() == SaliencyMethod.OCCLUSION);
        Frame f = fx(() -> model.frameProperty().get());
        assertArrayEquals(Occlusion.map(net, f.photo().input(), f.topClass()), occluded.values(), 1e-5f);

        fx(() -> {
            model.setSaliencyMethod(SaliencyMethod.GRADIENT);
            return null;
        });
        SaliencyMap gradient = saliency(m -> m.method() == SaliencyMethod.GRADIENT);
        Workspace ws = new Workspace(net, KernelSelection.preferred(), 1);
        System.arraycopy(f.photo().input(), 0, ws.input(), 0, f.photo().input().length);
        ws.forward(1);
        float[] s = org.convscope.engine.explain.GradientTimesInput.map(ws, f.topClass());
        float[] perPixel = new float[32 * 32];
        for (int c = 0; c < 3; c++) for (int i = 0; i < perPixel.length; i++) perPixel[i] += s[c * perPixel.length + i];
        assertArrayEquals(perPixel, gradient.values(), 1e-5f, "summed over R, G and B");
        assertTrue(fx(() -> find("#" + PhotoPanel.OVERLAY_ID).isVisible()));
    }

    // ---- helpers

    private static float[] engine(Network net, float[] x) {
        Workspace ws = new Workspace(net, KernelSelection.preferred(), 1);
        System.arraycopy(x, 0, ws.input(), 0, x.length);
        ws.forward(1);
        return DigitInput.probabilities(ws);
    }

    private static float[] gradCam(Network net, float[] x, int layer, int target) {
        Workspace ws = new Workspace(net, KernelSelection.preferred(), 1);
        System.arraycopy(x, 0, ws.input(), 0, x.length);
        ws.forward(1);
        GradCam.Result r = GradCam.of(ws, layer, target);
        return GradCam.upsample(r.map(), r.maps().height(), r.maps().width(), 32, 32);
    }

    private Frame frame(Predicate<Frame> wanted) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> {
            Frame f = model.frameProperty().get();
            return f != null && wanted.test(f) && model.upToDate();
        }));
        return fx(() -> model.frameProperty().get());
    }

    private SaliencyMap saliency(Predicate<SaliencyMap> wanted) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> {
            SaliencyMap m = model.saliencyMapProperty().get();
            return m != null && wanted.test(m) && model.frameProperty().get().sequence() == m.sequence();
        }));
        return fx(() -> model.saliencyMapProperty().get());
    }

    /** Runs the action and returns the error notice it gives. */
    private String failure(Runnable action) throws Exception {
        long before = fx(() -> model.noticeProperty().get() == null ? 0 : model.noticeProperty().get().sequence());
        fx(() -> {
            action.run();
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> {
            Notice n = model.noticeProperty().get();
            return n != null && n.sequence() > before && n.kind() == Notice.Kind.ERROR;
        }));
        return fx(() -> model.noticeProperty().get().text());
    }

    /** A node of the view, its skins made first (the photo panel lies in a scroll pane). On the FX thread. */
    private javafx.scene.Node find(String selector) {
        view.applyCss();
        view.layout();
        return view.lookup(selector);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
