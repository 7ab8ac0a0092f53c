package org.convscope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convscope.engine.layer.ActivationLayer;
import org.convscope.engine.layer.ConvLayer;
import org.convscope.engine.layer.DenseLayer;
import org.convscope.engine.layer.FlattenLayer;
import org.convscope.engine.layer.Layer;
import org.convscope.engine.layer.PoolLayer;
import org.convscope.engine.layer.SoftmaxLayer;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;

/** A network built from its specification: the layers and their parameters (updated in place by training). */
public final class Network {
    private final NetworkSpec spec;
    private final List<Layer> layers;
    private final List<Param> params;

    private Network(NetworkSpec spec) {
        this.spec = spec;
        List<Layer> built = new ArrayList<>();
        List<Param> all = new ArrayList<>();
        for (NetworkSpec.LayerInfo info : spec.infer()) {
            Layer layer = build(info.spec(), info.input());
            built.add(layer);
            all.addAll(layer.params());
        }
        this.layers = List.copyOf(built);
        this.params = List.copyOf(all);
    }

    private static Layer build(LayerSpec spec, Dims input) {
        return switch (spec) {
            case ConvSpec c -> ConvLayer.create(c, input);
            case DenseSpec d -> DenseLayer.create(d, input);
            case PoolSpec p -> PoolLayer.create(p, input);
            case ActivationSpec a -> ActivationLayer.create(a, input);
            case FlattenSpec f -> FlattenLayer.create(f, input);
            case SoftmaxSpec s -> SoftmaxLayer.create(s, input);
        };
    }

    /**
     * A new network with random weights: He normal (std √(2/fan-in)) where a ReLU follows, Xavier normal
     * (std √(2/(fan-in + fan-out))) elsewhere; biases zero. The same seed gives the same weights.
     */
    public static Network initialized(NetworkSpec spec, long seed) {
        Network net = new Network(spec);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < net.layers.size(); i++) {
            Layer layer = net.layers.get(i);
            if (layer.params().isEmpty()) continue;
            Param weight = layer.params().get(0);
            int[] shape = weight.shape(); // [out][in] or [outC][inC][kH][kW]
            int receptive = weight.size() / (shape[0] * shape[1]);
            int fanIn = shape[1] * receptive;
            int fanOut = shape[0] * receptive;
            double std = reluFollows(net.layers, i) ? Math.sqrt(2.0 / fanIn) : Math.sqrt(2.0 / (fanIn + fanOut));
            float[] w = weight.value();
            for (int j = 0; j < w.length; j++) w[j] = (float) (random.nextGaussian() * std);
        }
        return net;
    }

    /** A network with the given parameter values, checked against the specification's shapes. */
    public static Network withParams(NetworkSpec spec, Map<String, float[]> values) {
        Network net = new Network(spec);
        for (Param p : net.params) {
            float[] v = values.get(p.name());
            if (v == null) throw new IllegalArgumentException(p.name() + ": missing");
            if (v.length != p.size()) {
                throw new IllegalArgumentException(p.name() + ": " + v.length + " values, shape "
                        + java.util.Arrays.toString(p.shape()) + " needs " + p.size());
            }
            System.arraycopy(v, 0, p.value(), 0, v.length);
        }
        return net;
    }

    private static boolean reluFollows(List<Layer> layers, int i) {
        for (int j = i + 1; j < layers.size(); j++) {
            Layer next = layers.get(j);
            if (next instanceof ActivationLayer a) return a.spec().kind() == ActivationSpec.Kind.RELU;
            if (!(next instanceof PoolLayer) && !(next instanceof FlattenLayer)) return false;
        }
        return false;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public List<Layer> layers() {
        return layers;
    }

    public List<Param> params() {
        return params;
    }

    public Dims input() {
        return spec.input();
    }

    public int numClasses() {
        return layers.get(layers.size() - 1).output().size();
    }

    /** A deep copy of the parameter values, in {@link #params()} order. */
    public float[][] copyParams() {
        float[][] copy = new float[params.size()][];
        for (int i = 0; i < copy.length; i++) copy[i] = params.get(i).value().clone();
        return copy;
    }

    /** Sets every parameter from a copy made by {@link #copyParams()}. */
    public void restoreParams(float[][] copy) {
        for (int i = 0; i < copy.length; i++) System.arraycopy(copy[i], 0, params.get(i).value(), 0, copy[i].length);
    }

    /** Index of the layer with this name, or −1. */
    public int indexOf(String layerName) {
        for (int i = 0; i < layers.size(); i++) if (layers.get(i).spec().name().equals(layerName)) return i;
        return -1;
    }
}
