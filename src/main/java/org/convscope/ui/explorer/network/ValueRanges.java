package org.convscope.ui.explorer.network;

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
 * mode ({@link #isScore}). A layer's ranges are measured when first asked for, the global one when first needed: a
 * view that shows a few layers of a ResNet reads only those (its activations are tens of megabytes).
 */
final class ValueRanges {
    private final ForwardSnapshot snapshot;
    private final NetworkSpec spec;
    private final float[][][] maps;   // [layer + 1][channel] {min, max}; index 0 is the input; null until measured
    private final float[][] layers;   // [layer + 1] {min, max}, null until measured
    private float[] global;           // {min, max}, null until measured

    private ValueRanges(ForwardSnapshot snapshot) {
        this.snapshot = snapshot;
        this.spec = snapshot.spec();
        int count = snapshot.shapes().size() + 1;
        maps = new float[count][][];
        layers = new float[count][];
    }

    static ValueRanges of(ForwardSnapshot s) {
        return new ValueRanges(s);
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
            case PER_MAP -> maps(layer)[channel];
            case PER_LAYER -> layer(layer);
            case GLOBAL -> isScore(spec, layer) ? layer(layer) : global();
        };
    }

    /** The range the layer's legend shows: the layer's own in per-map mode (each map spans part of it). */
    float[] legend(Normalisation mode, int layer) {
        return mode == Normalisation.GLOBAL && !isScore(spec, layer) ? global() : layer(layer);
    }

    private float[] layer(int layer) {
        if (layers[layer + 1] == null) {
            float[] data = snapshot.source(layer);
            layers[layer + 1] = Heatmap.range(data, 0, data.length);
        }
        return layers[layer + 1];
    }

    private float[][] maps(int layer) {
        if (maps[layer + 1] == null) {
            Dims d = layer < 0 ? spec.input() : snapshot.shapes().get(layer);
            float[] data = snapshot.source(layer);
            int plane = d.height() * d.width();
            float[][] m = new float[d.channels()][];
            for (int c = 0; c < d.channels(); c++) m[c] = d.isVector() ? layer(layer) : Heatmap.range(data, c * plane, plane);
            maps[layer + 1] = m;
        }
        return maps[layer + 1];
    }

    private float[] global() {
        if (global == null) {
            float[] g = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
            for (int i = -1; i < layers.length - 1; i++) {
                if (isScore(spec, i)) continue;
                float[] r = layer(i);
                g[0] = Math.min(g[0], r[0]);
                g[1] = Math.max(g[1], r[1]);
            }
            global = g;
        }
        return global;
    }
}
