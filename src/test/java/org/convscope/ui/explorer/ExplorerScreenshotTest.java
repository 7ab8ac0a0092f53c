package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the explorer off screen at 1920×1080 with a drawn digit, saliency on and a unit pinned, into
 * target/snapshots for looking at; with {@code -Dconvscope.screenshot=samples/screenshots/explorer.png} also there, which is how
 * the README's screenshot is made:
 * {@code mvn test -Dtest=ExplorerScreenshotTest -Dconvscope.screenshot=samples/screenshots/explorer.png}.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerScreenshotTest {
    private ExplorerModel model;
    private ExplorerView view;

    @BeforeEach
    void create() throws Exception {
        model = ExplorerModel.withBundledModel();
        view = WaitForAsyncUtils.asyncFx(() -> {
            ExplorerView v = new ExplorerView(model);
            new Scene(v, 1920, 1080);
            DigitStrokes.draw(model.drawing(), 3, 70, 30, 210, 11);
            model.setSaliency(true);
            model.pin(new org.convscope.engine.explain.UnitRef(3, 5, 4, 6));
            return v;
        }).get();
        settle();
        // Compile the kernels first, as the app does in the background, so the status line shows a typical update time.
        org.convscope.engine.train.WarmUp.run(model.networkProperty().get().spec(),
                org.convscope.engine.kernel.KernelSelection.preferred(), 2_000_000_000L);
        for (int i = 0; i < 20; i++) {
            WaitForAsyncUtils.asyncFx(() -> {
                model.undo();
                model.redo();
            }).get();
            settle();
        }
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(model::upToDate).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() {
        view.close();
    }

    @Test
    void rendersAt1920x1080() throws Exception {
        Path file = ExplorerFixture.snapshot(view, "explorer-1920x1080");
        String readme = System.getProperty("convscope.screenshot");
        if (readme != null && !readme.isBlank()) {
            java.nio.file.Files.createDirectories(Path.of(readme).toAbsolutePath().getParent());
            java.nio.file.Files.copy(file, Path.of(readme), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1920, image.getWidth());
        assertEquals(1080, image.getHeight());
        assertEquals(3, WaitForAsyncUtils.asyncFx(() -> model.frameProperty().get().topClass()).get(),
                "the screenshot shows the drawn 3 classified as a 3");
        assertEquals(Boolean.TRUE, WaitForAsyncUtils.asyncFx(() -> view.lookup("#inspector").isVisible()).get(),
                "and the pinned unit's arithmetic in the inspector");
    }
}
