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

/** Renders the explorer off screen at 1920×1080 with a drawn digit, into target/snapshots, for looking at. */
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
            return v;
        }).get();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(model::upToDate).get());
    }

    @AfterEach
    void close() {
        view.close();
    }

    @Test
    void rendersAt1920x1080() throws Exception {
        Path file = ExplorerFixture.snapshot(view, "explorer-1920x1080");
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1920, image.getWidth());
        assertEquals(1080, image.getHeight());
    }
}
