package org.convscope.engine;

import java.util.Arrays;
import java.util.List;
import org.convscope.engine.layer.Layer;
import org.convscope.engine.spec.NetworkSpec;

/**
 * An immutable copy of one sample's forward pass, for the views: the input, every layer's output (in layer order),
 * the parameters the pass used (in {@link Network#params()} order), so it stays consistent while training goes on,
 * and the network's buffers (in {@link Network#buffers()} order; training does not change them, so they are shared).
 * The arrays must not be modified.
 */
public record ForwardSnapshot(NetworkSpec spec, List<Dims> shapes, float[] input, float[][] outputs, float[][] params,
                              float[][] buffers) {
    /** Copies sample {@code sample} of the workspace's last forward pass. */
    public static ForwardSnapshot capture(Workspace ws, int sample) {
        return capture(ws, sample, ws.network().copyParams());
    }

    /**
     * Copies sample {@code sample} of the workspace's last forward pass, with {@code params}, a copy of the network's
     * parameters made by {@link Network#copyParams()} that is still current: a network that does not train (the
     * explorer's) needs one copy, not one per pass.
     */
    public static ForwardSnapshot capture(Workspace ws, int sample, float[][] params) {
        Network net = ws.network();
        if (params.length != net.params().size()) {
            throw new IllegalArgumentException(net.params().size() + " parameter arrays expected, got " + params.length);
        }
        if (sample < 0 || sample >= ws.batch()) {
            throw new IllegalArgumentException("sample " + sample + " outside the last batch of " + ws.batch());
        }
        List<Layer> layers = net.layers();
        int inSize = net.input().size();
        float[] input = Arrays.copyOfRange(ws.input(), sample * inSize, (sample + 1) * inSize);
        float[][] outputs = new float[layers.size()][];
        Dims[] shapes = new Dims[layers.size()];
        for (int i = 0; i < outputs.length; i++) {
            int size = layers.get(i).output().size();
            outputs[i] = Arrays.copyOfRange(ws.output(i), sample * size, (sample + 1) * size);
            shapes[i] = layers.get(i).output();
        }
        float[][] buffers = new float[net.buffers().size()][];
        for (int i = 0; i < buffers.length; i++) buffers[i] = net.buffers().get(i).value();
        return new ForwardSnapshot(net.spec(), List.of(shapes), input, outputs, params, buffers);
    }

    /** Output of layer i with its shape. */
    public float[] output(int layer) {
        return outputs[layer];
    }

    /** The output of layer i, or the input for {@link NetworkSpec#INPUT}. */
    public float[] source(int layer) {
        return layer == NetworkSpec.INPUT ? input : outputs[layer];
    }

    /** The final output: class probabilities when the network ends with softmax. */
    public float[] result() {
        return outputs[outputs.length - 1];
    }

    /** Index of the largest final output. */
    public int topClass() {
        float[] y = result();
        int best = 0;
        for (int j = 1; j < y.length; j++) if (y[j] > y[best]) best = j;
        return best;
    }
}
