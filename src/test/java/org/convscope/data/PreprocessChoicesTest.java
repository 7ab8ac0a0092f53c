package org.convscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.convscope.engine.Dims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preprocessing chosen per model file survives a restart: saved and read back equal, by the file's absolute
 * path, the newest kept when there are too many; a missing file is no choices, a bad one no choices and one line.
 */
class PreprocessChoicesTest {
    @TempDir
    Path dir;

    @Test
    void choicesAreReadBackAsSavedPerModelFile() throws Exception {
        Path file = dir.resolve("state").resolve(PreprocessChoices.FILE);
        PreprocessChoices.Loaded none = PreprocessChoices.load(file);
        assertTrue(none.choices().models().isEmpty());
        assertNull(none.problem(), "no file yet is no problem");

        Path resnet = dir.resolve("models/resnet18.onnx");
        Path mobile = dir.resolve("models/../models/mobilenet.onnx");
        PhotoPreprocess custom = new PhotoPreprocess("custom", 300, new float[] {0.5f, 0.4f, 0.3f},
                new float[] {0.25f, 0.2f, 0.125f});
        PreprocessChoices choices = none.choices().with(resnet, PhotoPreprocess.unit()).with(mobile, custom)
                .with(resnet, PhotoPreprocess.imagenet(new Dims(3, 224, 224)));
        choices.save(file);

        PreprocessChoices.Loaded back = PreprocessChoices.load(file);
        assertNull(back.problem());
        PhotoPreprocess r = back.choices().get(dir.resolve("models/resnet18.onnx")).orElseThrow();
        assertEquals("imagenet", r.name(), "the newest choice for a file");
        assertEquals(256, r.shorter());
        assertArrayEquals(PhotoPreprocess.IMAGENET_STD, r.std());
        PhotoPreprocess m = back.choices().get(dir.resolve("models/mobilenet.onnx")).orElseThrow();
        assertEquals(custom.name(), m.name());
        assertEquals(custom.shorter(), m.shorter());
        assertArrayEquals(custom.mean(), m.mean());
        assertArrayEquals(custom.std(), m.std());
        assertEquals(Optional.empty(), back.choices().get(dir.resolve("models/other.onnx")));
    }

    @Test
    void theOldestChoiceGoesBeyondTheMost() {
        PreprocessChoices choices = new PreprocessChoices(java.util.Map.of());
        for (int i = 0; i <= PreprocessChoices.MOST; i++) choices = choices.with(dir.resolve("m" + i + ".onnx"), PhotoPreprocess.unit());
        assertEquals(PreprocessChoices.MOST, choices.models().size());
        assertTrue(choices.get(dir.resolve("m0.onnx")).isEmpty(), "the first chosen is forgotten");
        assertTrue(choices.get(dir.resolve("m" + PreprocessChoices.MOST + ".onnx")).isPresent());
    }

    @Test
    void aBadFileIsOneLineAndNoChoices() throws Exception {
        String[] bad = {"{\"version\": 1, \"models\": {", "[1, 2, 3]",
                "{\"models\": {\"/m.onnx\": {\"name\": \"custom\", \"shorter\": 0, \"mean\": [0, 0, 0], \"std\": [1, -1, 1]}}}",
                "{\"models\": {\"/m.onnx\": {\"name\": \"custom\", \"mean\": [0, 0]}}}"};
        String[] said = {"not valid JSON", "no \"models\" object", "std must be positive", "/m.onnx: "};
        for (int i = 0; i < bad.length; i++) {
            Path file = Files.writeString(dir.resolve("bad" + i + ".json"), bad[i]);
            PreprocessChoices.Loaded loaded = PreprocessChoices.load(file);
            assertTrue(loaded.choices().models().isEmpty());
            String problem = loaded.problem();
            assertTrue(problem.startsWith(file.toString()) && problem.contains(said[i]) && !problem.contains("\n"),
                    problem);
        }
        Path huge = Files.write(dir.resolve("huge.json"), new byte[(int) PreprocessChoices.MAX_BYTES + 1]);
        assertTrue(PreprocessChoices.load(huge).problem().contains("larger than"));
    }
}
