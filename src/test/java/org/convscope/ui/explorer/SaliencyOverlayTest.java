package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import org.convscope.engine.explain.Occlusion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The saliency overlay follows the chosen method: gradient × input with the frame, occlusion from the background
 * thread; each is the engine's own map for the frame's input and top class, and the overlay's pixels change with
 * the choice.
 */
class SaliencyOverlayTest {
    private ExplorerModel model;
    private ExplorerView view;

    @BeforeAll
    static void startFx() {
        UiBench.startHeadless();
    }

    @BeforeEach
    void create() throws Exception {
        model = fx(ExplorerModel::withBundledModel);
        view = fx(() -> {
            ExplorerView v = new ExplorerView(model);
            new Scene(v, 1600, 1000);
            v.applyCss(); // creates the skins, so that lookup finds the overlay
            DigitStrokes.draw(model.drawing(), 2, 60, 30, 200, 11);
            return v;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(model::upToDate));
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            view.close();
            return null;
        });
    }

    @Test
    void theOverlayFollowsTheChosenMethod() throws Exception {
        assertNull(fx(() -> model.saliencyMapProperty().get()), "saliency is off at start");
        assertFalse(fx(() -> overlay().isVisible()));

        fx(() -> {
            model.setSaliency(true);
            return null;
        });
        SaliencyMap gradient = await(SaliencyMethod.GRADIENT);
        Frame frame = fx(() -> model.frameProperty().get());
        assertEquals(frame.sequence(), gradient.sequence());
        assertArrayEquals(frame.saliency(), gradient.values());
        assertTrue(fx(() -> overlay().isVisible()));
        int[] gradientPixels = fx(this::overlayPixels);

        fx(() -> {
            model.setSaliencyMethod(SaliencyMethod.OCCLUSION);
            return null;
        });
        SaliencyMap occlusion = await(SaliencyMethod.OCCLUSION);
        Frame now = fx(() -> model.frameProperty().get());
        assertNull(now.saliency(), "no gradient pass while occlusion is chosen");
        float[] expected = Occlusion.map(model.networkProperty().get(), now.snapshot().input(), now.topClass());
        assertArrayEquals(expected, occlusion.values(), 1e-6f);
        assertFalse(Arrays.equals(gradient.values(), occlusion.values()));
        int[] occlusionPixels = fx(this::overlayPixels);
        assertFalse(Arrays.equals(gradientPixels, occlusionPixels), "the overlay looks the same for both methods");

        fx(() -> {
            model.setSaliencyMethod(SaliencyMethod.GRADIENT);
            return null;
        });
        SaliencyMap back = await(SaliencyMethod.GRADIENT);
        Frame last = fx(() -> model.frameProperty().get());
        float[] engine = new Inference(model.networkProperty().get())
                .run(new Inference.Request(0, last.source(), true, 0)).saliency(); // gradient × input, by the engine
        assertArrayEquals(engine, back.values(), 1e-6f);

        fx(() -> {
            model.setSaliency(false);
            return null;
        });
        assertNull(fx(() -> model.saliencyMapProperty().get()));
        assertFalse(fx(() -> overlay().isVisible()));
    }

    private SaliencyMap await(SaliencyMethod method) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> {
            SaliencyMap m = model.saliencyMapProperty().get();
            return model.upToDate() && m != null && m.method() == method;
        }));
        WaitForAsyncUtils.waitForFxEvents();
        SaliencyMap m = fx(() -> model.saliencyMapProperty().get());
        assertNotNull(m);
        return m;
    }

    private ImageView overlay() {
        return (ImageView) view.lookup("#" + PreprocessView.SALIENCY_ID);
    }

    private int[] overlayPixels() {
        PixelReader r = overlay().getImage().getPixelReader();
        int w = (int) overlay().getImage().getWidth();
        int h = (int) overlay().getImage().getHeight();
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) pixels[y * w + x] = r.getArgb(x, y);
        return pixels;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
