package org.convscope.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.convscope.io.AtomicFiles;
import org.convscope.io.FileException;
import org.convscope.io.JsonText;

/**
 * The preprocessing a user chose for each model file (imagenet, unit or a custom recipe), kept in the app's state
 * folder so that it holds across restarts: {@code {"version": 1, "models": {"/abs/model.onnx": {"name": "unit",
 * "shorter": 0, "mean": [0, 0, 0], "std": [1, 1, 1]}, …}}}, the most recently chosen last, at most {@value #MOST}.
 * Immutable: {@link #with} gives the choices with one more. A file that cannot be read or is not such a document
 * gives no choices and one line saying why (the app goes on with each model's usual recipe).
 *
 * @param models the recipe of each model file, by its absolute path, oldest choice first
 */
public record PreprocessChoices(Map<String, PhotoPreprocess> models) {
    /** The file's name in the state folder. */
    public static final String FILE = "preprocessing.json";
    /** The most models remembered; the oldest choice goes first. */
    static final int MOST = 200;
    /** The largest file read: {@value #MOST} entries take a few tens of kilobytes. */
    static final long MAX_BYTES = 1 << 20;

    public PreprocessChoices {
        models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** The choices read, and the problem with the file in one line (null when there was none, or no file yet). */
    public record Loaded(PreprocessChoices choices, String problem) {}

    /** Reads the choices of {@code file}; never throws: a bad file is no choices and a problem. */
    public static Loaded load(Path file) {
        PreprocessChoices none = new PreprocessChoices(Map.of());
        try {
            if (Files.size(file) > MAX_BYTES) {
                return new Loaded(none, file + ": larger than " + MAX_BYTES / 1024 + " KB, not a file of ConvScope's;"
                        + " the usual preprocessing is used");
            }
            return new Loaded(parse(Files.readString(file, StandardCharsets.UTF_8)), null);
        } catch (NoSuchFileException e) {
            return new Loaded(none, null);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof IOException io ? FileException.reason(io) : e.getMessage();
            return new Loaded(none, file + ": " + why + "; the usual preprocessing is used");
        }
    }

    /** The recipe chosen for a model file, if any. */
    public Optional<PhotoPreprocess> get(Path model) {
        return Optional.ofNullable(models.get(key(model)));
    }

    /** These choices with {@code recipe} for {@code model} (the newest; the oldest dropped beyond {@value #MOST}). */
    public PreprocessChoices with(Path model, PhotoPreprocess recipe) {
        LinkedHashMap<String, PhotoPreprocess> more = new LinkedHashMap<>(models);
        more.remove(key(model));
        more.put(key(model), recipe);
        while (more.size() > MOST) more.remove(more.keySet().iterator().next());
        return new PreprocessChoices(more);
    }

    /** Writes the choices to {@code file} atomically (its folder created). */
    public void save(Path file) throws FileException {
        JsonObject all = new JsonObject();
        for (Map.Entry<String, PhotoPreprocess> e : models.entrySet()) {
            PhotoPreprocess r = e.getValue();
            JsonObject o = new JsonObject();
            o.addProperty("name", r.name());
            o.addProperty("shorter", r.shorter());
            o.add("mean", array(r.mean()));
            o.add("std", array(r.std()));
            all.add(e.getKey(), o);
        }
        JsonObject root = new JsonObject();
        root.addProperty("version", 1);
        root.add("models", all);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new FileException(file, "cannot create its folder: " + FileException.reason(e));
        }
        AtomicFiles.write(file, out -> out.write(root.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String key(Path model) {
        return model.toAbsolutePath().normalize().toString();
    }

    private static JsonArray array(float[] v) {
        JsonArray a = new JsonArray();
        for (float x : v) a.add(x);
        return a;
    }

    /** The document's choices; IllegalArgumentException saying what is wrong. */
    private static PreprocessChoices parse(String text) {
        JsonElement root = JsonText.parse(text);
        if (!root.isJsonObject() || !root.getAsJsonObject().has("models") || !root.getAsJsonObject().get("models").isJsonObject()) {
            throw new IllegalArgumentException("not a list of preprocessing choices (no \"models\" object)");
        }
        LinkedHashMap<String, PhotoPreprocess> models = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.getAsJsonObject().getAsJsonObject("models").entrySet()) {
            if (models.size() == MOST) break;
            models.put(e.getKey(), recipe(e.getKey(), e.getValue()));
        }
        return new PreprocessChoices(models);
    }

    private static PhotoPreprocess recipe(String model, JsonElement value) {
        try {
            JsonObject o = value.getAsJsonObject();
            return new PhotoPreprocess(o.get("name").getAsString(), o.get("shorter").getAsInt(), triple(o.get("mean")),
                    triple(o.get("std")));
        } catch (RuntimeException e) {
            String why = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage() : "missing or wrong fields";
            throw new IllegalArgumentException("the choice for " + FileException.cut(model, 60) + ": " + why, e);
        }
    }

    private static float[] triple(JsonElement value) {
        JsonArray a = value.getAsJsonArray();
        if (a.size() != 3) throw new IllegalArgumentException("mean and std need 3 values each");
        return new float[] {a.get(0).getAsFloat(), a.get(1).getAsFloat(), a.get(2).getAsFloat()};
    }
}
