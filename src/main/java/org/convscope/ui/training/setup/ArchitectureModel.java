package org.convscope.ui.training.setup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.BatchNormSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.GlobalPoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.engine.train.Freezing;
import org.convscope.engine.spec.InvalidNetworkException;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.training.StartWeights;

/**
 * The architecture editor's view model: the input shape and the layers being edited, and after every edit the
 * {@link Analysis}: each layer's output shape, parameters and multiply-adds, why the network cannot be trained
 * (in {@link NetworkSpec#infer()}'s words), if it cannot, and which layers take the start weights, when it starts
 * from a model's. The input's channels follow the data; its height and width are the network's (the data is padded
 * or resized to them). A graph (layers that read other layers than the one before, see {@link NetworkSpec#sources()})
 * keeps its connections: its layers can be changed but not added, removed or moved. FX thread only.
 */
public final class ArchitectureModel {
    /**
     * One layer in the table; {@code output} is null from the first layer that cannot apply (and for every layer
     * that reads one); {@code reads} names the layers it reads ("input" for the network's input); {@code frozen}
     * whether its parameters stay fixed (only the last layers train).
     */
    public record Row(int index, LayerSpec spec, Dims output, long parameters, long multiplyAdds, List<String> reads,
                      boolean frozen) {
        /** "trains", "frozen", or "" for a layer without parameters. */
        public String training() {
            return output == null || parameters == 0 ? "" : frozen ? "frozen" : "trains";
        }
    }

    /**
     * The table and the verdict; {@code problem} is empty when the network can be trained on the data;
     * {@code weights} says which layers take the start weights (null when it starts fresh or cannot be trained).
     */
    public record Analysis(Dims input, List<Row> rows, String problem, long parameters, long multiplyAdds,
                           StartWeights.Match weights) {
        public boolean valid() {
            return problem.isEmpty();
        }
    }

    private final ObservableList<LayerSpec> layers = FXCollections.observableArrayList();
    private final ObservableList<LayerSpec> readOnlyLayers = FXCollections.unmodifiableObservableList(layers);
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private String name = "custom";
    private Dims input = new Dims(1, 28, 28);
    private int classes;
    private List<List<Integer>> graphSources; // a graph's connections, fixed; null for a sequence
    private StartWeights start;
    private int trainLast = Freezing.ALL;

    public ArchitectureModel(NetworkSpec start) {
        layers.addListener((javafx.collections.ListChangeListener<LayerSpec>) c -> analyse());
        load(start);
    }

    public ObservableList<LayerSpec> layers() {
        return readOnlyLayers;
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public Analysis analysis() {
        return analysis.get();
    }

    public Dims input() {
        return input;
    }

    /**
     * The network as edited, named after the preset or model it started from ("lenet5") or "custom" once changed; a
     * graph keeps its connections.
     */
    public NetworkSpec spec() {
        return graphSources == null ? new NetworkSpec(name, input, layers) : new NetworkSpec(name, input, layers, graphSources);
    }

    /** How many of the last layers with parameters train, the others frozen; {@value Freezing#ALL}: every layer. */
    public int trainLast() {
        return trainLast;
    }

    /** Trains only the last {@code n} layers with parameters ({@value Freezing#ALL}: every layer). */
    public void setTrainLast(int n) {
        if (n < 0) throw new IllegalArgumentException("layers to train must be ≥ 0 (0: all), got " + n);
        if (n == trainLast) return;
        trainLast = n;
        analyse();
    }

    /** Whether the network is a graph (its layers cannot be added, removed or moved, only changed). */
    public boolean isGraph() {
        return graphSources != null;
    }

    /** The weights the network starts from, or null for fresh ones. */
    public StartWeights start() {
        return start;
    }

    /** Starts over from a network with fresh weights: see {@link #load(NetworkSpec, StartWeights)}. */
    public void load(NetworkSpec spec) {
        load(spec, null);
    }

    /**
     * Starts over from a network: its layers, its connections if it is a graph, and its input height and width (the
     * channels stay the data's), starting from {@code start}'s weights where the layers take them (null: fresh ones).
     */
    public void load(NetworkSpec spec, StartWeights start) {
        this.start = start;
        name = spec.name();
        graphSources = spec.isSequence() ? null : spec.sources();
        Dims in = spec.input();
        input = new Dims(classes == 0 ? in.channels() : input.channels(), in.height(), in.width());
        List<LayerSpec> copy = new ArrayList<>(spec.layers());
        fitClasses(copy);
        layers.setAll(copy);
        analyse();
    }

    /**
     * The data to train on: its channels become the input's, and the last fully connected layer gets one unit per
     * class (changing it otherwise is the user's to do, and explained while it does not match).
     */
    public void setData(int channels, int numClasses) {
        input = new Dims(channels, input.height(), input.width());
        classes = numClasses;
        List<LayerSpec> copy = new ArrayList<>(layers);
        if (fitClasses(copy)) layers.setAll(copy);
        analyse();
    }

    public int classes() {
        return classes;
    }

    public void setInputSize(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("input size must be positive, got " + height + "×" + width);
        }
        if (height == input.height() && width == input.width()) return;
        input = new Dims(input.channels(), height, width);
        edited();
        analyse();
    }

    /** Adds a new layer of {@code kind} at {@code index} (clamped to the list) with a fresh name; returns its index. */
    public int add(LayerKind kind, int index) {
        requireSequence();
        int at = Math.clamp(index, 0, layers.size());
        edited();
        layers.add(at, kind.create(freshName(kind.prefix)));
        return at;
    }

    public void remove(int index) {
        requireSequence();
        edited();
        layers.remove(index);
    }

    /** Moves layer {@code index} by {@code delta} places, if it can; returns where it is now. */
    public int move(int index, int delta) {
        int to = index + delta;
        if (index < 0 || index >= layers.size() || to < 0 || to >= layers.size()) return index;
        requireSequence();
        edited();
        LayerSpec layer = layers.remove(index);
        layers.add(to, layer);
        return to;
    }

    /** Replaces layer {@code index} (a changed parameter or name). */
    public void replace(int index, LayerSpec layer) {
        if (layers.get(index).equals(layer)) return;
        edited();
        layers.set(index, layer);
    }

    private void edited() {
        name = "custom";
    }

    private void requireSequence() {
        if (graphSources != null) {
            throw new IllegalStateException(name + " is a graph: its layers cannot be added, removed or moved");
        }
    }

    private String freshName(String prefix) {
        Set<String> taken = new HashSet<>();
        for (LayerSpec l : layers) taken.add(l.name());
        for (int n = 1; ; n++) {
            String candidate = prefix + n;
            if (!taken.contains(candidate)) return candidate;
        }
    }

    /**
     * Gives the network one output per class: the last fully connected layer gets that many units, or, in a network
     * without one, the last convolution that many filters when the class scores then come out right (SqueezeNet's
     * classifier, a 1×1 convolution before the global pooling). True if a layer changed.
     */
    private boolean fitClasses(List<LayerSpec> list) {
        if (classes == 0) return false;
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i) instanceof DenseSpec d) {
                if (d.units() == classes) return false;
                list.set(i, new DenseSpec(d.name(), classes));
                return true;
            }
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i) instanceof ConvSpec c) {
                if (c.filters() == classes || c.groups() != 1) return false;
                List<LayerSpec> changed = new ArrayList<>(list);
                changed.set(i, new ConvSpec(c.name(), classes, c.kernel(), 1));
                if (classCount(changed) != classes) return false;
                list.set(i, changed.get(i));
                return true;
            }
        }
        return false;
    }

    /** The class scores these layers give (with this model's input and connections), or −1 if they cannot work. */
    private int classCount(List<LayerSpec> list) {
        try {
            NetworkSpec spec = graphSources == null ? new NetworkSpec(name, input, list)
                    : new NetworkSpec(name, input, list, graphSources);
            return spec.numClasses();
        } catch (InvalidNetworkException e) {
            return -1;
        }
    }

    /** Each layer's shapes from its sources' outputs, as {@link NetworkSpec#infer()} has them, up to any problem. */
    private void analyse() {
        NetworkSpec spec = spec();
        List<Row> rows = new ArrayList<>(layers.size());
        List<Dims> outputs = new ArrayList<>(layers.size());
        long params = 0;
        long macs = 0;
        long[] counts = new long[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            List<Integer> from = spec.sourcesOf(i);
            List<Dims> in = new ArrayList<>(from.size());
            List<String> reads = new ArrayList<>(from.size());
            for (int s : from) {
                in.add(s == NetworkSpec.INPUT ? input : outputs.get(s));
                reads.add(s == NetworkSpec.INPUT ? NetworkSpec.INPUT_NAME : layers.get(s).name());
            }
            Dims out = null;
            long p = 0;
            long m = 0;
            if (!in.contains(null)) {
                try {
                    out = layer.outputDims(in);
                    p = layer.parameterCount(in.get(0));
                    m = layer.multiplyAdds(in.get(0));
                } catch (InvalidNetworkException e) {
                    out = null;
                }
            }
            outputs.add(out);
            counts[i] = out == null ? 0 : p;
            rows.add(new Row(i, layer, out, counts[i], out == null ? 0 : m, List.copyOf(reads), false));
            if (out != null) {
                params += p;
                macs += m;
            }
        }
        boolean[] frozen = Freezing.frozenLayers(counts, trainLast);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (frozen[i]) rows.set(i, new Row(r.index(), r.spec(), r.output(), r.parameters(), r.multiplyAdds(), r.reads(), true));
        }
        String problem = problem(spec);
        StartWeights.Match weights = start == null || !problem.isEmpty() ? null : start.match(spec);
        analysis.set(new Analysis(input, List.copyOf(rows), problem, params, macs, weights));
    }

    private String problem(NetworkSpec spec) {
        try {
            spec.infer();
        } catch (InvalidNetworkException e) {
            return e.getMessage();
        }
        int outputs = spec.numClasses();
        if (classes > 0 && outputs != classes) {
            return "the network gives " + outputs + " class scores, the data has " + classes + " classes; "
                    + classFix(spec);
        }
        return "";
    }

    /**
     * What to change so the network gives one score per class, naming the layer that makes the scores: going back
     * from the output through layers that pass values on (activations, softmax, flatten, batch norm), the first
     * fully connected layer or convolution; without one, a layer to add at the end.
     */
    private String classFix(NetworkSpec spec) {
        int i = layers.size() - 1;
        while (i >= 0 && (layers.get(i) instanceof ActivationSpec || layers.get(i) instanceof SoftmaxSpec
                || layers.get(i) instanceof FlattenSpec || layers.get(i) instanceof BatchNormSpec
                || layers.get(i) instanceof GlobalPoolSpec) && spec.sourcesOf(i).size() == 1) {
            i = spec.sourcesOf(i).get(0);
        }
        if (i >= 0 && layers.get(i) instanceof DenseSpec d) {
            return "set " + d.name() + ", the fully connected layer that gives them, to " + classes + " units";
        }
        if (i >= 0 && layers.get(i) instanceof ConvSpec c) {
            return "give " + c.name() + ", the convolution that gives them, " + classes + " filters";
        }
        String last = layers.isEmpty() ? "the input" : layers.getLast().name();
        return "the network ends with " + last + "; add a fully connected layer of " + classes + " units at the end";
    }
}
