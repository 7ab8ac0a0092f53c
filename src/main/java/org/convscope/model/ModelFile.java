package org.convscope.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.spec.InvalidNetworkException;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.NetworkSpecJson;
import org.convscope.io.FileException;
import org.convscope.io.NamedTensor;
import org.convscope.io.SafeTensors;
import org.convscope.io.SafeTensorsFile;

/**
 * ConvScope model files: safetensors files (see {@link SafeTensors}) with one F32 tensor per parameter, named
 * "layer.weight" and "layer.bias" (convolution weights [outC][inC/groups][kH][kW], fully connected [out][in]), and
 * per buffer ("bn.running_mean", "bn.running_var", "scale.constant"), and
 * metadata "format" = "convscope-model", "format_version" = "1" and "architecture" = the network as JSON
 * ({@link NetworkSpecJson}). Other metadata (how it was trained, its accuracy) is kept as it is.
 */
public final class ModelFile {
    public static final String FORMAT = "convscope-model";
    public static final String VERSION = "1";
    /** The pretrained LeNet-5 on the class path. */
    public static final String DEFAULT_RESOURCE = "/models/lenet5-mnist.safetensors";

    private ModelFile() {}

    /** Metadata key of the class names, one per line (or a JSON list of strings). */
    public static final String LABELS = "labels";
    /** Metadata key of why class names given with a model were not used. */
    public static final String LABELS_NOTE = "labels_note";

    /** A network with the metadata it was saved with. */
    public record Model(Network network, Map<String, String> metadata) {
        /** The name of class i: from the model's labels, else "class i". */
        public String className(int i) {
            List<String> labels = parseLabels(metadata.get(LABELS));
            return labels != null && i < labels.size() && labels.size() == network.numClasses() ? labels.get(i) : "class " + i;
        }

        /** Whether the model names its classes. */
        public boolean hasLabels() {
            List<String> labels = parseLabels(metadata.get(LABELS));
            return labels != null && labels.size() == network.numClasses();
        }

        /** Every class's name, in order. */
        public List<String> classNames() {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < network.numClasses(); i++) names.add(className(i));
            return names;
        }
    }

    /** Class names from a labels text: a JSON list of strings, or one name per line (blank lines at the end ignored). */
    public static List<String> parseLabels(String text) {
        if (text == null) return null;
        String t = text.strip();
        if (t.startsWith("[")) {
            try {
                com.google.gson.JsonArray array = com.google.gson.JsonParser.parseString(t).getAsJsonArray();
                List<String> names = new ArrayList<>();
                for (com.google.gson.JsonElement e : array) {
                    if (!e.isJsonPrimitive()) return null;
                    names.add(e.getAsString());
                }
                return names;
            } catch (RuntimeException e) {
                return null;
            }
        }
        List<String> names = new ArrayList<>(List.of(text.split("\\R", -1)));
        while (!names.isEmpty() && names.getLast().isBlank()) names.removeLast();
        names.replaceAll(String::strip);
        return names.isEmpty() ? null : names;
    }

    /** Saves atomically: an interrupted save leaves any previous file untouched. */
    public static void save(Path file, Network network, Map<String, String> extraMetadata) throws FileException {
        List<NamedTensor> tensors = new ArrayList<>();
        for (Param p : network.params()) tensors.add(new NamedTensor(p.name(), p.shape(), p.value()));
        for (Param p : network.buffers()) tensors.add(new NamedTensor(p.name(), p.shape(), p.value()));
        Map<String, String> metadata = new LinkedHashMap<>(extraMetadata);
        metadata.put("format", FORMAT);
        metadata.put("format_version", VERSION);
        metadata.put("architecture", NetworkSpecJson.toJson(network.spec()));
        SafeTensors.write(file, tensors, metadata);
    }

    /** Parameters beyond the file's own a network built to learn a file's shapes may have, in floats (4 MB). */
    private static final long PROBE_SLACK = 1 << 20;

    /**
     * Loads and checks a ConvScope model file (ONNX files and these both: {@code org.convscope.open.Models}); every
     * problem is a one-line {@link FileException} naming the file.
     */
    public static Model load(Path file) throws FileException {
        SafeTensorsFile content = SafeTensors.read(file, "model file");
        Map<String, String> metadata = content.metadata();
        String version = metadata.getOrDefault("format_version", VERSION);
        if (!VERSION.equals(version)) throw new FileException(file, "model format_version " + FileException.cut(version)
                + " is not supported; this ConvScope reads version " + VERSION);
        String architecture = metadata.get("architecture");
        if (architecture == null) {
            throw new FileException(file, "not a ConvScope model: no \"architecture\" in the metadata");
        }
        NetworkSpec spec;
        try {
            spec = NetworkSpecJson.fromJson(architecture);
        } catch (InvalidNetworkException e) {
            throw new FileException(file, "architecture: " + e.getMessage());
        }
        Map<String, NamedTensor> tensors = new HashMap<>(content.tensors());
        Map<String, float[]> values = new HashMap<>();
        Network probe;
        try {
            // The claim against what the file holds, before a network of that size is allocated to learn its shapes.
            // One up to twice the file's values (plus a little) costs no more than reading the file did, and is built
            // to name the exact tensor that is missing or misshapen.
            long parameters = spec.parameterCount();
            long held = tensors.values().stream().mapToLong(t -> t.data().length).sum();
            if (parameters > 2 * held + PROBE_SLACK) {
                throw new FileException(file, "the architecture has " + parameters + " parameters, the file holds "
                        + held + " values");
            }
            probe = Network.withParams(spec, Map.of(), false);
        } catch (InvalidNetworkException e) {
            throw new FileException(file, e.getMessage());
        }
        List<Param> expected = new ArrayList<>(probe.params());
        expected.addAll(probe.buffers());
        for (Param p : expected) {
            NamedTensor t = tensors.remove(p.name());
            if (t == null) throw new FileException(file, "tensor " + p.name() + " is missing");
            if (!Arrays.equals(t.shape(), p.shape())) {
                throw new FileException(file, "tensor " + p.name() + " has shape " + Arrays.toString(t.shape())
                        + ", the architecture needs " + Arrays.toString(p.shape()));
            }
            for (float v : t.data()) {
                if (!Float.isFinite(v)) throw new FileException(file, "tensor " + p.name() + " holds NaN or infinite values");
            }
            values.put(p.name(), t.data());
        }
        if (!tensors.isEmpty()) {
            throw new FileException(file, "tensor " + tensors.keySet().iterator().next() + " is not part of the architecture");
        }
        return new Model(Network.withParams(spec, values), metadata);
    }

    /** Whether a file is opened as ONNX: its name ends with ".onnx". */
    public static boolean isOnnx(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx");
    }

    /** The pretrained LeNet-5 that ships with ConvScope. */
    public static Model loadDefault() throws FileException {
        Path temp = null;
        try (InputStream in = ModelFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new FileException(Path.of(DEFAULT_RESOURCE), "the bundled model is missing from the application");
            temp = Files.createTempFile("convscope-model", ".safetensors");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Model model = load(temp);
            return model;
        } catch (FileException e) {
            throw e;
        } catch (IOException e) {
            throw new FileException(Path.of(DEFAULT_RESOURCE), "cannot read the bundled model: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }
}
