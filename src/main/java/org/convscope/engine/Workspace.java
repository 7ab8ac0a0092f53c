package org.convscope.engine;

import java.util.Arrays;
import java.util.List;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.layer.Layer;
import org.convscope.engine.layer.SoftmaxLayer;

/**
 * One thread's buffers for running a {@link Network} on up to maxBatch samples: the input, every layer's output
 * (kept for the views and for the backward pass, so no extra pass is needed), their gradients, the layers' scratch
 * buffers and this thread's parameter gradients. Not thread-safe; each thread owns one.
 */
public final class Workspace {
    /** Spare floats after every buffer: masked vector accesses that reach past the end of an array are slow. */
    private static final int SLACK = 64;

    private final Network network;
    private final Kernels kernels;
    private final int maxBatch;
    private final float[] input;              // [maxBatch][input.size]
    private final float[][] outputs;          // per layer: [maxBatch][output.size]
    private final float[][] outputGrads;      // per layer: dL/d output, same shape
    private final Layer.Scratch[] scratch;
    private final float[][][] layerGrads;     // per layer, per parameter: dL/d param
    private final float[][] paramGrads;       // the same arrays in network.params() order
    private final boolean[] needsInputGrad;   // whether a layer must pass its gradient further back
    private int batch;

    public Workspace(Network network, Kernels kernels, int maxBatch) {
        if (maxBatch <= 0) throw new IllegalArgumentException("maxBatch must be positive, got " + maxBatch);
        this.network = network;
        this.kernels = kernels;
        this.maxBatch = maxBatch;
        List<Layer> layers = network.layers();
        int count = layers.size();
        input = new float[maxBatch * network.input().size() + SLACK];
        outputs = new float[count][];
        outputGrads = new float[count][];
        scratch = new Layer.Scratch[count];
        layerGrads = new float[count][][];
        needsInputGrad = new boolean[count];
        paramGrads = new float[network.params().size()][];
        boolean paramsBefore = false;
        int p = 0;
        for (int i = 0; i < count; i++) {
            Layer layer = layers.get(i);
            outputs[i] = new float[maxBatch * layer.output().size() + SLACK];
            outputGrads[i] = new float[maxBatch * layer.output().size() + SLACK];
            scratch[i] = layer.newScratch(maxBatch);
            needsInputGrad[i] = paramsBefore;
            layerGrads[i] = new float[layer.params().size()][];
            for (int j = 0; j < layerGrads[i].length; j++) {
                layerGrads[i][j] = new float[layer.params().get(j).size()];
                paramGrads[p++] = layerGrads[i][j];
            }
            paramsBefore |= !layer.params().isEmpty();
        }
    }

    public Network network() {
        return network;
    }

    public Kernels kernels() {
        return kernels;
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
        if (n <= 0 || n > maxBatch) throw new IllegalArgumentException("batch " + n + " outside 1.." + maxBatch);
        List<Layer> layers = network.layers();
        float[] x = input;
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).forward(kernels, x, outputs[i], n, scratch[i]);
            x = outputs[i];
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
        return outputGrads[layer];
    }

    /** This workspace's parameter gradients in {@code network.params()} order. */
    public float[][] paramGrads() {
        return paramGrads;
    }

    public void zeroGrads() {
        for (float[] g : paramGrads) Arrays.fill(g, 0f);
    }

    /**
     * Computes the loss of the last forward pass against the labels and runs the backward pass, adding
     * scale·dL/dparam to {@link #paramGrads()}. Returns the summed (not averaged) loss of the n samples.
     */
    public double backward(int[] labels, int labelOffset, Loss loss, float scale) {
        int n = batch;
        int last = outputs.length - 1;
        boolean softmaxEnd = network.layers().get(last) instanceof SoftmaxLayer;
        boolean fused = softmaxEnd && loss == Loss.CROSS_ENTROPY;
        int start = fused ? last - 1 : last;
        int classes = network.numClasses();
        float[] grad = outputGrads[start];
        float[] y = outputs[last];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += loss.apply(y, i * classes, classes, labels[labelOffset + i], softmaxEnd, grad, scale);
        }
        List<Layer> layers = network.layers();
        for (int i = start; i >= 0; i--) {
            float[] x = i == 0 ? input : outputs[i - 1];
            float[] dx = needsInputGrad[i] ? outputGrads[i - 1] : null;
            layers.get(i).backward(kernels, x, outputs[i], outputGrads[i], dx, n, scratch[i], layerGrads[i]);
        }
        return total;
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
