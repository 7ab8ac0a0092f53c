package org.convscope.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convscope.engine.Loss;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.optim.OptimizerConfig;
import org.convscope.engine.spec.InvalidNetworkException;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.NetworkSpecJson;
import org.convscope.engine.train.Freezing;
import org.convscope.io.FileException;
import org.convscope.io.JsonText;
import org.convscope.io.MemoryBudget;
import org.convscope.io.NamedTensor;
import org.convscope.io.SafeTensors;
import org.convscope.io.SafeTensorsFile;

/**
 * Training session files: safetensors (see {@link SafeTensors}), saved atomically. Tensors: {@code param.<name>}
 * (the weights), {@code adam.m.<name>} / {@code adam.v.<name>} (the optimizer's first and second moments where used),
 * {@code buffer.<name>} (batch norm statistics, constants: saved with the model, not trained),
 * {@code curves.loss}, {@code curves.smoothed_loss}, {@code curves.smoothed_accuracy},
 * {@code timeline.<i>.<layer>} (filter snapshots) and, for a session started from a model's weights,
 * {@code start.<name>} (those weights, which a reset goes back to). Metadata: {@code format} = {@value #FORMAT},
 * {@code architecture} (the network as JSON), {@code start_architecture} (the model's, when started from one) and
 * {@code session}: a JSON object with the settings (with {@code train_last}, the layers that train), counters (with
 * the epoch's training statistics so far: {@code epoch_images}, {@code epoch_loss}, {@code epoch_correct}), curve
 * steps, epoch points, timeline steps, the data set and {@code start_source} (the model's file name, when started from
 * one). Files written before those keys existed read as every layer training and the epoch counted from where it
 * was saved.
 */
public final class SessionFile {
    public static final String FORMAT = "convscope-session";
    public static final String VERSION = "1";
    /** Longest architecture JSON read; a real one is a few kilobytes. */
    static final int MAX_ARCHITECTURE_CHARS = 1 << 20;
    /** Longest session JSON read: curve and timeline steps are bounded, epochs nearly so. */
    static final int MAX_SESSION_CHARS = 4 << 20;
    static final int MAX_EPOCHS = 100_000;
    private static final int MAX_DATASET_CHARS = 4096;
    private static final String BUFFER = "buffer.";
    private static final String START = "start.";

    private SessionFile() {}

    public static void write(Path file, SessionState s) throws FileException {
        Network shapes = Network.initialized(s.spec(), 0);
        List<Param> params = shapes.params();
        List<NamedTensor> tensors = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            tensors.add(new NamedTensor("param." + p.name(), p.shape(), s.params()[i]));
            if (s.optimizerState()[0][i] != null) tensors.add(new NamedTensor("adam.m." + p.name(), p.shape(), s.optimizerState()[0][i]));
            if (s.optimizerState()[1][i] != null) tensors.add(new NamedTensor("adam.v." + p.name(), p.shape(), s.optimizerState()[1][i]));
        }
        List<Param> buffers = shapes.buffers();
        for (int i = 0; i < buffers.size(); i++) {
            tensors.add(new NamedTensor(BUFFER + buffers.get(i).name(), buffers.get(i).shape(), s.buffers()[i]));
        }
        if (s.start() != null) {
            for (NamedTensor t : s.start().tensors()) tensors.add(new NamedTensor(START + t.name(), t.shape(), t.data()));
        }
        CurveSnapshot c = s.curves();
        tensors.add(new NamedTensor("curves.loss", new int[] {c.size()}, c.batchLoss()));
        tensors.add(new NamedTensor("curves.smoothed_loss", new int[] {c.size()}, c.smoothedLoss()));
        tensors.add(new NamedTensor("curves.smoothed_accuracy", new int[] {c.size()}, c.smoothedAccuracy()));
        JsonArray timelineSteps = new JsonArray();
        for (int t = 0; t < s.timeline().size(); t++) {
            TimelineFrame frame = s.timeline().get(t);
            timelineSteps.add(frame.step());
            for (ConvFilters f : frame.filters()) {
                tensors.add(new NamedTensor("timeline." + t + "." + f.layer(),
                        new int[] {f.filters(), f.channels(), f.kernelHeight(), f.kernelWidth()}, f.weights()));
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("format_version", VERSION);
        metadata.put("architecture", NetworkSpecJson.toJson(s.spec()));
        if (s.start() != null) metadata.put("start_architecture", NetworkSpecJson.toJson(s.start().model()));
        metadata.put("session", sessionJson(s, timelineSteps).toString());
        SafeTensors.write(file, tensors, metadata);
    }

    private static JsonObject sessionJson(SessionState s, JsonArray timelineSteps) {
        JsonObject json = new JsonObject();
        OptimizerConfig o = s.settings().optimizer();
        JsonObject settings = new JsonObject();
        settings.addProperty("optimizer", o.kind().name());
        settings.addProperty("learning_rate", o.learningRate());
        settings.addProperty("momentum", o.momentum());
        settings.addProperty("beta1", o.beta1());
        settings.addProperty("beta2", o.beta2());
        settings.addProperty("epsilon", o.epsilon());
        settings.addProperty("weight_decay", o.weightDecay());
        settings.addProperty("loss", s.settings().loss().name());
        settings.addProperty("batch_size", s.settings().batchSize());
        settings.addProperty("seed", s.settings().seed());
        settings.addProperty("shift", s.settings().shift());
        settings.addProperty("threads", s.settings().threads());
        settings.addProperty("train_last", s.settings().trainLast());
        json.add("settings", settings);
        json.addProperty("optimizer_steps", s.optimizerSteps());
        json.addProperty("step", s.step());
        json.addProperty("epoch", s.epoch());
        json.addProperty("position", s.position());
        json.addProperty("epoch_images", s.epochImages());
        json.addProperty("epoch_loss", s.epochLoss());
        json.addProperty("epoch_correct", s.epochCorrect());
        json.addProperty("dataset", s.dataset());
        if (s.start() != null) json.addProperty("start_source", s.start().source());
        JsonArray curveSteps = new JsonArray();
        for (long step : s.curves().steps()) curveSteps.add(step);
        json.add("curve_steps", curveSteps);
        json.add("epochs", epochsJson(s.curves().epochs()));
        json.add("timeline_steps", timelineSteps);
        json.addProperty("timeline_interval", s.timelineInterval());
        return json;
    }

    /** The epoch points; a value that is not finite (a test set too small to measure) is written as null. */
    private static JsonArray epochsJson(List<EpochPoint> epochs) {
        JsonArray list = new JsonArray();
        for (EpochPoint e : epochs) {
            JsonObject o = new JsonObject();
            o.addProperty("epoch", e.epoch());
            o.addProperty("step", e.step());
            o.add("trainLoss", finiteOrNull(e.trainLoss()));
            o.add("trainAccuracy", finiteOrNull(e.trainAccuracy()));
            o.add("testLoss", finiteOrNull(e.testLoss()));
            o.add("testAccuracy", finiteOrNull(e.testAccuracy()));
            list.add(o);
        }
        return list;
    }

    private static JsonElement finiteOrNull(double value) {
        return Double.isFinite(value) ? new JsonPrimitive(value) : JsonNull.INSTANCE;
    }

    /**
     * Reads a session file; every problem is a one-line {@link FileException} naming the file. The file is checked
     * strictly and against the heap before anything it claims is allocated: its format and version, the session JSON
     * (its size, then every field's type and range), the architecture's parameter count against the parameters the
     * file holds, every parameter and optimizer moment present, of its size and finite, the curves no longer than the
     * studio keeps ({@value Curves#CAPACITY} points) and the filter timeline no longer either
     * ({@value FilterTimeline#CAPACITY} snapshots), each snapshot of the network's own convolution shapes, and no
     * tensor that is not part of a session.
     */
    public static SessionState read(Path file) throws FileException {
        SafeTensorsFile content = SafeTensors.read(file, "session file");
        Map<String, String> meta = content.metadata();
        checkFormat(file, meta);
        try {
            NetworkSpec spec = architecture(file, meta.get("architecture"));
            JsonFields json = JsonFields.of(sessionJson(file, meta.get("session")), "session");
            Tensors tensors = new Tensors(file, content);
            long parameters = spec.parameterCount();
            if (parameters != tensors.floats("param.")) {
                throw new FileException(file, "damaged session: the architecture has " + parameters
                        + " parameters, the file holds " + tensors.floats("param.") + " parameter values");
            }
            Network shapes = Network.initialized(spec, 0);
            List<Param> params = shapes.params();
            TrainingSettings settings = settings(json.object("settings"), Freezing.layersWithParameters(spec));
            float[][] values = new float[params.size()][];
            float[][][] state = new float[2][params.size()][];
            OptimizerConfig.Kind kind = settings.optimizer().kind();
            for (int i = 0; i < params.size(); i++) {
                String name = params.get(i).name();
                int size = params.get(i).size();
                values[i] = tensors.finite("param." + name, size);
                state[0][i] = tensors.moment("adam.m." + name, size, kind != OptimizerConfig.Kind.SGD);
                state[1][i] = tensors.moment("adam.v." + name, size, kind == OptimizerConfig.Kind.ADAM);
            }
            CurveSnapshot curves = curves(json, tensors);
            List<TimelineFrame> timeline = timeline(json.array("timeline_steps", FilterTimeline.CAPACITY + 1), json,
                    tensors, params);
            List<Param> bufferShapes = shapes.buffers();
            float[][] buffers = new float[bufferShapes.size()][];
            for (int i = 0; i < buffers.length; i++) {
                buffers[i] = tensors.finite(BUFFER + bufferShapes.get(i).name(), bufferShapes.get(i).size());
            }
            StartWeights start = start(file, meta, json, tensors);
            tensors.requireAllUsed();
            // The epoch's training statistics so far (written since sessions keep them; 0 in older files).
            int position = json.integer("position", 0, Integer.MAX_VALUE);
            int epochImages = json.has("epoch_images") ? json.integer("epoch_images", 0, position) : 0;
            double epochLoss = json.has("epoch_loss") ? json.number("epoch_loss", 0, Double.MAX_VALUE) : 0;
            long epochCorrect = json.has("epoch_correct") ? json.wholeNumber("epoch_correct", 0, epochImages) : 0;
            return new SessionState(spec, settings, values, state,
                    json.wholeNumber("optimizer_steps", 0, Long.MAX_VALUE), json.wholeNumber("step", 0, Long.MAX_VALUE),
                    json.integer("epoch", 0, Integer.MAX_VALUE), position, curves,
                    timeline, json.integer("timeline_interval", 1, Integer.MAX_VALUE),
                    json.text("dataset", MAX_DATASET_CHARS), buffers, start, epochImages, epochLoss, epochCorrect);
        } catch (JsonFields.Problem | JsonText.SyntaxException e) {
            throw new FileException(file, "damaged session: " + e.getMessage());
        }
    }

    /**
     * The weights the session started from, or null: the model's architecture (checked as the session's own) with its
     * {@code start.} tensors, every parameter and buffer of that network present, of its size and finite.
     */
    private static StartWeights start(Path file, Map<String, String> meta, JsonFields json, Tensors tensors)
            throws FileException {
        String architecture = meta.get("start_architecture");
        if (architecture == null) return null;
        NetworkSpec spec = architecture(file, architecture);
        Network shapes = Network.initialized(spec, 0);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Param p : shapes.params()) values.put(p.name(), tensors.finite(START + p.name(), p.size()));
        for (Param p : shapes.buffers()) values.put(p.name(), tensors.finite(START + p.name(), p.size()));
        return StartWeights.of(Network.withParams(spec, values), json.text("start_source", MAX_DATASET_CHARS));
    }

    private static void checkFormat(Path file, Map<String, String> meta) throws FileException {
        String format = meta.get("format");
        if (!FORMAT.equals(format)) {
            throw new FileException(file, "not a ConvScope session: " + (format == null ? "no \"format\" in the metadata"
                    : "format is " + FileException.cut(format) + ", expected " + FORMAT));
        }
        String version = meta.get("format_version");
        if (!VERSION.equals(version)) {
            throw new FileException(file, version == null ? "damaged session: no \"format_version\" in the metadata"
                    : "session format_version " + FileException.cut(version) + " is not supported; this ConvScope"
                    + " reads version " + VERSION);
        }
    }

    private static NetworkSpec architecture(Path file, String json) throws FileException {
        if (json == null) throw new FileException(file, "damaged session: no \"architecture\" in the metadata");
        if (json.length() > MAX_ARCHITECTURE_CHARS) {
            throw new FileException(file, "damaged session: an architecture of " + json.length()
                    + " characters, at most " + MAX_ARCHITECTURE_CHARS + " expected");
        }
        try {
            JsonText.parse(json); // syntax errors in words; the architecture reader's own are Gson's
            return NetworkSpecJson.fromJson(json);
        } catch (JsonText.SyntaxException e) {
            throw new FileException(file, "architecture: " + e.getMessage());
        } catch (InvalidNetworkException e) {
            throw new FileException(file, "architecture: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new FileException(file, "architecture cannot be used: " + FileException.cut(
                    String.valueOf(e.getMessage()), 80), e);
        }
    }

    /** The session JSON, parsed strictly once its size is known to fit: a tree costs up to 40 bytes a character. */
    private static JsonElement sessionJson(Path file, String json) throws FileException {
        if (json == null) throw new FileException(file, "damaged session: no \"session\" in the metadata");
        if (json.length() > MAX_SESSION_CHARS) {
            throw new FileException(file, "damaged session: session data of " + json.length()
                    + " characters, at most " + MAX_SESSION_CHARS + " expected");
        }
        MemoryBudget.require(file, 40L * json.length(), "session data of " + json.length() + " characters");
        return JsonText.parse(json);
    }

    /** The settings; {@code train_last} (absent in older files: every layer trains) at most {@code layers}. */
    private static TrainingSettings settings(JsonFields s, int layers) {
        String kind = s.choice("optimizer", List.of("SGD", "MOMENTUM", "ADAM"));
        OptimizerConfig o = new OptimizerConfig(OptimizerConfig.Kind.valueOf(kind),
                (float) s.number("learning_rate", Float.MIN_VALUE, Float.MAX_VALUE),
                (float) s.number("momentum", 0, Math.nextDown(1f)), (float) s.number("beta1", 0, Math.nextDown(1f)),
                (float) s.number("beta2", 0, Math.nextDown(1f)), (float) s.number("epsilon", Float.MIN_VALUE, 1),
                (float) s.number("weight_decay", 0, Float.MAX_VALUE));
        Loss loss = Loss.valueOf(s.choice("loss", List.of("CROSS_ENTROPY", "SQUARED_ERROR")));
        return new TrainingSettings(o, loss, s.integer("batch_size", 1, TrainingSettings.MAX_BATCH),
                s.wholeNumber("seed", Long.MIN_VALUE, Long.MAX_VALUE), s.integer("shift", 0, TrainingSettings.MAX_SHIFT),
                s.integer("threads", 1, TrainingSettings.MAX_THREADS),
                s.has("train_last") ? s.integer("train_last", 0, layers) : Freezing.ALL);
    }

    private static CurveSnapshot curves(JsonFields json, Tensors tensors) throws FileException {
        JsonArray curveSteps = json.array("curve_steps", Curves.CAPACITY);
        long[] steps = new long[curveSteps.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = json.wholeNumber(curveSteps.get(i), "curve_steps[" + i + "]", i == 0 ? 0 : steps[i - 1] + 1,
                    Long.MAX_VALUE);
        }
        JsonArray epochList = json.array("epochs", MAX_EPOCHS);
        List<EpochPoint> epochs = new ArrayList<>();
        for (int i = 0; i < epochList.size(); i++) epochs.add(epochPoint(json, epochList.get(i), i));
        return new CurveSnapshot(steps, tensors.require("curves.loss", steps.length),
                tensors.require("curves.smoothed_loss", steps.length),
                tensors.require("curves.smoothed_accuracy", steps.length), epochs);
    }

    private static EpochPoint epochPoint(JsonFields session, JsonElement element, int i) {
        JsonFields e = JsonFields.of(element, "session: epochs[" + i + "]");
        return new EpochPoint(e.integer("epoch", 0, Integer.MAX_VALUE), e.wholeNumber("step", 0, Long.MAX_VALUE),
                e.numberOrNaN("trainLoss"), e.numberOrNaN("trainAccuracy"), e.numberOrNaN("testLoss"),
                e.numberOrNaN("testAccuracy"));
    }

    /**
     * The snapshots: {@code timeline.<i>.<layer>} for every snapshot i and every convolution, each of that
     * convolution's weight shape, grouped once (a file of many tensors costs one pass, not one per snapshot).
     */
    private static List<TimelineFrame> timeline(JsonArray steps, JsonFields json, Tensors tensors, List<Param> params)
            throws FileException {
        List<Param> convs = params.stream().filter(p -> p.isWeight() && p.shape().length == 4).toList();
        List<TimelineFrame> frames = new ArrayList<>();
        long previous = -1;
        for (int t = 0; t < steps.size(); t++) {
            long step = json.wholeNumber(steps.get(t), "timeline_steps[" + t + "]", previous + 1, Long.MAX_VALUE);
            previous = step;
            List<ConvFilters> filters = new ArrayList<>();
            for (Param conv : convs) {
                String layer = conv.name().substring(0, conv.name().length() - ".weight".length());
                int[] s = conv.shape();
                filters.add(new ConvFilters(layer, s[0], s[1], s[2], s[3],
                        tensors.finite("timeline." + t + "." + layer, conv.size())));
            }
            frames.add(new TimelineFrame(step, filters));
        }
        return frames;
    }

    /** The file's tensors, each taken at most once, so that any left over can be named. */
    private static final class Tensors {
        private final Path file;
        private final Map<String, NamedTensor> left;

        Tensors(Path file, SafeTensorsFile content) {
            this.file = file;
            this.left = new LinkedHashMap<>(content.tensors());
        }

        /** Values in all tensors whose names start with {@code prefix}. */
        long floats(String prefix) {
            return left.values().stream().filter(t -> t.name().startsWith(prefix)).mapToLong(t -> t.data().length).sum();
        }

        float[] require(String name, int size) throws FileException {
            NamedTensor t = left.remove(name);
            if (t == null) throw new FileException(file, "damaged session: tensor " + name + " is missing");
            if (t.data().length != size) {
                throw new FileException(file, "damaged session: tensor " + name + " has " + t.data().length
                        + " values, expected " + size);
            }
            return t.data();
        }

        /** As {@link #require}, every value finite. */
        float[] finite(String name, int size) throws FileException {
            float[] values = require(name, size);
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    throw new FileException(file, "damaged session: tensor " + name + " holds NaN or infinite values");
                }
            }
            return values;
        }

        /** An optimizer moment: present and finite when the optimizer keeps it, absent when it does not. */
        float[] moment(String name, int size, boolean kept) throws FileException {
            if (kept) return finite(name, size);
            if (left.containsKey(name)) {
                throw new FileException(file, "damaged session: tensor " + name + " does not belong to its optimizer");
            }
            return null;
        }

        void requireAllUsed() throws FileException {
            if (!left.isEmpty()) {
                throw new FileException(file, "damaged session: tensor " + FileException.cut(left.keySet().iterator().next())
                        + " is not part of a session");
            }
        }
    }
}
