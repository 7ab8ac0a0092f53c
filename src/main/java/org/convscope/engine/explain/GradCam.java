package org.convscope.engine.explain;

import java.util.Arrays;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.BatchNormSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.PadSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;

/**
 * Grad-CAM (Selvaraju et al. 2017): where in the image a convolution layer's maps speak for a class. With A_k the
 * layer's channel k and y_c the class's score (the logit, before any softmax), each channel weighs
 * α_k = mean over (h, w) of ∂y_c/∂A_k[h][w], and the map is ReLU(Σ_k α_k·A_k), one value per position of the layer's
 * output; {@link #upsample} brings it to the input's size for an overlay.
 */
public final class GradCam {
    /** The map at the layer's resolution ([H][W]), the channel weights α ([C]) and the class score y_c. */
    public record Result(int layer, int classIndex, Dims maps, float[] map, float[] weights, float score) {}

    private GradCam() {}

    /**
     * The layer Grad-CAM users expect by default: the last layer with maps (more than one position) that every path
     * from the input to the output passes through, so that its maps carry all the network knows there (for ResNet the
     * last block's output after its Add and ReLU, as pytorch-grad-cam's {@code layer4[-1]}; never a block's 1×1
     * shortcut). When that layer follows a convolution through one-input layers only (activation, batch norm,
     * pooling, padding), as in LeNet or MobileNet's last 1×1 convolution and ReLU6, the convolution itself. −1 for a
     * network without maps.
     */
    public static int defaultLayer(Network net) {
        int n = net.layers().size();
        for (int layer = n - 1; layer >= 0; layer--) {
            Dims d = net.layers().get(layer).output();
            if (d.isVector() || d.height() * d.width() < 2 || !everyPathThrough(net, layer)) continue;
            for (int k = layer; ; k = net.sources(k)[0]) {
                LayerSpec spec = net.spec().layers().get(k);
                if (spec instanceof ConvSpec) return k;
                boolean oneInput = spec instanceof ActivationSpec || spec instanceof BatchNormSpec
                        || spec instanceof PoolSpec || spec instanceof PadSpec;
                if (!oneInput || net.sources(k).length != 1 || net.sources(k)[0] < 0) return layer;
            }
        }
        return -1;
    }

    /** Whether the output is cut off from the input without {@code layer}: reachability in topological order. */
    private static boolean everyPathThrough(Network net, int layer) {
        int n = net.layers().size();
        boolean[] reached = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (i == layer) continue;
            for (int s : net.sources(i)) reached[i] |= s < 0 || reached[s];
        }
        return !reached[n - 1];
    }

    /**
     * Grad-CAM of sample 0 of the workspace's last forward pass for class c at layer {@code layer} (any layer with
     * maps: a convolution, its batch norm or activation). Runs a backward pass in the workspace (its parameter
     * gradients are overwritten).
     */
    public static Result of(Workspace ws, int layer, int classIndex) {
        var net = ws.network();
        int classes = net.numClasses();
        if (classIndex < 0 || classIndex >= classes) {
            throw new IllegalArgumentException("class " + classIndex + " outside 0.." + (classes - 1));
        }
        Dims maps = net.layers().get(layer).output();
        if (maps.isVector()) {
            throw new IllegalArgumentException(net.layers().get(layer).spec().name() + " gives a vector, not maps: Grad-CAM"
                    + " needs a convolution layer");
        }
        if (ws.batch() < 1) throw new IllegalStateException("Grad-CAM needs a forward pass first");
        int last = net.layers().size() - 1;
        // The class score: the logit, which is the input of a final softmax.
        int scoreLayer = net.spec().layers().get(last) instanceof SoftmaxSpec ? net.sources(last)[0] : last;
        if (scoreLayer < layer) throw new IllegalArgumentException("the layer comes after the class scores");
        float[] seed = new float[net.layers().get(scoreLayer).output().size()];
        seed[classIndex] = 1f;
        float score = ws.output(scoreLayer)[classIndex];
        ws.zeroGrads();
        ws.backwardFrom(scoreLayer, seed);
        float[] a = ws.output(layer);
        float[] g = ws.outputGrad(layer);
        int plane = maps.height() * maps.width();
        float[] weights = new float[maps.channels()];
        float[] map = new float[plane];
        for (int k = 0; k < maps.channels(); k++) {
            double sum = 0;
            for (int i = k * plane; i < (k + 1) * plane; i++) sum += g[i];
            weights[k] = (float) (sum / plane);
        }
        for (int i = 0; i < plane; i++) {
            double v = 0;
            for (int k = 0; k < maps.channels(); k++) v += (double) weights[k] * a[k * plane + i];
            map[i] = (float) Math.max(0, v);
        }
        return new Result(layer, classIndex, maps, map, weights, score);
    }

    /** A map of h×w values scaled bilinearly (pixel centres aligned) to height×width. */
    public static float[] upsample(float[] map, int h, int w, int height, int width) {
        float[] out = new float[height * width];
        if (h == height && w == width) return Arrays.copyOf(map, map.length);
        for (int y = 0; y < height; y++) {
            double sy = Math.clamp((y + 0.5) * h / height - 0.5, 0, h - 1);
            int y0 = (int) sy;
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++) {
                double sx = Math.clamp((x + 0.5) * w / width - 0.5, 0, w - 1);
                int x0 = (int) sx;
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = sx - x0;
                double top = map[y0 * w + x0] * (1 - fx) + map[y0 * w + x1] * fx;
                double bottom = map[y1 * w + x0] * (1 - fx) + map[y1 * w + x1] * fx;
                out[y * width + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }
}
