package org.convscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digits as a user would draw them: any size, anywhere on the canvas, either polarity, PNG or JPG. */
class ClassifyCommandTest {
    @TempDir
    Path dir;

    @Test
    void digitsAnywhereAndAnySizeAreRecognised() throws Exception {
        Dataset test = DatasetFolder.bundledMnist().test();
        List<String> args = new ArrayList<>(List.of("classify", "--json"));
        List<Integer> truth = new ArrayList<>();
        int count = 30;
        for (int i = 0; i < count; i++) {
            int index = i * 331 % test.size();
            int scale = 2 + i % 7;                 // 56 to 224 px tall
            boolean lightOnDark = i % 2 == 0;
            String format = i % 3 == 0 ? "jpg" : "png";
            BufferedImage canvas = new BufferedImage(500, 400, BufferedImage.TYPE_INT_RGB);
            int left = (i * 97) % (500 - 28 * scale);
            int top = (i * 61) % (400 - 28 * scale);
            for (int y = 0; y < 400; y++) {
                for (int x = 0; x < 500; x++) {
                    int sx = (x - left) / scale;
                    int sy = (y - top) / scale;
                    float ink = x >= left && y >= top && sx < 28 && sy < 28 ? test.inkImage(index).at(sx, sy) : 0f;
                    int v = Math.round(255 * (lightOnDark ? ink : 1 - ink));
                    canvas.setRGB(x, y, v << 16 | v << 8 | v);
                }
            }
            Path file = dir.resolve("digit" + i + "." + format);
            ImageIO.write(canvas, format, file.toFile());
            args.add(file.toString());
            truth.add(test.label(index));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(count, lines.size());
        int right = 0;
        for (int i = 0; i < count; i++) {
            JsonObject o = JsonParser.parseString(lines.get(i)).getAsJsonObject();
            assertTrue(o.get("file").getAsString().endsWith("digit" + i + (i % 3 == 0 ? ".jpg" : ".png")));
            JsonArray top3 = o.getAsJsonArray("top3");
            assertEquals(3, top3.size());
            double previous = 1;
            for (var entry : top3) {
                double p = entry.getAsJsonObject().get("probability").getAsDouble();
                assertTrue(p <= previous, "top3 sorted by probability");
                previous = p;
            }
            assertEquals(o.get("label").getAsInt(), top3.get(0).getAsJsonObject().get("class").getAsInt());
            if (o.get("label").getAsInt() == truth.get(i)) right++;
        }
        assertTrue(right >= count - 2, "recognised " + right + " of " + count);
    }

    @Test
    void plainOutputListsTopThree() throws Exception {
        BufferedImage canvas = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Dataset test = DatasetFolder.bundledMnist().test();
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int v = Math.round(255 * test.inkImage(0).at(x, y));
                canvas.setRGB(x + 40, y + 40, v << 16 | v << 8 | v);
            }
        }
        Path file = dir.resolve("seven.png");
        ImageIO.write(canvas, "png", file.toFile());
        CliRun run = CliRun.of("classify", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().matches("(?s).*seven\\.png: " + test.label(0) + " \\(\\d+\\.\\d%\\)( \\d \\(\\d+\\.\\d%\\)){2}\\s*"),
                run.out());
    }

    @Test
    void aBlankImageHasNoInkAndNoClassification() throws Exception {
        BufferedImage white = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 90; y++) for (int x = 0; x < 120; x++) white.setRGB(x, y, 0xFFFFFF);
        Path file = dir.resolve("blank.png");
        ImageIO.write(white, "png", file.toFile());
        CliRun run = CliRun.of("classify", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(file + ": no ink (a blank image), nothing to classify", run.out().strip());
        CliRun json = CliRun.of("classify", "--json", file.toString());
        JsonObject o = JsonParser.parseString(json.out().strip()).getAsJsonObject();
        assertEquals(false, o.get("ink").getAsBoolean());
        assertEquals(null, o.get("top3"), "no probabilities for nothing");
    }
}
