package org.convscope.lecture;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.InvalidNetworkException;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.NetworkSpecJson;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.Presets;
import org.convscope.io.FileException;

/**
 * Lesson files: JSON, documented with examples in {@code samples/lessons/README.md}. A lesson is
 * {@code {"title": …, "frames": [frame, …]}}; each frame has a {@code "view"} (conv, relu, pool, dense, softmax,
 * network), an optional {@code "title"}, {@code "caption"} and {@code "position"} (a step number or "end"), and the
 * numbers of its view. Errors name the file, the frame, the field, the value found and what was expected.
 */
public final class LessonFile {
    private LessonFile() {}

    public static Lesson load(Path file, LessonSources sources) throws FileException {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FileException(file, "cannot read the lesson: " + e.getMessage(), e);
        }
        return parse(json, file, sources);
    }

    /** Every {@code *.json} lesson in the folder, by file name. */
    public static List<Lesson> loadFolder(Path dir, LessonSources sources) throws FileException {
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new FileException(dir, "cannot list the lessons: " + e.getMessage(), e);
        }
        List<Lesson> lessons = new ArrayList<>();
        for (Path file : files) lessons.add(load(file, sources));
        return lessons;
    }

    public static Lesson parse(String json, Path file, LessonSources sources) throws FileException {
        try {
            JsonElement root = JsonParser.parseString(json);
            if (!root.isJsonObject()) throw new Problem("the lesson is not a JSON object");
            JsonObject o = root.getAsJsonObject();
            String title = text(o, "title", "lesson");
            JsonArray frames = array(o, "frames", "lesson");
            List<Frame> parsed = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                if (!frames.get(i).isJsonObject()) throw new Problem("frame " + (i + 1) + " is not a JSON object");
                parsed.add(new FrameReader(frames.get(i).getAsJsonObject(), "frame " + (i + 1), sources).read());
            }
            if (parsed.isEmpty()) throw new Problem("\"frames\" is empty, expected at least one frame");
            return new Lesson(title, parsed);
        } catch (JsonParseException e) {
            throw new FileException(file, "not valid JSON: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        } catch (Problem | InvalidNetworkException e) {
            throw new FileException(file, e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new FileException(file, e.getMessage(), e);
        }
    }

    /** A malformed lesson; becomes a {@link FileException}. */
    static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message);
        }
    }

    private record FrameReader(JsonObject o, String where, LessonSources sources) {
        Frame read() {
            String view = text(o, "view", where);
            String w = where + " (" + view + ")";
            FrameReader r = new FrameReader(o, w, sources);
            Stepper<?> stepper = switch (view) {
                case "conv" -> r.conv();
                case "relu" -> ReluStepper.start(r.volume("input"));
                case "pool" -> r.pool();
                case "dense" -> r.dense();
                case "softmax" -> SoftmaxStepper.start(r.numbers("logits"));
                case "network" -> NetworkStepper.start(r.network());
                default -> throw new Problem(where + ": \"view\" is \"" + view
                        + "\", expected conv, relu, pool, dense, softmax or network");
            };
            String title = o.has("title") ? text(o, "title", w) : "";
            String caption = o.has("caption") ? text(o, "caption", w) : "";
            return new Frame(title, caption, r.position(stepper));
        }

        private Stepper<?> position(Stepper<?> s) {
            if (!o.has("position")) return s;
            JsonElement p = o.get("position");
            if (p.isJsonPrimitive() && p.getAsJsonPrimitive().isString() && p.getAsString().equals("end")) {
                return s.at(s.count());
            }
            return s.at(integer("position", 0));
        }

        private ConvStepper conv() {
            JsonElement in = required("input");
            Volume input = volume(in, "input");
            List<Volume> filters = new ArrayList<>();
            List<JsonElement> written = new ArrayList<>();
            if (o.has("kernels")) {
                JsonArray list = array(o, "kernels", where);
                for (int i = 0; i < list.size(); i++) {
                    filters.add(kernel(list.get(i), "kernels[" + i + "]", input.channels()));
                    written.add(list.get(i));
                }
            } else {
                filters.add(kernel(required("kernel"), "kernel", input.channels()));
                written.add(o.get("kernel"));
            }
            float[] bias = o.has("bias") ? numbers("bias") : new float[filters.size()];
            return ConvStepper.start(new ConvSetup(input, filters, bias, integer("stride", 1), integer("padding", 0),
                    origin(in, "the lesson's input"), filterOrigin(written)));
        }

        /** Where the written grid's numbers come from, and so what a larger size adds. */
        private static Origin origin(JsonElement e, String writtenWords) {
            if (e.isJsonPrimitive() && e.getAsString().equals("explorer")) return Origin.written("the explorer's drawing");
            if (e.isJsonPrimitive() && KernelPreset.byName(e.getAsString()) != null) {
                KernelPreset p = KernelPreset.byName(e.getAsString());
                return new Origin("the " + p.label() + " preset", new Origin.Preset(p));
            }
            if (e.isJsonObject() && e.getAsJsonObject().has("testDigit")) {
                return Origin.written("test digit " + e.getAsJsonObject().get("testDigit").getAsInt());
            }
            if (e.isJsonObject() && e.getAsJsonObject().has("random")) {
                Origin.Random r = random(e.getAsJsonObject());
                return new Origin("random whole numbers " + Numbers.format(r.min()) + " to " + Numbers.format(r.max()),
                        r);
            }
            return Origin.written(writtenWords);
        }

        /** One filter's origin; several random filters grow by the first one's rule; other lists as written. */
        private static Origin filterOrigin(List<JsonElement> written) {
            if (written.size() == 1) return origin(written.getFirst(), "the lesson's kernel");
            boolean random = written.stream().allMatch(e -> e.isJsonObject() && e.getAsJsonObject().has("random"));
            return random ? origin(written.getFirst(), "") : Origin.written("the lesson's filters");
        }

        private static Origin.Random random(JsonObject g) {
            long seed = g.has("seed") ? g.get("seed").getAsLong() : 1;
            int min = g.has("min") ? g.get("min").getAsInt() : 0;
            int max = g.has("max") ? g.get("max").getAsInt() : 9;
            return new Origin.Random(min, max, seed);
        }

        /** A kernel written out, a preset name (repeated over the input depth) or {"random": …}. */
        private Volume kernel(JsonElement e, String field, int depth) {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                KernelPreset preset = KernelPreset.byName(e.getAsString());
                if (preset == null) throw new Problem(where + ": \"" + field + "\" is \"" + e.getAsString()
                        + "\", expected a matrix or one of " + presetNames());
                return Origin.repeated(preset.kernel(), depth);
            }
            return volume(e, field);
        }

        private PoolStepper pool() {
            String kind = text(o, "kind", where);
            PoolSpec.Kind k = switch (kind) {
                case "max" -> PoolSpec.Kind.MAX;
                case "average" -> PoolSpec.Kind.AVERAGE;
                case "l2" -> PoolSpec.Kind.L2;
                default -> throw new Problem(where + ": \"kind\" is \"" + kind + "\", expected max, average or l2");
            };
            int window = integer("window", 2);
            return PoolStepper.start(volume("input"), k, window, integer("stride", window));
        }

        private DenseStepper dense() {
            float[] inputs = numbers("inputs");
            Volume weights = volume("weights");
            if (weights.width() != inputs.length) {
                throw new Problem(where + ": \"weights\" rows have " + weights.width() + " numbers, expected one per input: "
                        + inputs.length);
            }
            float[] bias = o.has("bias") ? numbers("bias") : new float[weights.height()];
            int neuron = integer("neuron", 1);
            if (neuron < 1 || neuron > weights.height()) {
                throw new Problem(where + ": \"neuron\" is " + neuron + ", expected 1 to " + weights.height()
                        + " (one per row of \"weights\", counted from 1)");
            }
            return DenseStepper.start(inputs, weights.values(), bias, neuron - 1);
        }

        private NetworkSpec network() {
            JsonElement e = required("network");
            if (e.isJsonPrimitive()) {
                NetworkSpec preset = Presets.byName(e.getAsString());
                if (preset == null) throw new Problem(where + ": \"network\" is \"" + e.getAsString() + "\", expected lenet5");
                return preset;
            }
            return NetworkSpecJson.fromJson(e.toString());
        }

        private Volume volume(String field) {
            return volume(required(field), field);
        }

        /** A 2-D or 3-D array of numbers, {"random": [c, h, w], …}, {"testDigit": i} or "explorer". */
        private Volume volume(JsonElement e, String field) {
            if (e.isJsonPrimitive() && e.getAsString().equals("explorer")) return sources.explorerDrawing();
            if (e.isJsonObject()) return generated(e.getAsJsonObject(), field);
            if (!e.isJsonArray() || e.getAsJsonArray().isEmpty()) throw expected(field, e, "a matrix of numbers");
            JsonArray rows = e.getAsJsonArray();
            boolean threeD = rows.get(0).isJsonArray() && !rows.get(0).getAsJsonArray().isEmpty()
                    && rows.get(0).getAsJsonArray().get(0).isJsonArray();
            if (!threeD) return Volume.of(matrix(rows, field));
            float[][][] channels = new float[rows.size()][][];
            for (int c = 0; c < rows.size(); c++) {
                if (!rows.get(c).isJsonArray()) throw expected(field + "[" + c + "]", rows.get(c), "a matrix of numbers");
                channels[c] = matrix(rows.get(c).getAsJsonArray(), field + "[" + c + "]");
            }
            try {
                return Volume.of(channels);
            } catch (IllegalArgumentException ex) {
                throw new Problem(where + ": \"" + field + "\": " + ex.getMessage());
            }
        }

        private Volume generated(JsonObject g, String field) {
            if (g.has("testDigit")) return sources.testDigit(g.get("testDigit").getAsInt());
            if (!g.has("random")) throw expected(field, g, "a matrix, {\"random\": [c, h, w]}, {\"testDigit\": i} or \"explorer\"");
            JsonArray dims = g.getAsJsonArray("random");
            if (dims.size() != 3) throw expected(field + ".random", dims, "[channels, height, width]");
            Origin.Random r = random(g);
            return RandomVolume.integers(new Dims(dims.get(0).getAsInt(), dims.get(1).getAsInt(),
                    dims.get(2).getAsInt()), r.min(), r.max(), r.seed());
        }

        private float[][] matrix(JsonArray rows, String field) {
            float[][] m = new float[rows.size()][];
            for (int y = 0; y < rows.size(); y++) {
                if (!rows.get(y).isJsonArray()) throw expected(field + "[" + y + "]", rows.get(y), "a row of numbers");
                m[y] = numbers(rows.get(y).getAsJsonArray(), field + "[" + y + "]");
                if (m[y].length != m[0].length) {
                    throw new Problem(where + ": \"" + field + "\" row " + y + " has " + m[y].length + " numbers, expected "
                            + m[0].length + " like row 0");
                }
            }
            return m;
        }

        private float[] numbers(String field) {
            JsonElement e = required(field);
            if (!e.isJsonArray() || e.getAsJsonArray().isEmpty()) throw expected(field, e, "a list of numbers");
            return numbers(e.getAsJsonArray(), field);
        }

        private float[] numbers(JsonArray a, String field) {
            float[] out = new float[a.size()];
            for (int i = 0; i < out.length; i++) {
                JsonElement v = a.get(i);
                if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) throw expected(field + "[" + i + "]", v, "a number");
                out[i] = v.getAsFloat();
            }
            return out;
        }

        private int integer(String field, int fallback) {
            if (!o.has(field)) return fallback;
            JsonElement e = o.get(field);
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                double d = e.getAsDouble();
                if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) return (int) d;
            }
            throw expected(field, e, "a whole number");
        }

        private JsonElement required(String field) {
            if (!o.has(field)) throw new Problem(where + ": \"" + field + "\" is missing");
            return o.get(field);
        }

        private Problem expected(String field, JsonElement found, String expected) {
            String text = found.toString();
            if (text.length() > 40) text = text.substring(0, 37) + "…";
            return new Problem(where + ": \"" + field + "\" is " + text + ", expected " + expected);
        }
    }

    private static String presetNames() {
        List<String> names = new ArrayList<>();
        for (KernelPreset p : KernelPreset.values()) names.add(p.fileName());
        return String.join(", ", names);
    }

    private static String text(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (e == null) throw new Problem(where + ": \"" + field + "\" is missing");
        if (!(e instanceof JsonPrimitive p) || !p.isString()) {
            throw new Problem(where + ": \"" + field + "\" is " + e + ", expected a string");
        }
        return p.getAsString().strip().isEmpty() ? "" : p.getAsString();
    }

    private static JsonArray array(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonArray()) {
            throw new Problem(where + ": \"" + field + "\" is " + e + ", expected a list");
        }
        return e.getAsJsonArray();
    }
}
