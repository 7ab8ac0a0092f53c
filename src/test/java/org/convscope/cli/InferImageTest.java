package org.convscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.convscope.data.Photo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code convscope infer --input IMAGE} against torchvision: photos preprocessed by torchvision's Resize, CenterCrop,
 * ToTensor and Normalize (src/test/python/make_preprocess_fixtures.py, src/test/resources/preprocess/). The model
 * is a Flatten of its 3×224×224 input, so the printed output is the input the photo became.
 */
class InferImageTest {
    private static final Path PHOTOS = Path.of("src/test/resources/preprocess");
    private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};
    private static final float[] CUSTOM_MEAN = {0.5f, 0.4f, 0.3f};
    private static final float[] CUSTOM_STD = {0.2f, 0.25f, 0.3f};

    @TempDir
    Path dir;

    /**
     * wide.png (410×300) is shrunk to 349×256 (torchvision truncates 349.87) or cropped without resizing (300);
     * small.png (180×150) is grown, its crop starting at round(41.5) = 42. Shrinking averages areas where PIL uses a
     * triangle filter, so single pixels at sharp edges differ by up to 16/255; growing is PIL's bilinear, up to the
     * 8-bit rounding of torchvision's pixels.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"wide, imagenet, 16", "wide, custom, 1", "small, imagenet, 1.5", "small, custom, 1.5"})
    void theInputIsTorchvisions(String photo, String recipe, double maxPixels) throws Exception {
        Path model = org.convscope.onnx.OnnxTestModels.model()
                .input("x", 1, 3, 224, 224)
                .node("Flatten", List.of("x"), List.of("y"))
                .output("y", 1, 3 * 224 * 224)
                .write(dir.resolve("identity.onnx"));
        boolean imagenet = recipe.equals("imagenet");
        List<String> args = new java.util.ArrayList<>(List.of("infer", "--model", model.toString(), "--input",
                PHOTOS.resolve(photo + ".png").toString(), "--json"));
        args.addAll(imagenet ? List.of("--preprocess", "imagenet")
                : List.of("--size", "300", "--mean", "0.5,0.4,0.3", "--std", "0.2,0.25,0.3"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        JsonObject o = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        assertEquals(Set.of("model", "input_shape", "output_shape", "output", "milliseconds"), o.keySet());
        assertEquals("identity.onnx", o.get("model").getAsString());
        assertEquals("[1,3,224,224]", o.get("input_shape").toString());
        assertEquals("[1,150528]", o.get("output_shape").toString());

        float[] torchvision = Photo.load(PHOTOS.resolve(photo + "-" + recipe + ".png")).planes(); // [3][224][224], 0…1
        float[] mean = imagenet ? IMAGENET_MEAN : CUSTOM_MEAN;
        float[] std = imagenet ? IMAGENET_STD : CUSTOM_STD;
        JsonArray output = o.getAsJsonArray("output");
        assertEquals(torchvision.length, output.size());
        double sum = 0;
        double max = 0;
        for (int i = 0; i < torchvision.length; i++) {
            int c = i / (224 * 224);
            double pixel = output.get(i).getAsDouble() * std[c] + mean[c];   // back to 0…1: (v − mean)/std undone
            double d = Math.abs(pixel - torchvision[i]);
            sum += d;
            max = Math.max(max, d);
        }
        double meanPixels = sum / torchvision.length * 255;
        assertTrue(meanPixels <= 0.5, photo + " " + recipe + ": mean difference " + meanPixels + "/255 from torchvision's");
        assertTrue(max * 255 <= maxPixels, photo + " " + recipe + ": largest difference " + max * 255 + "/255");
    }
}
