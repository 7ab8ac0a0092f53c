package org.convscope.training;

import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.Network;
import org.convscope.engine.Param;

/**
 * The weights of one convolution layer, for the views. The array must not be modified.
 *
 * @param weights [filters][channels][kernelHeight][kernelWidth]
 */
public record ConvFilters(String layer, int filters, int channels, int kernelHeight, int kernelWidth, float[] weights) {
    public ConvFilters {
        if (weights.length != filters * channels * kernelHeight * kernelWidth) {
            throw new IllegalArgumentException(layer + ": " + weights.length + " weights, shape " + filters + "×"
                    + channels + "×" + kernelHeight + "×" + kernelWidth + " needs " + filters * channels * kernelHeight * kernelWidth);
        }
    }

    /** Floats per filter: channels × kernel height × kernel width. */
    public int filterSize() {
        return channels * kernelHeight * kernelWidth;
    }

    /** Indices into {@link Network#params()} of every convolution weight, in layer order. */
    public static List<Integer> convWeightIndices(Network network) {
        List<Integer> indices = new ArrayList<>();
        List<Param> params = network.params();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).isWeight() && params.get(i).shape().length == 4) indices.add(i);
        }
        return List.copyOf(indices);
    }

    /** The convolution filters among parameter values in {@link Network#params()} order (the arrays are shared). */
    public static List<ConvFilters> of(Network network, List<Integer> convIndices, float[][] values) {
        List<ConvFilters> filters = new ArrayList<>(convIndices.size());
        for (int i : convIndices) {
            Param p = network.params().get(i);
            int[] s = p.shape();
            String layer = p.name().substring(0, p.name().length() - ".weight".length());
            filters.add(new ConvFilters(layer, s[0], s[1], s[2], s[3], values[i]));
        }
        return List.copyOf(filters);
    }
}
