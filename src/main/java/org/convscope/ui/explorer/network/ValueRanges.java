package org.convscope.ui.explorer.network;

import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.ui.explorer.Normalisation;
import org.convscope.ui.view.Heatmap;

/**
 * The value ranges of one forward pass for the three normalisations: every map's own, every layer's, and one over
 * all activations: the input and every layer but the network's scores, the logits and a final softmax (their scales
 * are their own: logits of −15…24 made every other map one flat colour). The logits keep their own range in every
 * mode ({@link #isScore}).
 */
final class ValueRanges {
    private final float[][][] maps;   // [layer + 1][channel] {min, max}; index 0 is the input
    private final float[][] layers;   // [layer + 1] {min, max}
    private final float[] global;     // {min, max}
    private final NetworkSpec spec;

    private ValueRanges(NetworkSpec spec, float[][][] maps, float[][] layers, float[] global) {
        this.spec = spec;
        this.maps = maps;
        this.layers = layers;
        this.global = global;
    }

    static ValueRanges of(ForwardSnapshot s) {
        List<Dims> shapes = s.shapes();
        int count = shapes.size() + 1;
        float[][][] maps = new float[count][][];
        float[][] layers = new float[count][];
        float[] global = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int i = 0; i < count; i++) {
            Dims d = i == 0 ? s.spec().input() : shapes.get(i - 1);
            float[] data = i == 0 ? s.input() : s.output(i - 1);
            layers[i] = Heatmap.range(data, 0, data.length);
            int plane = d.height() * d.width();
            maps[i] = new float[d.channels()][];
            for (int c = 0; c < d.channels(); c++) maps[i][c] = d.isVector() ? layers[i] : Heatmap.range(data, c * plane, plane);
            if (!isScore(s.spec(), i - 1)) {
                global[0] = Math.min(global[0], layers[i][0]);
                global[1] = Math.max(global[1], layers[i][1]);
            }
        }
        return new ValueRanges(s.spec(), maps, layers, global);
    }

    /**
     * Whether the layer's output is one of the network's scores: its last layer, and the logits a final softmax
     * reads. These are left out of the global range.
     */
    static boolean isScore(NetworkSpec spec, int layer) {
        int last = spec.layers().size() - 1;
        if (layer == last) return true;
        return spec.layers().get(last) instanceof SoftmaxSpec && spec.sourcesOf(last).contains(layer);
    }

    /** The range a map of the layer (−1: the input) is painted with. */
    float[] range(Normalisation mode, int layer, int channel) {
        return switch (mode) {
            case PER_MAP -> maps[layer + 1][channel];
            case PER_LAYER -> layers[layer + 1];
            case GLOBAL -> isScore(spec, layer) ? layers[layer + 1] : global;
        };
    }

    /** The range the layer's legend shows: the layer's own in per-map mode (each map spans part of it). */
    float[] legend(Normalisation mode, int layer) {
        return mode == Normalisation.GLOBAL && !isScore(spec, layer) ? global : layers[layer + 1];
    }
}
