package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.convscope.engine.explain.UnitRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the explorer at 1920×1080 in both themes and in the states worth looking at (every normalisation, both
 * saliency methods, a unit of every kind pinned in the inspector, the help overlay) into target/snapshots, and checks
 * that the theme reaches the panels.
 */
class ExplorerLooksTest {
    @BeforeAll
    static void startFx() {
        UiBench.startHeadless();
    }

    @Test
    void darkPerMapWithOcclusionAndAPoolUnit() throws Exception {
        BufferedImage image = render("explorer-dark-per-map-occlusion", false, Normalisation.PER_MAP,
                SaliencyMethod.OCCLUSION, new UnitRef(2, 3, 7, 6), false);
        assertTrue(luminance(image.getRGB(1910, 540)) < 0.3, "the dark theme's panels are dark");
    }

    @Test
    void lightPerMapWithADenseUnit() throws Exception {
        BufferedImage image = render("explorer-light-per-map", true, Normalisation.PER_MAP, SaliencyMethod.GRADIENT,
                UnitRef.vector(7, 17), false);
        assertTrue(luminance(image.getRGB(1910, 540)) > 0.7, "the light theme's panels are light");
    }

    @Test
    void lightGlobalWithTheSoftmax() throws Exception {
        render("explorer-light-global-softmax", true, Normalisation.GLOBAL, null, UnitRef.vector(12, 3), false);
    }

    @Test
    void darkWithTheHelpOverlay() throws Exception {
        render("explorer-dark-help", false, Normalisation.PER_LAYER, null, new UnitRef(0, 2, 12, 12), true);
    }

    /** Draws a 5, sets the view up, renders the whole scene to target/snapshots/name.png and reads it back. */
    private static BufferedImage render(String name, boolean light, Normalisation mode, SaliencyMethod saliency,
                                        UnitRef pinned, boolean help) throws Exception {
        ExplorerModel model = fx(ExplorerModel::withBundledModel);
        try {
            ExplorerView view = fx(() -> {
                ExplorerView v = new ExplorerView(model);
                new Scene(v, 1920, 1080);
                if (light) v.toggleTheme();
                if (help) v.toggleHelp();
                model.setNormalisation(mode);
                if (saliency != null) model.setSaliencyMethod(saliency);
                DigitStrokes.draw(model.drawing(), 7, 70, 30, 210, 11);
                model.pin(pinned);
                return v;
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> model.upToDate()
                    && (saliency != SaliencyMethod.OCCLUSION || model.saliencyMapProperty().get() != null)));
            Path file = ExplorerFixture.snapshot(view, name);
            BufferedImage image = ImageIO.read(file.toFile());
            assertEquals(1920, image.getWidth());
            assertEquals(1080, image.getHeight());
            return image;
        } finally {
            model.close();
        }
    }

    private static double luminance(int rgb) {
        return (0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF)) / 255;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
