package org.convscope.ui.training.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.train.Freezing;
import org.convscope.training.FilterStep;
import org.convscope.training.StepPhases;
import org.convscope.training.TrainingSession;
import org.convscope.ui.Snapshots;
import org.convscope.ui.training.StudioTheme;
import org.convscope.ui.training.setup.ColourResblock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step in 4 phases on the resblock graph fine-tuned on colour pictures with only its last 2 layers training, at the
 * window's size on a 1280×720 and a 1920×1080 screen, in both themes, written to target/snapshots/phases-graph-*.png:
 * the sample is a colour picture, and the frozen layers say so in the backward pass and the update instead of showing
 * grids of zeros.
 */
class PhasesGraphSnapshotTest {
    private static final double[][] WINDOWS = {{1178, 662}, {1500, 994}};

    @TempDir
    static Path colours;

    @Test
    void aColourSampleAndFrozenLayersOnAGraph() throws Exception {
        try (TrainingSession session = ColourResblock.session(colours, 8)) {
            session.stepBatch().get(120, TimeUnit.SECONDS);
            StepPhases step = session.stepInPhases().get(120, TimeUnit.SECONDS);
            NetworkSpec spec = step.forward().spec();
            boolean[] frozen = Freezing.frozenLayers(spec, 2);
            long frozenConvs = step.filters().stream().filter(f -> frozen[spec.indexOf(f.layer())]).count();
            assertTrue(frozenConvs >= 5, frozenConvs + " frozen convolutions");
            for (double[] size : WINDOWS) {
                for (boolean light : new boolean[] {false, true}) {
                    String look = String.format(Locale.ROOT, "%dx%d-%s", (int) size[0], (int) size[1],
                            light ? "light" : "dark");
                    PhasesModel model = new PhasesModel(step, session::stepInPhases);
                    PhasesView view = Snapshots.onFxThread(() -> {
                        PhasesView v = new PhasesView(model);
                        StudioTheme.apply(v, light);
                        new Scene(v, size[0], size[1]);
                        return v;
                    });
                    for (Phase phase : Phase.values()) {
                        Snapshots.onFxThread(() -> {
                            view.applyCss();
                            view.layout();
                            check(view, phase, step, frozenConvs);
                            return null;
                        });
                        if (phase == Phase.UPDATE) {
                            // The page alone as well: in an unshown scene, the scroll pane's snapshot here can still
                            // show the page before (the test above checks it holds the update's).
                            Snapshots.writePng(((javafx.scene.control.ScrollPane) view.getCenter()).getContent(),
                                    "phases-graph-4-update-page-" + look);
                        }
                        Snapshots.writePng(view, "phases-graph-" + (phase.ordinal() + 1) + "-"
                                + phase.name().toLowerCase(Locale.ROOT) + "-" + look);
                        if (phase != Phase.UPDATE) Snapshots.onFxThread(() -> {
                            model.next();
                            return null;
                        });
                    }
                }
            }
        }
    }

    private static void check(PhasesView view, Phase phase, StepPhases step, long frozenConvs) {
        Node shown = ((javafx.scene.control.ScrollPane) view.getCenter()).getContent();
        assertEquals(switch (phase) {
            case FORWARD -> ForwardPane.class;
            case LOSS -> LossPane.class;
            case BACKWARD -> BackwardPane.class;
            case UPDATE -> UpdatePane.class;
        }, shown.getClass(), phase + " shows its own page");
        List<String> frozenCards = view.lookupAll(".frozen-card").stream()
                .map(n -> ((Label) n.lookup(".caption")).getText()).toList();
        switch (phase) {
            case FORWARD -> {
                Node input = view.lookupAll(".caption").stream()
                        .filter(n -> ((Label) n).getText().startsWith("input · 32×32×3")).findFirst().orElseThrow();
                assertTrue(((Label) input).getText().endsWith("(colour)"), ((Label) input).getText());
                Image picture = ((ImageView) input.getParent().getChildrenUnmodifiable().get(1)).getImage();
                assertTrue(coloured(picture), "the sample drawn in colour");
                assertEquals(List.of(), frozenCards);
            }
            case BACKWARD, UPDATE -> {
                assertEquals(frozenConvs, frozenCards.size(), phase + ": " + frozenCards);
                for (FilterStep f : step.filters()) {
                    boolean said = frozenCards.stream().anyMatch(c -> c.startsWith(f.layer() + " · frozen"));
                    boolean drawn = view.lookupAll(".caption").stream()
                            .anyMatch(n -> ((Label) n).getText().startsWith(f.layer() + " ")
                                    && !((Label) n).getText().contains("frozen"));
                    assertTrue(said != drawn, phase + ": " + f.layer() + " either frozen (" + said + ") or drawn ("
                            + drawn + ")");
                }
            }
            default -> { }
        }
    }

    private static boolean coloured(Image image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getPixelReader().getArgb(x, y);
                if ((p >> 16 & 0xff) != (p & 0xff)) return true;
            }
        }
        return false;
    }
}
