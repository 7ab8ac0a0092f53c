package org.convscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convscope render} writes the network view of a colour graph (the residual block) as a PNG of the width asked
 * for, on its theme's panel colour; one layer's every channel with --layer; bad input fails in one line.
 */
class RenderCommandTest {
    private static final String MODEL = "src/test/resources/onnx/resblock/model.onnx";
    private static final String INPUT = "src/test/resources/onnx/resblock/input.npy";
    /** The explorer's panel colours (explorer.css: -x-panel of .explorer.light and .explorer.dark). */
    private static final int LIGHT_PANEL = 0xFFFFFF;
    private static final int DARK_PANEL = 0x1F242B;

    @TempDir
    Path dir;

    @Test
    void writesTheGraphAtTheWidthAskedForOnTheThemesBackground() throws Exception {
        for (String theme : new String[] {"light", "dark"}) {
            Path out = dir.resolve(theme + ".png");
            CliRun run = CliRun.of("render", "--model", MODEL, "--input", INPUT, "--out", out.toString(), "--width", "900",
                    "--theme", theme);
            assertEquals(0, run.exit(), run.err());
            BufferedImage png = ImageIO.read(out.toFile());
            assertEquals(900, png.getWidth());
            // 22 nodes at 1:1 do not fit 900 pixels: bands one under the other (each block broken to fit), not shrunk.
            assertTrue(png.getHeight() > 3 * 168, "bands of nodes: " + png.getHeight());
            int corner = png.getRGB(1, 1) & 0xFFFFFF;
            assertEquals(theme.equals("light") ? LIGHT_PANEL : DARK_PANEL, corner, theme + " background");
            assertTrue(run.out().contains(out.toString()), run.out());
        }
    }

    @Test
    void theGraphAtOneToOneIsWiderThanTheWindow() throws Exception {
        Path out = dir.resolve("full.png");
        CliRun run = CliRun.of("render", "--model", MODEL, "--input", INPUT, "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        BufferedImage png = ImageIO.read(out.toFile());
        // 22 nodes, mostly in a chain: far wider than a screen at 1:1, so every card stays readable.
        assertTrue(png.getWidth() > 3000, "width " + png.getWidth());
    }

    @Test
    void oneLayerDrawsEveryChannel() throws Exception {
        Path out = dir.resolve("layer.png");
        CliRun run = CliRun.of("render", "--model", MODEL, "--input", INPUT, "--out", out.toString(), "--layer", "stem.0");
        assertEquals(0, run.exit(), run.err());
        BufferedImage png = ImageIO.read(out.toFile());
        assertTrue(png.getWidth() > 16 * 64 && png.getHeight() > 64, png.getWidth() + "×" + png.getHeight());
    }

    @Test
    void badInputFailsInOneLine() throws Exception {
        Path out = dir.resolve("x.png");
        CliRun noLayer = CliRun.of("render", "--model", MODEL, "--input", INPUT, "--out", out.toString(), "--layer", "nope");
        assertTrue(noLayer.failedWithOneLine() && noLayer.err().contains("nope"), noLayer.err());

        Path broken = dir.resolve("broken.onnx");
        Files.write(broken, new byte[] {1, 2, 3});
        CliRun badModel = CliRun.of("render", "--model", broken.toString(), "--input", INPUT, "--out", out.toString());
        assertTrue(badModel.failedWithOneLine() && badModel.err().contains("broken.onnx"), badModel.err());

        CliRun badTheme = CliRun.of("render", "--model", MODEL, "--input", INPUT, "--out", out.toString(), "--theme", "blue");
        assertTrue(badTheme.failedWithOneLine() && badTheme.err().contains("--theme"), badTheme.err());

        CliRun wrongInput = CliRun.of("render", "--model", MODEL, "--input", "src/test/resources/onnx/lenet/input.npy",
                "--out", out.toString());
        assertTrue(wrongInput.failedWithOneLine() && wrongInput.err().contains("input.npy"), wrongInput.err());
        assertFalse(Files.exists(out), "nothing written after a failure");
    }
}
