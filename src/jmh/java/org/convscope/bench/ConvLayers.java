package org.convscope.bench;

import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.kernel.ConvGeometry;

/**
 * The convolutions of torchvision's ResNet-18 and MobileNetV2 at 1×3×224×224, in order, with the names torchvision
 * gives them; src/bench/python/torch_convs.py lists the same.
 */
final class ConvLayers {
    /** One convolution of a network. */
    record Layer(String name, ConvGeometry geometry) {}

    private ConvLayers() {}

    /** Square kernel k, stride s, padding k/2 (or p), groups 1 (or G). */
    private static ConvGeometry conv(int c, int size, int f, int k, int s, int p, int groups) {
        return new ConvGeometry(c, size, size, f, groups, k, k, s, s, p, p, p, p, 1, 1);
    }

    /** Stem 7×7 s2 3→64, then two basic blocks per stage of 64, 128, 256, 512 with a 1×1 s2 downsample. */
    static List<Layer> resnet18() {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer("conv1", conv(3, 224, 64, 7, 2, 3, 1)));
        int size = 56;
        int channels = 64;
        int[] widths = {64, 128, 256, 512};
        for (int stage = 1; stage <= 4; stage++) {
            int width = widths[stage - 1];
            for (int block = 0; block < 2; block++) {
                int stride = stage > 1 && block == 0 ? 2 : 1;
                int out = size / stride;
                String prefix = "layer" + stage + "." + block;
                layers.add(new Layer(prefix + ".conv1", conv(channels, size, width, 3, stride, 1, 1)));
                layers.add(new Layer(prefix + ".conv2", conv(width, out, width, 3, 1, 1, 1)));
                if (stride != 1) layers.add(new Layer(prefix + ".downsample", conv(channels, size, width, 1, stride, 0, 1)));
                size = out;
                channels = width;
            }
        }
        return layers;
    }

    /** torchvision's inverted residual settings: expansion t, output channels c, repeats n, first stride s. */
    private static final int[][] MOBILENET_V2 = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1},
            {6, 160, 3, 2}, {6, 320, 1, 1}};

    /** Stem 3×3 s2 3→32, inverted residuals (expand 1×1, depthwise 3×3, project 1×1), final 1×1 320→1280. */
    static List<Layer> mobilenetV2() {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer("features.0", conv(3, 224, 32, 3, 2, 1, 1)));
        int size = 112;
        int channels = 32;
        int index = 1;
        for (int[] setting : MOBILENET_V2) {
            for (int i = 0; i < setting[2]; i++, index++) {
                int stride = i == 0 ? setting[3] : 1;
                int hidden = channels * setting[0];
                String prefix = "features." + index;
                if (setting[0] != 1) layers.add(new Layer(prefix + ".expand", conv(channels, size, hidden, 1, 1, 0, 1)));
                layers.add(new Layer(prefix + ".depthwise", conv(hidden, size, hidden, 3, stride, 1, hidden)));
                size /= stride;
                layers.add(new Layer(prefix + ".project", conv(hidden, size, setting[1], 1, 1, 0, 1)));
                channels = setting[1];
            }
        }
        layers.add(new Layer("features.18", conv(channels, size, 1280, 1, 1, 0, 1)));
        return layers;
    }
}
