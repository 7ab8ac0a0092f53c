package org.convscope.training;

import static org.convscope.training.TrainingSessionTest.assertSameWeights;
import static org.convscope.training.TrainingSessionTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session trained on a folder of colour images is saved and opened again on the same folder. */
class ImageFolderSessionTest {
    @TempDir
    Path dir;

    @Test
    void aSessionOnAnImageFolderOpensAgainFromItsFile() throws Exception {
        Path images = dir.resolve("colours");
        Color[] colours = {Color.RED, Color.BLUE};
        for (int c = 0; c < colours.length; c++) {
            for (int i = 0; i < 12; i++) {
                BufferedImage image = new BufferedImage(10 + i, 10 + i, BufferedImage.TYPE_INT_RGB);
                var g = image.createGraphics();
                g.setColor(colours[c]);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
                g.dispose();
                Path file = images.resolve("class" + c).resolve("img" + i + ".png");
                Files.createDirectories(file.getParent());
                if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("no PNG writer");
            }
        }
        List<LayerSpec> layers = new ArrayList<>(Presets.tiny().layers());
        layers.set(4, new DenseSpec("fc1", 2));
        NetworkSpec spec = new NetworkSpec("tiny", new Dims(3, 28, 28), layers);
        Path file = dir.resolve("colours.convscope-session");
        try (TrainingSession original = StudioSessions.on(StudioData.images(images), spec,
                TrainingSettings.defaults().withBatchSize(4))) {
            for (int b = 0; b < 3; b++) await(original.stepBatch());
            await(original.save(file));
            SessionState saved = await(original.capture());
            try (TrainingSession opened = SessionLoader.open(file, SessionData.DEFAULT)) {
                SessionState loaded = await(opened.capture());
                assertEquals(images.toString(), loaded.dataset());
                assertEquals(saved.step(), loaded.step());
                assertEquals(new Dims(3, 28, 28), opened.testSource().dims());
                assertSameWeights(saved.params(), loaded.params());
            }
        }
    }
}
