package org.convscope.data;

import java.util.Arrays;
import java.util.Locale;
import org.convscope.engine.Dims;

/**
 * How a photo becomes a network's input C×H×W: the shorter side scaled to {@code shorter} pixels (area averaging
 * when shrinking, bilinear when growing), the centre H×W cut out, then each channel c normalised, (v − mean_c)/std_c.
 * A one-channel input takes the luminance 0.299 R + 0.587 G + 0.114 B. {@code shorter} 0 scales the whole photo to
 * H×W instead, without keeping its proportions.
 */
public record PhotoPreprocess(String name, int shorter, float[] mean, float[] std) {
    /** ImageNet's channel means and standard deviations (RGB), as torchvision's models expect. */
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    public PhotoPreprocess {
        if (mean.length != 3 || std.length != 3) throw new IllegalArgumentException("mean and std need 3 values each");
        for (float s : std) if (!(s > 0) || !Float.isFinite(s)) throw new IllegalArgumentException("std must be positive, got " + s);
        for (float m : mean) if (!Float.isFinite(m)) throw new IllegalArgumentException("mean must be a number, got " + m);
        if (shorter < 0 || shorter > 1 << 14) throw new IllegalArgumentException("the shorter side must be 0..16384, got " + shorter);
    }

    /**
     * torchvision's ImageNet recipe: the shorter side to 256, the centre 224×224, ImageNet's mean and std; for an
     * input of another size S, the shorter side to round(S·256/224).
     */
    public static PhotoPreprocess imagenet(Dims input) {
        int size = Math.max(input.height(), input.width());
        return new PhotoPreprocess("imagenet", Math.round(size * 256f / 224f), IMAGENET_MEAN, IMAGENET_STD);
    }

    /** The whole photo scaled to the input's size, values in [0, 1]. */
    public static PhotoPreprocess unit() {
        return new PhotoPreprocess("unit", 0, new float[3], new float[] {1, 1, 1});
    }

    /** The input of a network taking {@code input} (C = 1 or 3). */
    public float[] apply(Photo photo, Dims input) {
        int c = input.channels();
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException("the model takes " + c + "-channel inputs; photos give 1 (gray) or 3 (RGB)");
        }
        int h = input.height();
        int w = input.width();
        int scaledW;
        int scaledH;
        if (shorter == 0) {
            scaledW = w;
            scaledH = h;
        } else {
            double scale = (double) Math.max(shorter, Math.max(h, w)) / Math.min(photo.width(), photo.height());
            scaledW = Math.max(w, (int) Math.round(photo.width() * scale));
            scaledH = Math.max(h, (int) Math.round(photo.height() * scale));
        }
        int top = (scaledH - h) / 2;
        int left = (scaledW - w) / 2;
        float[] out = new float[input.size()];
        float[][] rgb = new float[3][];
        for (int k = 0; k < 3; k++) rgb[k] = Resample.to(photo.channel(k), scaledW, scaledH).ink();
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = (top + y) * scaledW + left + x;
                    float v = c == 1 ? 0.299f * rgb[0][i] + 0.587f * rgb[1][i] + 0.114f * rgb[2][i] : rgb[ch][i];
                    int k = c == 1 ? 0 : ch;
                    out[(ch * h + y) * w + x] = (v - mean[k]) / std[k];
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        if (shorter == 0 && Arrays.equals(mean, new float[3]) && Arrays.equals(std, new float[] {1, 1, 1})) return name;
        return String.format(Locale.ROOT, "%s: shorter side %d, mean %s, std %s", name, shorter, Arrays.toString(mean),
                Arrays.toString(std));
    }
}
