package org.convscope.ui.training.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.convscope.engine.spec.Presets;
import org.convscope.training.StepPhases;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.Snapshots;
import org.convscope.ui.training.TrainingViewTestAccess;
import org.junit.jupiter.api.Test;

/**
 * Each of the four phases of a LeNet-5 step on MNIST after 30 batches, at the window's size, written to
 * target/snapshots/phases-*.png to look at. Without a window: rendered in an unshown scene.
 */
class PhasesSnapshotTest {
    @Test
    void everyPhaseRendersWithItsOwnContent() throws Exception {
        try (TrainingSession session = StudioSessions.on(TrainingViewTestAccess.mnist(), Presets.lenet5(),
                TrainingSettings.defaults(), "")) {
            for (int b = 0; b < 30; b++) session.stepBatch().get(120, TimeUnit.SECONDS);
            StepPhases step = session.stepInPhases().get(120, TimeUnit.SECONDS);
            PhasesModel model = new PhasesModel(step, session::stepInPhases);
            PhasesView view = Snapshots.onFxThread(() -> {
                PhasesView v = new PhasesView(model);
                new Scene(v, 1180, 860);
                return v;
            });
            long previousHeight = -1;
            for (Phase phase : Phase.values()) {
                Path png = Snapshots.writePng(view, "phases-" + (phase.ordinal() + 1) + "-" + phase.name().toLowerCase());
                BufferedImage image = ImageIO.read(png.toFile());
                assertEquals(1180, image.getWidth());
                assertEquals(phase, model.phase());
                double contentHeight = Snapshots.onFxThread(() -> ((javafx.scene.layout.Region)
                        ((javafx.scene.control.ScrollPane) view.getCenter()).getContent()).getHeight());
                assertTrue(contentHeight > 100, phase + " shows " + contentHeight + " px of content");
                assertTrue(contentHeight != previousHeight, phase + " shows the same content as the phase before");
                previousHeight = (long) contentHeight;
                if (phase != Phase.UPDATE) Snapshots.onFxThread(() -> {
                    model.next();
                    return null;
                });
            }
        }
    }
}
