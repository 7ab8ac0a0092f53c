package org.convscope.ui.explorer.network;

import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.ui.explorer.Normalisation;
import org.convscope.ui.view.Heatmap;

/**
 * The value ranges of one forward pass for the three normalisations: every map's own, every layer's, and one over
 * all activations (the input and every layer but a final softmax, whose probabilities have a scale of their own).
 */
final class ValueRanges {
    private final float[][][] maps;   // [layer + 1][channel] {min, max}; index 0 is the input
    private final float[][] layers;   // [layer + 1] {min, max}
    private final float[] global;     // {min, max}

    private ValueRanges(float[][][] maps, float[][] layers, float[] global) {
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
            boolean probabilities = i > 0 && s.spec().layers().get(i - 1) instanceof SoftmaxSpec;
            if (!probabilities) {
                global[0] = Math.min(global[0], layers[i][0]);
                global[1] = Math.max(global[1], layers[i][1]);
            }
        }
        return new ValueRanges(maps, layers, global);
    }

    /** The range a map of the layer (−1: the input) is painted with. */
    float[] range(Normalisation mode, int layer, int channel) {
        return switch (mode) {
            case PER_MAP -> maps[layer + 1][channel];
            case PER_LAYER -> layers[layer + 1];
            case GLOBAL -> global;
        };
    }

    /** The range the layer's legend shows: the layer's own in per-map mode (each map spans part of it). */
    float[] legend(Normalisation mode, int layer) {
        return mode == Normalisation.GLOBAL ? global : layers[layer + 1];
    }
}
