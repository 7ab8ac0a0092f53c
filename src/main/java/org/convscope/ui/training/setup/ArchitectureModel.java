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
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.InvalidNetworkException;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;

/**
 * The architecture editor's view model: the input shape and the layers being edited, and after every edit the
 * {@link Analysis}: each layer's output shape, parameters and multiply-adds, and why the network cannot be trained
 * (in {@link NetworkSpec#infer()}'s words), if it cannot. The input's channels follow the data; its height and width
 * are the network's (the data is padded or resized to them). FX thread only.
 */
public final class ArchitectureModel {
    /** One layer in the table; {@code output} is null from the first layer that cannot apply. */
    public record Row(int index, LayerSpec spec, Dims output, long parameters, long multiplyAdds) {}

    /** The table and the verdict; {@code problem} is empty when the network can be trained on the data. */
    public record Analysis(Dims input, List<Row> rows, String problem, long parameters, long multiplyAdds) {
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

    /** The network as edited, named after the preset it started from ("lenet5") or "custom" once changed. */
    public NetworkSpec spec() {
        return new NetworkSpec(name, input, layers);
    }

    /** Starts over from a network: its layers and its input height and width; the channels stay the data's. */
    public void load(NetworkSpec spec) {
        name = spec.name();
        Dims in = spec.input();
        input = new Dims(classes == 0 ? in.channels() : input.channels(), in.height(), in.width());
        List<LayerSpec> copy = new ArrayList<>(spec.layers());
        fitClasses(copy);
        layers.setAll(copy);
        name = spec.name();
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
        int at = Math.clamp(index, 0, layers.size());
        edited();
        layers.add(at, kind.create(freshName(kind.prefix)));
        return at;
    }

    public void remove(int index) {
        edited();
        layers.remove(index);
    }

    /** Moves layer {@code index} by {@code delta} places, if it can; returns where it is now. */
    public int move(int index, int delta) {
        int to = index + delta;
        if (index < 0 || index >= layers.size() || to < 0 || to >= layers.size()) return index;
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

    private String freshName(String prefix) {
        Set<String> taken = new HashSet<>();
        for (LayerSpec l : layers) taken.add(l.name());
        for (int n = 1; ; n++) {
            String candidate = prefix + n;
            if (!taken.contains(candidate)) return candidate;
        }
    }

    /** Gives the last fully connected layer one unit per class; true if it changed. */
    private boolean fitClasses(List<LayerSpec> list) {
        if (classes == 0) return false;
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i) instanceof DenseSpec d) {
                if (d.units() == classes) return false;
                list.set(i, new DenseSpec(d.name(), classes));
                return true;
            }
        }
        return false;
    }

    private void analyse() {
        List<Row> rows = new ArrayList<>(layers.size());
        Dims dims = input;
        long params = 0;
        long macs = 0;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (dims == null) {
                rows.add(new Row(i, layer, null, 0, 0));
                continue;
            }
            try {
                Dims out = layer.outputDims(dims);
                long p = layer.parameterCount(dims);
                long m = layer.multiplyAdds(dims);
                rows.add(new Row(i, layer, out, p, m));
                params += p;
                macs += m;
                dims = out;
            } catch (InvalidNetworkException e) {
                rows.add(new Row(i, layer, null, 0, 0));
                dims = null;
            }
        }
        analysis.set(new Analysis(input, List.copyOf(rows), problem(), params, macs));
    }

    private String problem() {
        NetworkSpec spec = spec();
        try {
            spec.infer();
        } catch (InvalidNetworkException e) {
            return e.getMessage();
        }
        int outputs = spec.numClasses();
        if (classes > 0 && outputs != classes) {
            return "the network gives " + outputs + " class scores, the data has " + classes + " classes; set the last"
                    + " fully connected layer to " + classes + " units";
        }
        return "";
    }
}
