package org.convscope.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.layer.Layer;
import org.convscope.engine.spec.BatchNormSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.io.NamedTensor;

/**
 * The weights a session starts from instead of fresh ones: a model's parameters and buffers, by layer, and the file
 * they came from. A layer of the network to train takes the model's tensors when the model has a layer of that name
 * whose tensors have the same names and shapes; every other layer starts fresh (random weights from the seed, batch
 * norms as the identity), e.g. a last layer resized to the data's class count. Immutable; the arrays are shared with
 * the model's network and never written.
 */
public final class StartWeights {
    /** One layer of the model: its specification, input shapes and tensors (parameters, then buffers). */
    private record ModelLayer(Layer layer, Map<String, Param> tensors) {}

    /**
     * What a network takes from the start weights.
     *
     * @param source where the weights come from, as said to the user (a file name)
     * @param taken  layers (of those with weights) that take the model's
     * @param layers layers with weights
     * @param fresh  one line per layer that starts fresh, with the reason ("fc starts fresh: 10 → 2 classes")
     */
    public record Match(String source, int taken, int layers, List<String> fresh) {
        private static final int SHOWN = 4;

        public Match {
            fresh = List.copyOf(fresh);
        }

        /** In words: where the weights come from and which layers start fresh, in one line. */
        public String summary() {
            if (taken == 0) return "No weights from " + source + " fit this network: every layer starts fresh";
            if (fresh.isEmpty()) return "Weights from " + source + " (every layer)";
            List<String> shown = fresh.size() <= SHOWN ? fresh : fresh.subList(0, SHOWN - 1);
            String more = fresh.size() <= SHOWN ? "" : "; " + (fresh.size() - shown.size()) + " more start fresh";
            return "Weights from " + source + " for " + taken + " of " + layers + " layers; " + String.join("; ", shown)
                    + more;
        }
    }

    private final String source;
    private final NetworkSpec model;
    private final Map<String, ModelLayer> layers;

    private StartWeights(String source, Network network) {
        this.source = Objects.requireNonNull(source, "source");
        this.model = network.spec();
        Map<String, ModelLayer> byName = new LinkedHashMap<>();
        for (Layer layer : network.layers()) {
            Map<String, Param> tensors = new LinkedHashMap<>();
            for (Param p : layer.params()) tensors.put(p.name(), p);
            for (Param p : layer.buffers()) tensors.put(p.name(), p);
            byName.put(layer.spec().name(), new ModelLayer(layer, tensors));
        }
        this.layers = byName;
    }

    /**
     * The weights of a model's network, which must not change afterwards (nothing else may train it).
     *
     * @param source where they come from, as said to the user ("resnet.onnx")
     */
    public static StartWeights of(Network model, String source) {
        return new StartWeights(source, model);
    }

    /** Where the weights come from, as said to the user (a file name). */
    public String source() {
        return source;
    }

    /** The model's network specification. */
    public NetworkSpec model() {
        return model;
    }

    /** Every tensor of the model (parameters and buffers), in layer order. */
    public List<NamedTensor> tensors() {
        List<NamedTensor> all = new ArrayList<>();
        for (ModelLayer m : layers.values()) {
            for (Param p : m.tensors().values()) all.add(new NamedTensor(p.name(), p.shape(), p.value()));
        }
        return all;
    }

    /**
     * Which layers of {@code spec} take these weights and why the others start fresh. Builds only the layers that
     * differ from the model's (to learn their tensors' shapes), so it is cheap for a network edited from the model.
     *
     * @throws org.convscope.engine.spec.InvalidNetworkException if the network cannot work
     */
    public Match match(NetworkSpec spec) {
        List<NetworkSpec.LayerInfo> infos = spec.infer();
        int classLayer = classLayer(spec, infos);
        int withWeights = 0;
        int taken = 0;
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            NetworkSpec.LayerInfo info = infos.get(i);
            ModelLayer m = layers.get(info.spec().name());
            boolean same = m != null && m.layer().spec().equals(info.spec()) && m.layer().inputs().equals(info.inputs());
            List<Param> tensors = same ? List.copyOf(m.tensors().values()) : tensorsOf(Network.layer(info.spec(), info.inputs()));
            if (tensors.isEmpty()) continue;
            withWeights++;
            String why = same ? null : whyFresh(m, info.spec(), tensors, i == classLayer);
            if (why == null) taken++;
            else fresh.add(info.spec().name() + " starts fresh: " + why);
        }
        return new Match(source, taken, withWeights, fresh);
    }

    /** Copies the model's tensors into every layer of {@code network} that takes them (see {@link #match}). */
    public void applyTo(Network network) {
        for (Layer layer : network.layers()) {
            List<Param> tensors = tensorsOf(layer);
            ModelLayer m = layers.get(layer.spec().name());
            if (tensors.isEmpty() || m == null || !fits(m, tensors)) continue;
            for (Param p : tensors) {
                float[] from = m.tensors().get(p.name()).value();
                System.arraycopy(from, 0, p.value(), 0, from.length);
                p.changed();
            }
        }
    }

    private static List<Param> tensorsOf(Layer layer) {
        List<Param> all = new ArrayList<>(layer.params());
        all.addAll(layer.buffers());
        return all;
    }

    /** Whether the model's layer has exactly these tensors, by name and shape. */
    private static boolean fits(ModelLayer m, List<Param> tensors) {
        if (m.tensors().size() != tensors.size()) return false;
        for (Param p : tensors) {
            Param q = m.tensors().get(p.name());
            if (q == null || !java.util.Arrays.equals(q.shape(), p.shape())) return false;
        }
        return true;
    }

    /** The last layer with parameters, when its outputs are the class scores (its channels are the classes). */
    private static int classLayer(NetworkSpec spec, List<NetworkSpec.LayerInfo> infos) {
        for (int i = infos.size() - 1; i >= 0; i--) {
            if (infos.get(i).parameters() > 0) return infos.get(i).output().channels() == spec.numClasses() ? i : -1;
        }
        return -1;
    }

    /** Why a layer cannot take the model's tensors, in words, or null if it can. */
    private String whyFresh(ModelLayer m, LayerSpec spec, List<Param> tensors, boolean classLayer) {
        if (m == null) return "not in " + source;
        if (fits(m, tensors)) return null;
        Param now = tensors.get(0);
        Param was = m.tensors().get(now.name());
        if (was == null || m.tensors().size() != tensors.size()) {
            return "a different kind of layer in " + source;
        }
        int[] a = was.shape();
        int[] b = now.shape();
        List<String> parts = new ArrayList<>();
        switch (spec) {
            case DenseSpec d when a.length == 2 && b.length == 2 -> {
                if (a[0] != b[0]) parts.add(a[0] + " → " + b[0] + (classLayer ? " classes" : " units"));
                if (a[1] != b[1]) parts.add(a[1] + " → " + b[1] + " inputs");
            }
            case ConvSpec c when a.length == 4 && b.length == 4 -> {
                if (a[0] != b[0]) parts.add(a[0] + " → " + b[0] + (classLayer ? " classes" : " filters"));
                if (a[1] != b[1]) parts.add(a[1] + " → " + b[1] + " input channels");
                if (a[2] != b[2] || a[3] != b[3]) parts.add("kernel " + a[2] + "×" + a[3] + " → " + b[2] + "×" + b[3]);
            }
            case BatchNormSpec n when a.length == 1 && b.length == 1 -> parts.add(a[0] + " → " + b[0] + " channels");
            default -> { }
        }
        if (parts.isEmpty()) {
            for (Param p : tensors) {
                int[] old = m.tensors().get(p.name()) == null ? null : m.tensors().get(p.name()).shape();
                if (old != null && !java.util.Arrays.equals(old, p.shape())) {
                    parts.add(p.name() + " " + shape(old) + " → " + shape(p.shape()));
                    break;
                }
            }
        }
        return String.join(", ", parts);
    }

    private static String shape(int[] shape) {
        StringBuilder s = new StringBuilder();
        for (int d : shape) s.append(s.isEmpty() ? "" : "×").append(d);
        return s.toString();
    }
}
