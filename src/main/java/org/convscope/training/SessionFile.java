package org.convscope.training;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convscope.engine.Loss;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.optim.OptimizerConfig;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.NetworkSpecJson;
import org.convscope.io.FileException;
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
    private static final String BUFFER = "buffer.";
    private static final String START = "start.";
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

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
        metadata.put("session", GSON.toJson(sessionJson(s, timelineSteps)));
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
        json.add("epochs", GSON.toJsonTree(s.curves().epochs()));
        json.add("timeline_steps", timelineSteps);
        json.addProperty("timeline_interval", s.timelineInterval());
        return json;
    }

    /** Reads a session file; every problem is a one-line {@link FileException} naming the file. */
    public static SessionState read(Path file) throws FileException {
        SafeTensorsFile content = SafeTensors.read(file);
        Map<String, String> meta = content.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new FileException(file, "not a ConvScope session: format is " + meta.get("format") + ", expected " + FORMAT);
        }
        try {
            NetworkSpec spec = NetworkSpecJson.fromJson(meta.get("architecture"));
            JsonObject json = GSON.fromJson(meta.get("session"), JsonObject.class);
            Tensors tensors = new Tensors(file, content);
            Network shapes = Network.initialized(spec, 0);
            List<Param> params = shapes.params();
            float[][] values = new float[params.size()][];
            float[][][] state = new float[2][params.size()][];
            for (int i = 0; i < params.size(); i++) {
                String name = params.get(i).name();
                values[i] = tensors.require("param." + name, params.get(i).size());
                state[0][i] = tensors.optional("adam.m." + name);
                state[1][i] = tensors.optional("adam.v." + name);
            }
            JsonArray curveSteps = json.getAsJsonArray("curve_steps");
            long[] steps = new long[curveSteps.size()];
            for (int i = 0; i < steps.length; i++) steps[i] = curveSteps.get(i).getAsLong();
            List<EpochPoint> epochs = List.of(GSON.fromJson(json.get("epochs"), EpochPoint[].class));
            CurveSnapshot curves = new CurveSnapshot(steps, tensors.require("curves.loss", steps.length),
                    tensors.require("curves.smoothed_loss", steps.length),
                    tensors.require("curves.smoothed_accuracy", steps.length), epochs);
            List<TimelineFrame> timeline = timeline(json.getAsJsonArray("timeline_steps"), content, tensors);
            List<Param> bufferShapes = shapes.buffers();
            float[][] buffers = new float[bufferShapes.size()][];
            for (int i = 0; i < buffers.length; i++) {
                buffers[i] = tensors.require(BUFFER + bufferShapes.get(i).name(), bufferShapes.get(i).size());
            }
            return new SessionState(spec, settings(json.getAsJsonObject("settings")), values, state,
                    json.get("optimizer_steps").getAsLong(), json.get("step").getAsLong(), json.get("epoch").getAsInt(),
                    json.get("position").getAsInt(), curves, timeline, json.get("timeline_interval").getAsInt(),
                    json.get("dataset").getAsString(), buffers, start(meta, json, content),
                    json.has("epoch_images") ? json.get("epoch_images").getAsInt() : 0,
                    json.has("epoch_loss") ? json.get("epoch_loss").getAsDouble() : 0,
                    json.has("epoch_correct") ? json.get("epoch_correct").getAsLong() : 0);
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException
                 | NullPointerException | ClassCastException e) {
            throw new FileException(file, "damaged session: " + e.getMessage());
        }
    }

    /** The weights the session started from: the model's network with its {@code start.} tensors, or null. */
    private static StartWeights start(Map<String, String> meta, JsonObject json, SafeTensorsFile content) {
        String architecture = meta.get("start_architecture");
        if (architecture == null) return null;
        Map<String, float[]> values = new java.util.HashMap<>();
        for (NamedTensor t : content.tensors().values()) {
            if (t.name().startsWith(START)) values.put(t.name().substring(START.length()), t.data());
        }
        Network model = Network.withParams(NetworkSpecJson.fromJson(architecture), values);
        return StartWeights.of(model, json.get("start_source").getAsString());
    }

    private static TrainingSettings settings(JsonObject s) {
        OptimizerConfig o = new OptimizerConfig(OptimizerConfig.Kind.valueOf(s.get("optimizer").getAsString()),
                s.get("learning_rate").getAsFloat(), s.get("momentum").getAsFloat(), s.get("beta1").getAsFloat(),
                s.get("beta2").getAsFloat(), s.get("epsilon").getAsFloat(), s.get("weight_decay").getAsFloat());
        return new TrainingSettings(o, Loss.valueOf(s.get("loss").getAsString()), s.get("batch_size").getAsInt(),
                s.get("seed").getAsLong(), s.get("shift").getAsInt(), s.get("threads").getAsInt(),
                s.has("train_last") ? s.get("train_last").getAsInt() : 0);
    }

    private static List<TimelineFrame> timeline(JsonArray steps, SafeTensorsFile content, Tensors tensors)
            throws FileException {
        List<TimelineFrame> frames = new ArrayList<>();
        for (int t = 0; t < steps.size(); t++) {
            String prefix = "timeline." + t + ".";
            List<ConvFilters> filters = new ArrayList<>();
            for (NamedTensor tensor : content.tensors().values()) {
                if (!tensor.name().startsWith(prefix)) continue;
                int[] s = tensor.shape();
                if (s.length != 4) throw new IllegalArgumentException(tensor.name() + ": expected 4 dimensions");
                filters.add(new ConvFilters(tensor.name().substring(prefix.length()), s[0], s[1], s[2], s[3],
                        tensors.require(tensor.name(), tensor.data().length)));
            }
            frames.add(new TimelineFrame(steps.get(t).getAsLong(), filters));
        }
        return frames;
    }

    private record Tensors(Path file, SafeTensorsFile content) {
        float[] require(String name, int size) throws FileException {
            NamedTensor t = content.tensors().get(name);
            if (t == null) throw new FileException(file, "tensor " + name + " is missing");
            if (t.data().length != size) {
                throw new FileException(file, "tensor " + name + " has " + t.data().length + " values, expected " + size);
            }
            return t.data();
        }

        float[] optional(String name) {
            NamedTensor t = content.tensors().get(name);
            return t == null ? null : t.data();
        }
    }
}
