package org.convscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convscope lesson export}: a lesson's frames as PNG slides of the size asked, and one line for bad input. */
class LessonCommandTest {
    static {
        System.clearProperty("testfx.headless"); // JavaFX's own headless platform, as the build passes it
    }

    private static List<String> names(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyFrameBecomesASlideOfTheSizeAsked(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("lesson", "export", "samples/lessons/layers-after-convolution.json", "--size", "800x600",
                "--out", dir.toString(), "--theme", "light");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("frame-01.png", "frame-02.png", "frame-03.png", "frame-04.png"), names(dir));
        BufferedImage slide = ImageIO.read(dir.resolve("frame-04.png").toFile());
        assertEquals(800, slide.getWidth());
        assertEquals(600, slide.getHeight());
        assertEquals(0xFFFFFF, slide.getRGB(1, 1) & 0xFFFFFF, "the light theme's page");
        assertTrue(run.out().contains("wrote 4 slides of 800×600 to " + dir), run.out());
    }

    @Test
    void everyStepOfEveryFrameWithStepsAll(@TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("two.json");
        Files.writeString(lesson, """
                {"title": "two", "frames": [
                  {"view": "relu", "input": [[-1, 2]]},
                  {"view": "conv", "input": [[1, 2], [3, 4]], "kernel": [[1]]}
                ]}""");
        Path out = dir.resolve("slides");
        CliRun run = CliRun.of("lesson", "export", lesson.toString(), "--size", "640x480", "--out", out.toString(),
                "--steps", "all");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("frame-01-step-000.png", "frame-01-step-001.png", "frame-01-step-002.png",
                "frame-02-step-000.png", "frame-02-step-001.png", "frame-02-step-002.png", "frame-02-step-003.png",
                "frame-02-step-004.png"), names(out));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(out.resolve("frame-02-step-000.png")),
                Files.readAllBytes(out.resolve("frame-02-step-004.png"))), "the steps differ");
    }

    @Test
    void badInputIsOneLine(@TempDir Path dir) throws Exception {
        CliRun size = CliRun.of("lesson", "export", "samples/lessons/classic-examples.json", "--size", "big", "--out",
                dir.toString());
        assertEquals(Cli.USAGE, size.exit());
        assertTrue(size.err().contains("--size is 'big', expected WIDTHxHEIGHT"), size.err());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"title\": \"x\", \"frames\": [{\"view\": \"conv\"}]}");
        CliRun lesson = CliRun.of("lesson", "export", broken.toString(), "--out", dir.resolve("out").toString());
        assertTrue(lesson.failedWithOneLine(), lesson.err());
        assertEquals("convscope lesson: broken.json: frame 1 (conv): \"input\" is missing", lesson.err().strip());
        CliRun action = CliRun.of("lesson", "print", broken.toString(), "--out", dir.toString());
        assertEquals(Cli.USAGE, action.exit());
        assertTrue(action.err().contains("unknown action 'print', expected export"), action.err());
    }
}
