package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.convscope.engine.explain.UnitRef;
import org.convscope.model.ModelFile;
import org.convscope.open.Models;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the explorer on a colour model (resblock with CIFAR-10-like class names) and the generated picture, Grad-CAM
 * on, a unit pinned and what its channel looks for, off screen at 1280×720 and 1920×1080, dark and light, into target/snapshots for looking at;
 * with {@code -Dconvscope.screenshot.photo=samples/screenshots/explorer-photo.png} the 1920×1080 dark one also there,
 * which is how the README's screenshot of a colour model is made.
 */
class ExplorerPhotoScreenshotTest {
    @BeforeAll
    static void startFx() throws Exception {
        UiBench.startHeadless();
    }

    @ParameterizedTest
    @CsvSource({"1280, 720, false", "1280, 720, true", "1920, 1080, false", "1920, 1080, true"})
    void renders(int width, int height, boolean light) throws Exception {
        ModelFile.Model loaded = Models.load(ExplorerPhotoTest.MODEL);
        ExplorerModel model = fx(() -> new ExplorerModel(loaded.network(), "resblock (labels.txt)", loaded.classNames()));
        ExplorerView view = fx(() -> {
            ExplorerView v = new ExplorerView(model);
            new Scene(v, width, height);
            v.lightProperty().set(light);
            model.setSaliencyMethod(SaliencyMethod.GRAD_CAM);
            return v;
        });
        try {
            int conv = loaded.network().indexOf("block2.conv2");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> model.frameProperty().get() != null
                    && model.frameProperty().get().photo() != null && model.saliencyMapProperty().get() != null));
            fx(() -> {
                view.showInspector(true);
                model.pin(new UnitRef(conv, 5, 8, 9));
                return null;
            });
            fx(() -> {
                view.features().visualise();
                return null;
            });
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> !view.features().busy()));
            WaitForAsyncUtils.waitForFxEvents();
            String name = "explorer-photo-" + width + "x" + height + (light ? "-light" : "-dark");
            Path file = ExplorerFixture.snapshot(view, name);
            BufferedImage image = ImageIO.read(file.toFile());
            assertEquals(width, image.getWidth());
            assertEquals(height, image.getHeight());
            assertTrue(fx(() -> view.lookup("#" + PhotoPanel.OVERLAY_ID).isVisible()), "Grad-CAM over the photo");
            String readme = System.getProperty("convscope.screenshot.photo");
            if (readme != null && !readme.isBlank() && width == 1920 && !light) {
                Files.createDirectories(Path.of(readme).toAbsolutePath().getParent());
                Files.copy(file, Path.of(readme), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            fx(() -> {
                view.close();
                return null;
            });
        }
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
