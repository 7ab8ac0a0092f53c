package org.convscope.lecture;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
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
import org.convscope.io.JsonText;
import org.convscope.io.MemoryBudget;

/**
 * Lesson files: JSON, documented with examples in {@code samples/lessons/README.md}. A lesson is
 * {@code {"title": …, "frames": [frame, …]}}; each frame has a {@code "view"} (conv, relu, pool, dense, softmax,
 * network), an optional {@code "title"}, {@code "caption"} and {@code "position"} (a step number or "end"), and the
 * numbers of its view. Errors name the file, the frame, the field, the value found and what was expected.
 *
 * <p>A lesson is read strictly and bounded: a file of at most {@value #MAX_BYTES} bytes of UTF-8, strict JSON, grids
 * of at most {@value #MAX_CHANNELS} channels of {@value #MAX_SIDE}×{@value #MAX_SIDE}, at most {@value #MAX_FILTERS}
 * filters, and stride, padding and window from 0 to {@value #MAX_STEP}, so that no lesson asks for more memory than
 * a lecture can show.
 */
public final class LessonFile {
    /** Largest lesson file read. */
    public static final int MAX_BYTES = 4 << 20;
    static final int MAX_SIDE = 256;
    static final int MAX_CHANNELS = 64;
    static final int MAX_FILTERS = 64;
    static final int MAX_STEP = 64;

    private LessonFile() {}

    public static Lesson load(Path file, LessonSources sources) throws FileException {
        String json;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new FileException(file, "a lesson of " + MemoryBudget.size(Files.size(file))
                        + " is larger than the limit of " + MemoryBudget.size(MAX_BYTES));
            }
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new FileException(file, "not a lesson: not UTF-8 text", e);
        } catch (FileException e) {
            throw e;
        } catch (IOException e) {
            throw new FileException(file, "cannot read the lesson: " + FileException.reason(e), e);
        }
        return parse(json, file, sources);
    }

    /** Every {@code *.json} lesson in the folder, by file name. */
    public static List<Lesson> loadFolder(Path dir, LessonSources sources) throws FileException {
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new FileException(dir, "cannot list the lessons: " + FileException.reason(e), e);
        }
        List<Lesson> lessons = new ArrayList<>();
        for (Path file : files) lessons.add(load(file, sources));
        return lessons;
    }

    public static Lesson parse(String json, Path file, LessonSources sources) throws FileException {
        try {
            JsonElement root = JsonText.parse(json);
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
        } catch (Problem | InvalidNetworkException | JsonText.SyntaxException e) {
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
                default -> throw new Problem(where + ": \"view\" is \"" + FileException.cut(view)
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
            return s.at(integer("position", 0, 0, Integer.MAX_VALUE));
        }

        private ConvStepper conv() {
            JsonElement in = required("input");
            Volume input = volume(in, "input");
            List<Volume> filters = new ArrayList<>();
            List<JsonElement> written = new ArrayList<>();
            if (o.has("kernels")) {
                JsonArray list = array(o, "kernels", where);
                if (list.size() > MAX_FILTERS) {
                    throw new Problem(where + ": \"kernels\" has " + list.size() + " filters, at most " + MAX_FILTERS);
                }
                for (int i = 0; i < list.size(); i++) {
                    filters.add(kernel(list.get(i), "kernels[" + i + "]", input.channels()));
                    written.add(list.get(i));
                }
            } else {
                filters.add(kernel(required("kernel"), "kernel", input.channels()));
                written.add(o.get("kernel"));
            }
            float[] bias = o.has("bias") ? numbers("bias") : new float[filters.size()];
            return ConvStepper.start(new ConvSetup(input, filters, bias, integer("stride", 1, 0, MAX_STEP),
                    integer("padding", 0, 0, MAX_STEP),
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
                if (preset == null) throw new Problem(where + ": \"" + field + "\" is \"" + FileException.cut(e.getAsString())
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
                default -> throw new Problem(where + ": \"kind\" is \"" + FileException.cut(kind)
                        + "\", expected max, average or l2");
            };
            int window = integer("window", 2, 1, MAX_STEP);
            return PoolStepper.start(volume("input"), k, window, integer("stride", window, 1, MAX_STEP));
        }

        private DenseStepper dense() {
            float[] inputs = numbers("inputs");
            Volume weights = volume("weights");
            if (weights.width() != inputs.length) {
                throw new Problem(where + ": \"weights\" rows have " + weights.width() + " numbers, expected one per input: "
                        + inputs.length);
            }
            float[] bias = o.has("bias") ? numbers("bias") : new float[weights.height()];
            int neuron = integer("neuron", 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
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
                if (preset == null) {
                    throw new Problem(where + ": \"network\" is \"" + FileException.cut(e.getAsString()) + "\", expected lenet5");
                }
                return preset;
            }
            if (!e.isJsonObject()) throw expected("network", e, "\"lenet5\" or an architecture object");
            try {
                return NetworkSpecJson.fromJson(e.toString());
            } catch (InvalidNetworkException ex) {
                throw new Problem(where + ": \"network\": " + ex.getMessage());
            } catch (RuntimeException ex) {
                throw new Problem(where + ": \"network\" cannot be used: " + FileException.cut(String.valueOf(ex.getMessage()), 80));
            }
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
            if (rows.size() > MAX_CHANNELS) {
                throw new Problem(where + ": \"" + field + "\" has " + rows.size() + " channels, at most " + MAX_CHANNELS);
            }
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
            FrameReader r = new FrameReader(g, where, sources);
            if (g.has("testDigit")) {
                int index = r.integer("testDigit", 0, 0, Integer.MAX_VALUE);
                try {
                    return sources.testDigit(index);
                } catch (IndexOutOfBoundsException e) {
                    throw expected(field + ".testDigit", g.get("testDigit"), "the number of a test image");
                }
            }
            if (!g.has("random")) throw expected(field, g, "a matrix, {\"random\": [c, h, w]}, {\"testDigit\": i} or \"explorer\"");
            JsonElement random = g.get("random");
            if (!random.isJsonArray() || random.getAsJsonArray().size() != 3) {
                throw expected(field + ".random", random, "[channels, height, width]");
            }
            JsonArray dims = random.getAsJsonArray();
            int channels = whole(dims.get(0), field + ".random[0]", 1, MAX_CHANNELS);
            int height = whole(dims.get(1), field + ".random[1]", 1, MAX_SIDE);
            int width = whole(dims.get(2), field + ".random[2]", 1, MAX_SIDE);
            long seed = g.has("seed") ? r.integer("seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE) : 1;
            int min = r.integer("min", 0, -1_000_000, 1_000_000);
            int max = r.integer("max", 9, -1_000_000, 1_000_000);
            return RandomVolume.integers(new Dims(channels, height, width), min, max, seed);
        }

        private float[][] matrix(JsonArray rows, String field) {
            if (rows.size() > MAX_SIDE) throw new Problem(where + ": \"" + field + "\" has " + rows.size() + " rows, at most " + MAX_SIDE);
            float[][] m = new float[rows.size()][];
            for (int y = 0; y < rows.size(); y++) {
                if (!rows.get(y).isJsonArray()) throw expected(field + "[" + y + "]", rows.get(y), "a row of numbers");
                m[y] = numbers(rows.get(y).getAsJsonArray(), field + "[" + y + "]");
                if (m[y].length > MAX_SIDE) {
                    throw new Problem(where + ": \"" + field + "\" row " + y + " has " + m[y].length + " numbers, at most "
                            + MAX_SIDE);
                }
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
                if (!Float.isFinite(out[i])) throw expected(field + "[" + i + "]", v, "a number a float can hold");
            }
            return out;
        }

        /** A whole number from {@code min} to {@code max}, or {@code fallback} when the field is absent. */
        private int integer(String field, int fallback, int min, int max) {
            if (!o.has(field)) return fallback;
            return whole(o.get(field), field, min, max);
        }

        private int whole(JsonElement e, String field, int min, int max) {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                double d = e.getAsDouble();
                if (d == Math.rint(d) && d >= min && d <= max) return (int) d;
            }
            throw expected(field, e, "a whole number" + (max < Integer.MAX_VALUE ? " from " + min + " to " + max : ""));
        }

        private JsonElement required(String field) {
            if (!o.has(field)) throw new Problem(where + ": \"" + field + "\" is missing");
            return o.get(field);
        }

        private Problem expected(String field, JsonElement found, String expected) {
            return new Problem(where + ": \"" + field + "\" is " + FileException.cut(found.toString()) + ", expected " + expected);
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
            throw new Problem(where + ": \"" + field + "\" is " + FileException.cut(e.toString()) + ", expected a string");
        }
        return p.getAsString().strip().isEmpty() ? "" : p.getAsString();
    }

    private static JsonArray array(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonArray()) {
            throw new Problem(where + ": \"" + field + "\" is " + (e == null ? "missing" : FileException.cut(e.toString()))
                    + ", expected a list");
        }
        return e.getAsJsonArray();
    }
}
