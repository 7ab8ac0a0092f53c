package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javax.imageio.ImageIO;
import org.convscope.data.InkImage;
import org.convscope.engine.explain.UnitRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the explorer shows says what it is: no prediction without ink, a test image's label in the bars, one name per
 * layer, the class a saliency map explains, a receptive field on the drawing, exports on their theme's background, an
 * inspector that starts another layer's arithmetic at its top.
 */
class ExplorerSaysWhatItShowsTest {
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
            new Scene(v, 1920, 1080);
            return v;
        });
        settle();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            view.close();
            return null;
        });
    }

    @Test
    void anEmptyCanvasHasNoPrediction() throws Exception {
        assertEquals("–", text("#top-guess"));
        assertTrue(fx(() -> view.lookup(".top-confidence") instanceof Label l && l.getText().startsWith("no ink")));
        for (Node fill : fx(() -> List.copyOf(view.lookupAll(".bar-fill")))) {
            assertEquals(0, fx(() -> ((Region) fill).getMaxWidth()), "no bar without ink");
        }
        draw(7);
        assertEquals("7", text("#top-guess"), "with ink, a guess");
    }

    @Test
    void aTestImagesLabelIsMarkedInTheBarsRightOrWrong() throws Exception {
        draw(7);
        int top = fx(() -> model.frameProperty().get().topClass());
        int wrong = (top + 1) % 10;
        InkImage seven = fx(() -> model.frameProperty().get().source());
        fx(() -> {
            model.open(model.networkProperty().get(), "LeNet-5", seven, "a 7 said to be a " + wrong, wrong);
            return null;
        });
        settle();
        assertEquals("label " + wrong + ": wrong", text("#truth"));
        List<Node> rows = fx(() -> List.copyOf(view.lookupAll(".bar-row")));
        assertTrue(fx(() -> rows.get(wrong).getPseudoClassStates().contains(PseudoClass.getPseudoClass("truth"))),
                "the label's bar is marked");
        assertTrue(fx(() -> rows.get(top).getPseudoClassStates().contains(PseudoClass.getPseudoClass("top"))),
                "and the top guess's, differently");
        assertFalse(fx(() -> rows.get(top).getPseudoClassStates().contains(PseudoClass.getPseudoClass("truth"))));

        fx(() -> {
            model.drawing().begin(20, 20, 5, false); // drawn over, it is no longer the test image
            model.drawing().end();
            return null;
        });
        settle();
        assertEquals("", text("#truth"));
    }

    @Test
    void aLayerHasOneNameInTheViewAndTheInspector() throws Exception {
        draw(7);
        List<String> titles = fx(() -> view.lookupAll(".layer-name").stream().map(n -> ((Label) n).getText()).toList());
        assertTrue(titles.contains("fc1 → relu3"), "the column of fc1 and its activation names both: " + titles);
        fx(() -> {
            model.pin(UnitRef.vector(7, 17)); // fc1, neuron 17
            return null;
        });
        settle();
        String activated = fx(() -> view.lookupAll(".term").stream().map(n -> ((Label) n).getText())
                .filter(t -> t.contains("→")).findFirst().orElseThrow());
        assertTrue(activated.endsWith("→ relu3"), activated);
    }

    @Test
    void theSaliencyLegendNamesTheClassItExplains() throws Exception {
        draw(3);
        assertFalse(fx(() -> view.lookup("#" + PreprocessView.SALIENCY_LEGEND_ID).isVisible()), "no legend while off");
        fx(() -> {
            model.setSaliency(true);
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> model.saliencyMapProperty().get() != null));
        assertTrue(fx(() -> view.lookup("#" + PreprocessView.SALIENCY_LEGEND_ID).isVisible()));
        assertEquals("explains class 3 (the top guess)", text(".saliency-explains"));
    }

    @Test
    void aUnitsReceptiveFieldIsOutlinedOnTheCanvasAndOnWhatTheNetworkSees() throws Exception {
        draw(7);
        assertFalse(fx(() -> view.lookup("#canvas-field").isVisible()));
        fx(() -> {
            model.pin(new UnitRef(0, 2, 8, 8)); // conv1, up and left: a 5×5 field
            return null;
        });
        settle();
        Bounds corner = fieldOnCanvas();
        fx(() -> {
            model.pin(new UnitRef(0, 2, 20, 20)); // down and right
            return null;
        });
        settle();
        Bounds opposite = fieldOnCanvas();
        assertTrue(corner.getMaxX() < opposite.getMinX() && corner.getMaxY() < opposite.getMinY(),
                "units apart on the map see parts of the drawing apart: " + corner + ", " + opposite);
        assertTrue(fx(() -> view.lookup("#" + PreprocessView.FIELD_ID).isVisible()));
        Bounds seen = fx(() -> bounds(view.lookup("#" + PreprocessView.FIELD_ID)));
        Bounds picture = fx(() -> bounds(view.lookup("#" + PreprocessView.SEEN_ID)));
        double pixel = picture.getWidth() / 28;
        assertEquals(5 * pixel, seen.getWidth(), 3, "5 of the 28 pixels wide");
        assertEquals(picture.getMinX() + 18 * pixel, seen.getMinX(), 3, "from column 18 (20 − 2)");
    }

    @Test
    void anotherLayersArithmeticStartsAtItsTop() throws Exception {
        draw(7);
        fx(() -> {
            model.pin(new UnitRef(3, 5, 4, 6)); // conv2: taller than the panel
            return null;
        });
        settle();
        ScrollPane scroll = fx(() -> (ScrollPane) view.lookup(".inspector-scroll"));
        fx(() -> {
            scroll.setVvalue(1);
            model.pin(new UnitRef(3, 2, 1, 1)); // the same layer: the place stays
            return null;
        });
        settle();
        assertEquals(1, fx(scroll::getVvalue), 1e-9);
        fx(() -> {
            model.pin(new UnitRef(2, 3, 7, 6)); // pool1
            return null;
        });
        settle();
        assertEquals(0, fx(scroll::getVvalue), 1e-9);
    }

    @Test
    void panelsExportOnTheirThemesBackground(@TempDir Path dir) throws Exception {
        draw(7);
        for (boolean light : new boolean[] {false, true}) {
            if (light) {
                fx(() -> {
                    view.toggleTheme();
                    view.applyCss();
                    return null;
                });
            }
            for (ExplorerView.Panel panel : List.of(ExplorerView.Panel.NETWORK, ExplorerView.Panel.INPUT)) {
                Path file = dir.resolve(panel + "-" + light + ".png");
                fx(() -> {
                    view.export(panel, file);
                    return null;
                });
                BufferedImage png = ImageIO.read(file.toFile());
                double corner = luminance(png.getRGB(1, png.getHeight() - 2));
                assertTrue(light ? corner > 0.8 : corner < 0.25, panel + (light ? " light" : " dark") + ": " + corner);
            }
        }
    }

    private Bounds fieldOnCanvas() throws Exception {
        return fx(() -> {
            Node field = view.lookup("#canvas-field");
            assertTrue(field.isVisible());
            Bounds b = bounds(field);
            Bounds canvas = bounds(view.canvas());
            assertTrue(canvas.contains(b), "inside the canvas: " + b + " in " + canvas);
            return b;
        });
    }

    private void draw(int digit) throws Exception {
        fx(() -> {
            model.clear();
            DigitStrokes.draw(model.drawing(), digit, 70, 30, 210, (float) DrawingCanvas.DEFAULT_RADIUS);
            return null;
        });
        settle();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(model::upToDate));
        fx(() -> {
            for (int i = 0; i < 3; i++) {
                view.applyCss();
                view.layout();
            }
            return null;
        });
    }

    private String text(String selector) throws Exception {
        return fx(() -> ((Label) view.lookup(selector)).getText());
    }

    private static Bounds bounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private static double luminance(int rgb) {
        return (0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF)) / 255;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
