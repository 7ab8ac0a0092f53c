package org.convscope.engine;

import java.util.Arrays;
import java.util.List;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.Parallel;
import org.convscope.engine.layer.Layer;
import org.convscope.engine.spec.NetworkSpec;

/**
 * One thread's buffers for running a {@link Network} on up to maxBatch samples: the input, every layer's output
 * (kept for the views and for the backward pass, so no extra pass is needed), their gradients, the layers' scratch
 * buffers and this workspace's parameter gradients. Not thread-safe; each thread owns one. A workspace may run its
 * layers on several threads ({@link Parallel}): the explorer's single image uses every core that way.
 * <p>
 * Backward runs the layers in reverse order. A layer's output read by several later layers (a residual connection)
 * gets the sum of their gradients: the last reader writes it, the others add theirs. Only the layers whose gradient
 * is needed run: those on a path from a trained parameter (or from the input, when {@link #setInputGradient} asks
 * for dL/dx) to the output; the parameters of frozen layers ({@link #setFrozen}) do not count as trained.
 */
public final class Workspace {
    /** Spare floats after every buffer: masked vector accesses that reach past the end of an array are slow. */
    private static final int SLACK = 64;

    private final Network network;
    private final Kernels kernels;
    private final Parallel parallel;
    private final int maxBatch;
    private final float[] input;              // [maxBatch][input.size]
    private final float[][] outputs;          // per layer: [maxBatch][output.size]
    private final float[][][] inputsOf;       // per layer: the buffers it reads, in order
    private final Layer.Scratch[] scratch;
    private float[][] outputGrads;            // per layer: dL/d output, same shape; allocated by the first backward
    private float[] inputGrad;                // dL/d input, when asked for
    private float[][][] layerGrads;           // per layer, per parameter: dL/d param
    private float[][] paramGrads;             // the same arrays in network.params() order
    private float[][] temp;                   // per input slot: a reader's gradient before it is added
    private boolean inputGradient;
    private boolean[] frozen;                 // per layer: its parameters stay fixed; null when all train
    private final java.util.Map<Integer, Plan> plans = new java.util.HashMap<>();
    private int batch;

    /** Which layers run backward and where each writes its input gradients. */
    private record Plan(boolean[] needed, boolean[][] direct) {}

    public Workspace(Network network, Kernels kernels, int maxBatch) {
        this(network, kernels, maxBatch, Parallel.SERIAL);
    }

    public Workspace(Network network, Kernels kernels, int maxBatch, Parallel parallel) {
        if (maxBatch <= 0) throw new IllegalArgumentException("maxBatch must be positive, got " + maxBatch);
        this.network = network;
        this.kernels = kernels;
        this.parallel = parallel;
        this.maxBatch = maxBatch;
        List<Layer> layers = network.layers();
        int count = layers.size();
        long floats = MemoryBudget.product(maxBatch, network.input().size());
        for (Layer layer : layers) floats = MemoryBudget.plus(floats, MemoryBudget.product(maxBatch, layer.output().size()));
        MemoryBudget.requireFloats(network.spec().name() + ": the outputs of every layer for " + maxBatch
                + (maxBatch == 1 ? " sample" : " samples"), floats);
        input = new float[maxBatch * network.input().size() + SLACK];
        outputs = new float[count][];
        scratch = new Layer.Scratch[count];
        inputsOf = new float[count][][];
        for (int i = 0; i < count; i++) {
            Layer layer = layers.get(i);
            outputs[i] = new float[maxBatch * layer.output().size() + SLACK];
            scratch[i] = layer.newScratch(maxBatch, kernels, parallel);
        }
        for (int i = 0; i < count; i++) {
            int[] sources = network.sources(i);
            inputsOf[i] = new float[sources.length][];
            for (int j = 0; j < sources.length; j++) inputsOf[i][j] = sources[j] == NetworkSpec.INPUT ? input : outputs[sources[j]];
        }
    }

    public Network network() {
        return network;
    }

    public Kernels kernels() {
        return kernels;
    }

    public Parallel parallel() {
        return parallel;
    }

    public int maxBatch() {
        return maxBatch;
    }

    /** The input buffer: the caller writes n samples here before {@link #forward(int)}. */
    public float[] input() {
        return input;
    }

    /** Runs the forward pass over the first n samples of {@link #input()}; every layer's output is kept. */
    public void forward(int n) {
        forward(n, null);
    }

    /** {@link #forward(int)}, adding each layer's time in nanoseconds to layerNanos (when not null, one per layer). */
    public void forward(int n, long[] layerNanos) {
        if (n <= 0 || n > maxBatch) throw new IllegalArgumentException("batch " + n + " outside 1.." + maxBatch);
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            long start = layerNanos == null ? 0 : System.nanoTime();
            layers.get(i).forward(kernels, inputsOf[i], outputs[i], n, scratch[i]);
            if (layerNanos != null) layerNanos[i] += System.nanoTime() - start;
        }
        batch = n;
    }

    /** Number of samples of the last forward pass. */
    public int batch() {
        return batch;
    }

    /** Layer i's output buffer from the last forward pass (a view: valid until the next pass). */
    public float[] output(int layer) {
        return outputs[layer];
    }

    /** The network's final output buffer: probabilities if it ends with softmax, logits otherwise. */
    public float[] result() {
        return outputs[outputs.length - 1];
    }

    /** Layer i's output gradient from the last backward pass (a view). */
    public float[] outputGrad(int layer) {
        allocateGrads();
        return outputGrads[layer];
    }

    /** Whether backward also computes dL/d input ({@link #inputGrad()}), as saliency needs. */
    public void setInputGradient(boolean on) {
        if (on != inputGradient) plans.clear();
        inputGradient = on;
    }

    /**
     * Which layers' parameters stay fixed (per layer, null or all false: every layer trains). A frozen layer gets no
     * parameter gradient; it still passes the gradient on when a layer before it trains (or the input gradient is
     * asked for), so a frozen prefix of the network costs no backward pass at all.
     */
    public void setFrozen(boolean[] frozenLayers) {
        if (frozenLayers != null && frozenLayers.length != network.layers().size()) {
            throw new IllegalArgumentException("frozen: " + frozenLayers.length + " flags for "
                    + network.layers().size() + " layers");
        }
        frozen = frozenLayers == null ? null : frozenLayers.clone();
        plans.clear();
    }

    /** Whether layer i's parameters stay fixed. */
    public boolean isFrozen(int layer) {
        return frozen != null && frozen[layer];
    }

    /** dL/d input from the last backward pass with {@link #setInputGradient} on (a view), [maxBatch][input.size]. */
    public float[] inputGrad() {
        if (inputGrad == null) inputGrad = new float[input.length];
        return inputGrad;
    }

    /** This workspace's parameter gradients in {@code network.params()} order. */
    public float[][] paramGrads() {
        if (paramGrads == null) {
            List<Layer> layers = network.layers();
            layerGrads = new float[layers.size()][][];
            paramGrads = new float[network.params().size()][];
            int p = 0;
            for (int i = 0; i < layers.size(); i++) {
                Layer layer = layers.get(i);
                layerGrads[i] = new float[layer.params().size()][];
                for (int j = 0; j < layerGrads[i].length; j++) {
                    layerGrads[i][j] = new float[layer.params().get(j).size()];
                    paramGrads[p++] = layerGrads[i][j];
                }
            }
        }
        return paramGrads;
    }

    public void zeroGrads() {
        for (float[] g : paramGrads()) Arrays.fill(g, 0f);
    }

    private void allocateGrads() {
        if (outputGrads != null) return;
        List<Layer> layers = network.layers();
        MemoryBudget.requireFloats(network.spec().name() + ": the gradients of every layer", outputFloats());
        outputGrads = new float[layers.size()][];
        int widest = 0;
        int arity = 0;
        for (int i = 0; i < layers.size(); i++) {
            outputGrads[i] = new float[outputs[i].length];
            for (var d : layers.get(i).inputs()) widest = Math.max(widest, d.size());
            arity = Math.max(arity, layers.get(i).inputs().size());
        }
        temp = new float[arity][];
        for (int j = 0; j < arity; j++) temp[j] = new float[maxBatch * widest + SLACK];
    }

    private long outputFloats() {
        long floats = 0;
        for (float[] o : outputs) floats = MemoryBudget.plus(floats, o.length);
        return floats;
    }

    /**
     * Works out, for a backward pass from layer {@code target}, which layers need their gradient and which reader of
     * each output writes it first.
     */
    private Plan plan(int target) {
        Plan cached = plans.get(target);
        if (cached != null) return cached;
        List<Layer> layers = network.layers();
        int count = target + 1;
        boolean[] reaches = new boolean[count];
        reaches[target] = true;
        for (int i = count - 1; i >= 0; i--) {
            if (!reaches[i]) continue;
            for (int s : network.sources(i)) if (s >= 0) reaches[s] = true;
        }
        boolean[] needed = new boolean[count];
        for (int i = 0; i < count; i++) {
            boolean need = !layers.get(i).params().isEmpty() && !isFrozen(i);
            for (int s : network.sources(i)) need |= s == NetworkSpec.INPUT ? inputGradient : needed[s];
            needed[i] = need && reaches[i];
        }
        boolean[][] direct = new boolean[count][];
        boolean[] written = new boolean[count + 1]; // index s + 1; the input at 0
        for (int i = count - 1; i >= 0; i--) {
            int[] sources = network.sources(i);
            direct[i] = new boolean[sources.length];
            if (!needed[i]) continue;
            for (int j = 0; j < sources.length; j++) {
                int s = sources[j];
                boolean wanted = s == NetworkSpec.INPUT ? inputGradient : needed[s];
                if (wanted && !written[s + 1]) {
                    direct[i][j] = true;
                    written[s + 1] = true;
                }
            }
        }
        Plan plan = new Plan(needed, direct);
        plans.put(target, plan);
        return plan;
    }

    /**
     * Computes the loss of the last forward pass against the labels and runs the backward pass, adding
     * scale·dL/dparam to {@link #paramGrads()}. Returns the summed (not averaged) loss of the n samples.
     */
    public double backward(int[] labels, int labelOffset, Loss loss, float scale) {
        allocateGrads();
        int n = batch;
        int last = outputs.length - 1;
        Loss.Output kind = Loss.Output.of(network.spec());
        boolean fused = kind != Loss.Output.LOGITS && loss == Loss.CROSS_ENTROPY;
        int classes = network.numClasses();
        float[] grad = outputGrads[last];
        float[] y = outputs[last];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += loss.apply(y, i * classes, classes, labels[labelOffset + i], kind, grad, scale);
        }
        propagate(last, fused);
        return total;
    }

    /**
     * A backward pass from layer {@code target}, whose output gradient dL/dy is {@code seed} ([batch][output], for
     * the samples of the last forward pass): adds dL/dparam of the layers before it to {@link #paramGrads()}, and
     * fills {@link #outputGrad} of every layer it depends on (and {@link #inputGrad()} when asked for). Grad-CAM
     * seeds a class score; feature visualisation a channel's mean.
     */
    public void backwardFrom(int target, float[] seed) {
        if (target < 0 || target >= outputs.length) throw new IllegalArgumentException("no layer " + target);
        allocateGrads();
        int size = batch * network.layers().get(target).output().size();
        if (seed.length < size) throw new IllegalArgumentException("seed has " + seed.length + " values, needs " + size);
        System.arraycopy(seed, 0, outputGrads[target], 0, size);
        propagate(target, false);
    }

    /** Runs the layers' backward passes from layer {@code from} down, its output gradient in place. */
    private void propagate(int from, boolean fused) {
        float[][] grads = paramGrads();
        Plan p = plan(from);
        int n = batch;
        int last = from;
        List<Layer> layers = network.layers();
        float[] grad = outputGrads[from];
        int classes = layers.get(from).output().size();
        float[][] dxs = new float[temp.length][];
        for (int i = last; i >= 0; i--) {
            if (!p.needed()[i]) continue;
            int[] sources = network.sources(i);
            for (int j = 0; j < sources.length; j++) dxs[j] = target(p, i, j, sources[j]);
            if (i == last && fused) {
                // grad already holds dL/d logits: the softmax hands it on unchanged.
                if (dxs[0] != null) System.arraycopy(grad, 0, dxs[0], 0, n * classes);
            } else {
                layers.get(i).backward(kernels, inputsOf[i], outputs[i], outputGrads[i], dxs, n, scratch[i], layerGrads[i]);
            }
            for (int j = 0; j < sources.length; j++) {
                if (dxs[j] == null || p.direct()[i][j]) continue;
                int s = sources[j];
                float[] sum = s == NetworkSpec.INPUT ? inputGrad() : outputGrads[s];
                int size = n * (s == NetworkSpec.INPUT ? network.input().size() : layers.get(s).output().size());
                kernels.axpy(1f, dxs[j], 0, sum, 0, size);
            }
        }
    }

    /** Where layer i writes the gradient of its input j: the source's own buffer, a temporary one, or nowhere. */
    private float[] target(Plan p, int i, int j, int source) {
        boolean wanted = source == NetworkSpec.INPUT ? inputGradient : p.needed()[source];
        if (!wanted) return null;
        if (!p.direct()[i][j]) return temp[j];
        return source == NetworkSpec.INPUT ? inputGrad() : outputGrads[source];
    }

    /** Index of the largest output of sample i of the last forward pass. */
    public int predicted(int i) {
        int classes = network.numClasses();
        float[] y = result();
        int best = 0;
        for (int j = 1; j < classes; j++) if (y[i * classes + j] > y[i * classes + best]) best = j;
        return best;
    }
}
