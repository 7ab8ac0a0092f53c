package org.convscope.lecture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.explain.Explainer;
import org.convscope.engine.explain.UnitExplanation.ConvUnit;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.Window;

/**
 * One filter of one convolution layer of a real network, over the input that layer received in a forward pass: the
 * layer's own kernel size, strides, padding on each side, dilation and groups, the filter's trained weights and bias,
 * and the engine's output. With G groups a filter sees only the C/G input channels of its group (G = C: depthwise, one
 * channel). Each output cell's arithmetic is the engine's {@link Explainer}: y = Σ over the group's channels c of
 * Σ w[c][i][j]·x[c][top + i·D][left + j·D] + b, x = 0 outside the input, top = row·S − P_top, left = col·S − P_left.
 * Immutable; made once per layer and filter, so that stepping computes one cell at a time, never the whole layer.
 */
public final class LayerConv {
    private final NetworkPass pass;
    private final int layer;
    private final int filter;
    private final ConvSpec spec;
    private final Dims in;
    private final Dims out;
    private final int source;
    private final int first;
    private final int depth;
    private final float[] weights; // [depth][kH][kW]
    private final float bias;
    private final float typical;

    private LayerConv(NetworkPass pass, int layer, int filter) {
        NetworkSpec net = pass.network().spec();
        if (layer < 0 || layer >= net.layers().size() || !(net.layers().get(layer) instanceof ConvSpec c)) {
            throw new IllegalArgumentException(net.name() + ": layer " + (layer + 1) + " is not a convolution");
        }
        if (filter < 0 || filter >= c.filters()) {
            throw new IllegalArgumentException(c.name() + ": filter " + (filter + 1) + ", expected 1 to " + c.filters());
        }
        this.pass = pass;
        this.layer = layer;
        this.filter = filter;
        this.spec = c;
        NetworkSpec.LayerInfo info = net.infer().get(layer);
        in = info.input();
        out = info.output();
        source = info.sources().getFirst();
        depth = in.channels() / c.groups();
        first = filter / (c.filters() / c.groups()) * depth;
        int taps = c.kernelHeight() * c.kernelWidth();
        int p = parameterIndex(pass.network(), layer);
        float[] all = pass.snapshot().params()[p]; // [filters][depth][kH][kW]
        weights = Arrays.copyOfRange(all, filter * depth * taps, (filter + 1) * depth * taps);
        bias = pass.snapshot().params()[p + 1][filter];
        float[] magnitudes = new float[weights.length];
        for (int i = 0; i < weights.length; i++) magnitudes[i] = Math.abs(weights[i]);
        Arrays.sort(magnitudes);
        typical = magnitudes[magnitudes.length / 2];
    }

    /** Filter {@code filter} (from 0) of layer {@code layer} (an index of the network's layers) over the pass's input. */
    public static LayerConv of(NetworkPass pass, int layer, int filter) {
        return new LayerConv(pass, layer, filter);
    }

    /** The indexes of the network's convolution layers, in order. */
    public static List<Integer> convolutions(NetworkSpec spec) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) if (spec.layers().get(i) instanceof ConvSpec) found.add(i);
        return found;
    }

    /** Where layer i's weight is among the network's parameters: after the parameters of the layers before it. */
    private static int parameterIndex(Network network, int layer) {
        int index = 0;
        for (int i = 0; i < layer; i++) index += network.layers().get(i).params().size();
        return index;
    }

    /** The same layer with another filter. */
    public LayerConv withFilter(int f) {
        return new LayerConv(pass, layer, f);
    }

    public NetworkPass pass() {
        return pass;
    }

    /** The layer's index among the network's layers. */
    public int layer() {
        return layer;
    }

    /** The filter, from 0. */
    public int filter() {
        return filter;
    }

    public ConvSpec spec() {
        return spec;
    }

    public Window window() {
        return spec.kernel();
    }

    /** The layer's input shape (every channel, not only the filter's group). */
    public Dims input() {
        return in;
    }

    /** The layer's output shape; this filter writes map {@link #filter()} of it. */
    public Dims output() {
        return out;
    }

    /** The layer's input, [C][H][W]: the network's input or the output of the layer it reads. Do not modify. */
    public float[] inputValues() {
        return pass.snapshot().source(source);
    }

    /** The index of the layer it reads, {@link NetworkSpec#INPUT} for the network's input. */
    public int source() {
        return source;
    }

    /** Whether the layer reads the network's input (the preprocessed picture). */
    public boolean readsInput() {
        return source == NetworkSpec.INPUT;
    }

    /** What the layer reads, in words: "the network's input" or "the output of layer1.0.relu". */
    public String sourceWords() {
        return readsInput() ? "the network's input" : "the output of " + pass.network().spec().layers().get(source).name();
    }

    /** The first input channel the filter sees (from 0): its group's first. */
    public int firstChannel() {
        return first;
    }

    /** How many input channels the filter sees: C/G. */
    public int depth() {
        return depth;
    }

    /** The filter's weights, [depth][kH][kW]. Do not modify. */
    public float[] weights() {
        return weights;
    }

    public float bias() {
        return bias;
    }

    /** The median of the weights' magnitudes: how large the filter's numbers typically are. */
    public float typicalWeight() {
        return typical;
    }

    /** Whether the filter's channels are a picture's red, green and blue. */
    public boolean colour() {
        return readsInput() && in.channels() == 3 && depth == 3;
    }

    /** Input channel c (from 0, of all the layer's channels) by name: R, G or B of a picture, else "channel 17". */
    public String channelName(int c) {
        return colour() ? Notation.channel(c, 3) : "channel " + (c + 1);
    }

    /** Output cell (row, col) of the filter's map as the engine computed it in the forward pass. */
    public float engineOutput(int row, int col) {
        return pass.snapshot().output(layer)[(filter * out.height() + row) * out.width() + col];
    }

    /** The filter's whole output map as the engine computed it, [H][W] (a copy). */
    public float[] engineMap() {
        int plane = out.height() * out.width();
        return Arrays.copyOfRange(pass.snapshot().output(layer), filter * plane, (filter + 1) * plane);
    }

    /** The arithmetic of output cell (row, col), term by term, from the pass's own numbers. */
    public ConvUnit unit(int row, int col) {
        return (ConvUnit) Explainer.explain(pass.snapshot(), new UnitRef(layer, filter, row, col));
    }

    /** The layer's name, as the model has it. */
    public String name() {
        return spec.name();
    }

    /**
     * Which input channels the filter sees, in words, when not all: "groups: 4, so filter 5 (group 2) sees input
     * channels 7 to 12 only" or "depthwise: filter 5 sees input channel 5 only"; empty with one group.
     */
    public String groupWords() {
        int g = spec.groups();
        if (g == 1) return "";
        String f = "filter " + (filter + 1);
        if (depth == 1) return "depthwise: " + f + " sees input channel " + (first + 1) + " only";
        return "groups: " + g + ", so " + f + " (group " + (first / depth + 1) + ") sees input channels " + (first + 1)
                + " to " + (first + depth) + " only";
    }

    @Override
    public String toString() {
        return "LayerConv[" + pass.model() + " " + name() + " filter " + (filter + 1) + " over " + pass.input() + "]";
    }
}
