package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.convscope.engine.explain.UnitRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the explorer at 1920×1080 in both themes and in the states worth looking at (every normalisation, both
 * saliency methods, a unit of every kind pinned in the inspector, the help overlay) into target/snapshots, and checks
 * that the theme reaches the panels and the inspector's card, whose text stays readable on it.
 */
class ExplorerLooksTest {
    @BeforeAll
    static void startFx() {
        UiBench.startHeadless();
    }

    @Test
    void darkPerMapWithOcclusionAndAPoolUnit() throws Exception {
        Rendered r = render("explorer-dark-per-map-occlusion", false, Normalisation.PER_MAP,
                SaliencyMethod.OCCLUSION, new UnitRef(2, 3, 7, 6), false);
        assertTrue(luminance(r.image().getRGB(1910, 540)) < 0.3, "the dark theme's panels are dark");
        assertTrue(luminance(r.card()) < 0.2, "the inspector is a dark card in the dark theme");
        r.assertReadable();
    }

    @Test
    void darkWithAConvUnit() throws Exception {
        Rendered r = render("explorer-dark-conv-unit", false, Normalisation.PER_LAYER, null, new UnitRef(3, 5, 4, 3),
                false);
        assertTrue(luminance(r.card()) < 0.2, "the inspector is a dark card in the dark theme");
        r.assertReadable();
    }

    @Test
    void darkWithADenseUnit() throws Exception {
        Rendered r = render("explorer-dark-dense-unit", false, Normalisation.PER_MAP, null, UnitRef.vector(7, 17), false);
        assertTrue(luminance(r.card()) < 0.2, "the inspector is a dark card in the dark theme");
        r.assertReadable();
    }

    @Test
    void darkWithTheSoftmax() throws Exception {
        Rendered r = render("explorer-dark-softmax", false, Normalisation.GLOBAL, null, UnitRef.vector(12, 3), false);
        assertTrue(luminance(r.card()) < 0.2, "the inspector is a dark card in the dark theme");
        r.assertReadable();
    }

    @Test
    void lightPerMapWithADenseUnit() throws Exception {
        Rendered r = render("explorer-light-per-map", true, Normalisation.PER_MAP, SaliencyMethod.GRADIENT,
                UnitRef.vector(7, 17), false);
        assertTrue(luminance(r.image().getRGB(1910, 540)) > 0.7, "the light theme's panels are light");
        assertTrue(luminance(r.card()) > 0.9, "the inspector is a light card in the light theme");
        r.assertReadable();
        assertTrue(r.tileBorder() != null && Math.abs(r.tileBorder().getBrightness() - 1) > 0.15,
                "white maps have a border that stands out from the white panel: " + r.tileBorder());
    }

    @Test
    void lightGlobalWithTheSoftmax() throws Exception {
        Rendered r = render("explorer-light-global-softmax", true, Normalisation.GLOBAL, null, UnitRef.vector(12, 3),
                false);
        assertTrue(luminance(r.card()) > 0.9, "the inspector is a light card in the light theme");
        r.assertReadable();
    }

    @Test
    void darkWithTheHelpOverlay() throws Exception {
        Rendered r = render("explorer-dark-help", false, Normalisation.PER_LAYER, null, new UnitRef(0, 2, 12, 12), true);
        assertTrue(luminance(r.image().getRGB(4, 1076)) < 0.15, "the screen behind the shortcuts is dimmed");
        assertTrue(r.helpTexts().keySet().containsAll(java.util.Arrays.stream(Shortcut.values()).map(Shortcut::description)
                .toList()), "every shortcut is listed");
        assertReadable(r.helpCard(), r.helpTexts());
    }

    /**
     * A rendered explorer: the picture, the colour of the inspector's card in it (inside its top-left padding), and
     * the text colours of the inspector's labels as styled.
     */
    private record Rendered(BufferedImage image, int card, Map<String, Color> texts, int helpCard,
                            Map<String, Color> helpTexts, Color tileBorder) {
        /** Every label of the inspector contrasts with its card at least 4.5:1 (WCAG AA for small text). */
        void assertReadable() {
            assertFalse(texts.isEmpty(), "the inspector shows the unit");
            ExplorerLooksTest.assertReadable(card, texts);
        }
    }

    private static void assertReadable(int card, Map<String, Color> texts) {
        for (Map.Entry<String, Color> t : texts.entrySet()) {
            double ratio = contrast(relative(pixel(card)), relative(t.getValue()));
            assertTrue(ratio >= 4.5, String.format(Locale.ROOT, "%s: contrast %.2f with the card", t.getKey(), ratio));
        }
    }

    /** Draws a 5, sets the view up, renders the whole scene to target/snapshots/name.png and reads it back. */
    private static Rendered render(String name, boolean light, Normalisation mode, SaliencyMethod saliency,
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
            Bounds inspector = fx(() -> {
                Node pane = view.lookup("#inspector");
                return pane.localToScene(pane.getLayoutBounds());
            });
            int card = image.getRGB((int) inspector.getMinX() + 4, (int) inspector.getMinY() + 4);
            Map<String, Color> texts = fx(() -> labelColours(view.lookup("#inspector")));
            Bounds helpBounds = fx(() -> {
                Node pane = view.lookup(".help-card");
                return pane.localToScene(pane.getLayoutBounds());
            });
            int helpCard = image.getRGB((int) helpBounds.getMinX() + 4, (int) helpBounds.getMinY() + 4);
            Map<String, Color> helpTexts = fx(() -> labelColours(view.lookup(".help-card")));
            Color border = fx(() -> {
                javafx.scene.layout.Region tile = (javafx.scene.layout.Region) view.lookup(".map-tile");
                return tile.getBorder() == null ? null
                        : (Color) tile.getBorder().getStrokes().getFirst().getTopStroke();
            });
            return new Rendered(image, card, texts, helpCard, helpTexts, border);
        } finally {
            model.close();
        }
    }

    /** The text colour of every visible, non-blank label under {@code root} that is not a selected one. */
    private static Map<String, Color> labelColours(Node root) {
        Map<String, Color> found = new LinkedHashMap<>();
        for (Node n : root.lookupAll(".label")) {
            if (n instanceof Label l && l.isVisible() && !l.getText().isBlank()
                    && !l.getStyleClass().contains("selected") && l.getTextFill() instanceof Color c) {
                found.put(l.getText(), c);
            }
        }
        return found;
    }

    private static double luminance(int rgb) {
        return (0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF)) / 255;
    }

    /** WCAG relative luminance of a colour (linear light). */
    private static double relative(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** WCAG contrast ratio of two relative luminances: 1 (the same) to 21 (black on white). */
    private static double contrast(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static Color pixel(int rgb) {
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
