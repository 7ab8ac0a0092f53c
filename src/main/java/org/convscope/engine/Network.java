package org.convscope.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convscope.engine.layer.ActivationLayer;
import org.convscope.engine.layer.BatchNormLayer;
import org.convscope.engine.layer.ConstantOpLayer;
import org.convscope.engine.layer.ConvLayer;
import org.convscope.engine.layer.DenseLayer;
import org.convscope.engine.layer.FlattenLayer;
import org.convscope.engine.layer.GlobalPoolLayer;
import org.convscope.engine.layer.Layer;
import org.convscope.engine.layer.MergeLayer;
import org.convscope.engine.layer.PadLayer;
import org.convscope.engine.layer.PoolLayer;
import org.convscope.engine.layer.ReshapeLayer;
import org.convscope.engine.layer.SoftmaxLayer;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.BatchNormSpec;
import org.convscope.engine.spec.ConstantOpSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.GlobalPoolSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.MergeSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PadSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.ReshapeSpec;
import org.convscope.engine.spec.SoftmaxSpec;

/**
 * A network built from its specification: the layers in their order (each after the layers it reads, see
 * {@link NetworkSpec#sources()}), their trained parameters (updated in place by training) and their buffers (saved
 * with the model, not trained).
 */
public final class Network {
    private final NetworkSpec spec;
    private final List<Layer> layers;
    private final List<Param> params;
    private final List<Param> buffers;
    private final int[][] sources;

    private Network(NetworkSpec spec) {
        this.spec = spec;
        List<NetworkSpec.LayerInfo> infos = spec.infer();
        MemoryBudget.requireFloats(spec.name() + ": its parameters", parameterFloats(infos));
        List<Layer> built = new ArrayList<>();
        List<Param> all = new ArrayList<>();
        List<Param> saved = new ArrayList<>();
        sources = new int[infos.size()][];
        for (int i = 0; i < infos.size(); i++) {
            NetworkSpec.LayerInfo info = infos.get(i);
            Layer layer = layer(info.spec(), info.inputs());
            built.add(layer);
            all.addAll(layer.params());
            saved.addAll(layer.buffers());
            sources[i] = info.sources().stream().mapToInt(Integer::intValue).toArray();
        }
        this.layers = List.copyOf(built);
        this.params = List.copyOf(all);
        this.buffers = List.copyOf(saved);
    }

    /** The floats of every parameter and buffer, counted in long before anything is allocated. */
    private static long parameterFloats(List<NetworkSpec.LayerInfo> infos) {
        long total = 0;
        for (NetworkSpec.LayerInfo info : infos) {
            total = MemoryBudget.plus(total, info.parameters());
            if (info.spec() instanceof BatchNormSpec) total = MemoryBudget.plus(total, 2L * info.input().channels());
            if (info.spec() instanceof ConstantOpSpec c) total = MemoryBudget.plus(total, c.constant().size());
        }
        return total;
    }

    /**
     * One layer on inputs of these shapes, its parameters and buffers zero: what a network builds for it (the names
     * and shapes of its tensors, e.g. to compare with a model's).
     */
    public static Layer layer(LayerSpec spec, List<Dims> inputs) {
        Dims input = inputs.get(0);
        return switch (spec) {
            case ConvSpec c -> ConvLayer.create(c, input);
            case DenseSpec d -> DenseLayer.create(d, input);
            case PoolSpec p -> PoolLayer.create(p, input);
            case ActivationSpec a -> ActivationLayer.create(a, input);
            case FlattenSpec f -> FlattenLayer.create(f, input);
            case SoftmaxSpec s -> SoftmaxLayer.create(s, input);
            case BatchNormSpec b -> BatchNormLayer.create(b, input);
            case GlobalPoolSpec g -> GlobalPoolLayer.create(g, input);
            case PadSpec p -> PadLayer.create(p, input);
            case ReshapeSpec r -> ReshapeLayer.create(r, input);
            case ConstantOpSpec c -> ConstantOpLayer.create(c, input);
            case MergeSpec m -> MergeLayer.create(m, inputs);
        };
    }

    /**
     * A new network with random weights: He normal (std √(2/fan-in)) where a ReLU follows, Xavier normal
     * (std √(2/(fan-in + fan-out))) elsewhere; biases zero; batch norms the identity (γ = 1, β = 0, μ = 0, σ² = 1).
     * The same seed gives the same weights.
     */
    public static Network initialized(NetworkSpec spec, long seed) {
        Network net = new Network(spec).withDefaults();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < net.layers.size(); i++) {
            Layer layer = net.layers.get(i);
            if (!(layer instanceof ConvLayer) && !(layer instanceof DenseLayer)) continue;
            Param weight = layer.params().get(0);
            int[] shape = weight.shape(); // [out][in] or [outC][inC/groups][kH][kW]
            int receptive = weight.size() / (shape[0] * shape[1]);
            int fanIn = shape[1] * receptive;
            int fanOut = shape[0] * receptive;
            double std = net.reluFollows(i) ? Math.sqrt(2.0 / fanIn) : Math.sqrt(2.0 / (fanIn + fanOut));
            float[] w = weight.value();
            for (int j = 0; j < w.length; j++) w[j] = (float) (random.nextGaussian() * std);
            weight.changed();
        }
        return net;
    }

    /**
     * A network with the given parameter and buffer values, checked against the specification's shapes; buffers
     * not given keep their defaults (batch norm statistics μ = 0, σ² = 1).
     */
    public static Network withParams(NetworkSpec spec, Map<String, float[]> values) {
        return withParams(spec, values, true);
    }

    /**
     * {@link #withParams(NetworkSpec, Map)}, or with {@code complete} false a network whose parameters not given stay
     * zero (to learn the shapes a file must hold, without drawing random weights).
     */
    public static Network withParams(NetworkSpec spec, Map<String, float[]> values, boolean complete) {
        Network net = new Network(spec).withDefaults();
        for (Param p : net.params) {
            if (complete || values.containsKey(p.name())) copy(p, values.get(p.name()));
        }
        for (Param p : net.buffers) {
            float[] v = values.get(p.name());
            if (v != null) copy(p, v);
        }
        return net;
    }

    /** Batch norms start as the identity: γ = 1 and σ² = 1 (β and μ are 0 already). */
    private Network withDefaults() {
        for (Layer layer : layers) {
            if (layer instanceof BatchNormLayer bn) {
                Arrays.fill(bn.weight().value(), 1f);
                Arrays.fill(bn.variance().value(), 1f);
            }
        }
        return this;
    }

    private static void copy(Param p, float[] v) {
        if (v == null) throw new IllegalArgumentException(p.name() + ": missing");
        if (v.length != p.size()) {
            throw new IllegalArgumentException(p.name() + ": " + v.length + " values, shape "
                    + Arrays.toString(p.shape()) + " needs " + p.size());
        }
        System.arraycopy(v, 0, p.value(), 0, v.length);
        p.changed();
    }

    /** Whether a ReLU follows layer i, looking through batch norms, pooling and flattening on a single path. */
    private boolean reluFollows(int i) {
        int current = i;
        for (int j = i + 1; j < layers.size(); j++) {
            if (sources[j].length != 1 || sources[j][0] != current) continue;
            Layer next = layers.get(j);
            if (next instanceof ActivationLayer a) {
                ActivationSpec.Kind kind = a.spec().kind();
                return kind == ActivationSpec.Kind.RELU || kind == ActivationSpec.Kind.CLIP
                        || kind == ActivationSpec.Kind.LEAKY_RELU;
            }
            if (!(next instanceof PoolLayer) && !(next instanceof FlattenLayer) && !(next instanceof BatchNormLayer)) {
                return false;
            }
            current = j;
        }
        return false;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The layers that layer i reads, by index ({@link NetworkSpec#INPUT} for the input). Do not modify. */
    public int[] sources(int layer) {
        return sources[layer];
    }

    /** Trained tensors, in layer order. */
    public List<Param> params() {
        return params;
    }

    /** Saved but not trained tensors (batch norm statistics, constants), in layer order. */
    public List<Param> buffers() {
        return buffers;
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
        for (int i = 0; i < copy.length; i++) {
            System.arraycopy(copy[i], 0, params.get(i).value(), 0, copy[i].length);
            params.get(i).changed();
        }
    }

    /** Index of the layer with this name, or −1. */
    public int indexOf(String layerName) {
        for (int i = 0; i < layers.size(); i++) if (layers.get(i).spec().name().equals(layerName)) return i;
        return -1;
    }
}
