package org.convscope.ui.training.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javax.imageio.ImageIO;
import org.convscope.engine.spec.Presets;
import org.convscope.training.StepPhases;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;
import org.convscope.ui.Snapshots;
import org.convscope.ui.training.StudioTheme;
import org.convscope.ui.training.TrainingViewTestAccess;
import org.junit.jupiter.api.Test;

/**
 * Each of the four phases of a LeNet-5 step on MNIST after 30 batches, written to target/snapshots/phases-*.png to
 * look at, at the window's size on a 1280×720 and a 1920×1080 screen (92% of it, at most 1500×1000), in the dark and
 * the light theme. Without a window: rendered in an unshown scene. On the larger screen the backward pass fits without
 * scrolling; the logits and the softmax are labelled with their numbers; the loss page shows the image.
 */
class PhasesSnapshotTest {
    private static final double[][] WINDOWS = {{1178, 662}, {1500, 994}};

    @Test
    void everyPhaseRendersWithItsOwnContent() throws Exception {
        try (TrainingSession session = StudioSessions.on(TrainingViewTestAccess.mnist(), Presets.lenet5(),
                TrainingSettings.defaults(), "")) {
            for (int b = 0; b < 30; b++) session.stepBatch().get(120, TimeUnit.SECONDS);
            StepPhases step = session.stepInPhases().get(120, TimeUnit.SECONDS);
            for (double[] size : WINDOWS) {
                for (boolean light : new boolean[] {false, true}) everyPhase(session, step, size, light);
            }
        }
    }

    private static void everyPhase(TrainingSession session, StepPhases step, double[] size, boolean light)
            throws Exception {
        PhasesModel model = new PhasesModel(step, session::stepInPhases);
        PhasesView view = Snapshots.onFxThread(() -> {
            PhasesView v = new PhasesView(model);
            StudioTheme.apply(v, light);
            new Scene(v, size[0], size[1]);
            return v;
        });
        String look = String.format(Locale.ROOT, "%dx%d-%s", (int) size[0], (int) size[1], light ? "light" : "dark");
        long previousHeight = -1;
        for (Phase phase : Phase.values()) {
            Path png = Snapshots.writePng(view, "phases-" + (phase.ordinal() + 1) + "-" + phase.name().toLowerCase()
                    + "-" + look);
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals((int) size[0], image.getWidth());
            assertEquals(phase, model.phase());
            double[] heights = Snapshots.onFxThread(() -> {
                ScrollPane scroll = (ScrollPane) view.getCenter();
                return new double[] {((Region) scroll.getContent()).getHeight(), scroll.getViewportBounds().getHeight()};
            });
            assertTrue(heights[0] > 100, phase + " shows " + heights[0] + " px of content");
            assertTrue(heights[0] != previousHeight, phase + " shows the same content as the phase before");
            previousHeight = (long) heights[0];
            if (phase == Phase.BACKWARD && size[1] > 900) {
                assertTrue(heights[0] <= heights[1] + 0.5, look + ": the backward pass needs " + heights[0]
                        + " px, the window shows " + heights[1]);
            }
            if (phase == Phase.FORWARD) {
                Snapshots.onFxThread(() -> {
                    float[][] outputs = step.forward().outputs(); // LeNet-5 ends with fc3 (the logits), softmax
                    assertClassNumbers(view.lookup("#phase-logits"), String.format(Locale.ROOT, "%.2f",
                            outputs[outputs.length - 2][step.label()]).replace('-', '−')); // a true minus
                    assertClassNumbers(view.lookup("#phase-probabilities"), String.format(Locale.ROOT, "%.1f%%",
                            100 * outputs[outputs.length - 1][step.label()]));
                    return null;
                });
            }
            if (phase == Phase.LOSS) {
                Snapshots.onFxThread(() -> {
                    Node input = view.lookup("#loss-input");
                    assertNotNull(input, "the loss page shows the image");
                    assertTrue(input.getLayoutBounds().getWidth() >= 28, "at least its own size");
                    return null;
                });
            }
            if (phase != Phase.UPDATE) Snapshots.onFxThread(() -> {
                model.next();
                return null;
            });
        }
        double background = luminance(ImageIO.read(Snapshots.writePng(view, "phases-last-" + look).toFile())
                .getRGB(4, (int) size[1] / 2));
        assertTrue(light ? background > 0.8 : background < 0.2, look + ": background luminance " + background);
    }

    /** A row of ten class labels over ten values, the true class's value as expected. */
    private static void assertClassNumbers(Node card, String trueValue) {
        assertNotNull(card, "class numbers shown");
        long values = card.lookupAll(".table-cell").size() + card.lookupAll(".true-class").size();
        assertEquals(10, values, "a value per class");
        Label marked = (Label) card.lookup(".true-class");
        assertEquals(trueValue, marked.getText());
    }

    private static double luminance(int argb) {
        return (0.2126 * (argb >> 16 & 0xff) + 0.7152 * (argb >> 8 & 0xff) + 0.0722 * (argb & 0xff)) / 255;
    }
}
