package org.convscope.data;

import java.util.Arrays;
import java.util.Locale;
import org.convscope.engine.Dims;

/**
 * How a photo becomes a network's input C×H×W: the shorter side scaled to {@code shorter} pixels (area averaging
 * when shrinking, bilinear when growing) and the longer in proportion, the centre H×W cut out, then each channel c
 * normalised, (v − mean_c)/std_c. Sizes and offsets are rounded as torchvision's Resize and CenterCrop round them.
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

    /**
     * Every step of the preprocessing, for a view that shows them one by one.
     *
     * @param resized the whole photo scaled (shorter side to {@code shorter}, or to H×W when it is 0)
     * @param cropX   left column of the centre crop in {@code resized}
     * @param cropY   top row of the centre crop in {@code resized}
     * @param cropped the H×W centre of {@code resized}, values 0…1
     * @param input   [C][H][W] the network's input: (v − mean_c)/std_c of {@code cropped} (luminance for C = 1)
     */
    public record Steps(Photo resized, int cropX, int cropY, Photo cropped, float[] input) {}

    /** The input of a network taking {@code input} (C = 1 or 3). */
    public float[] apply(Photo photo, Dims input) {
        return steps(photo, input).input();
    }

    /** The same, with every step kept. */
    public Steps steps(Photo photo, Dims input) {
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
        } else {   // as torchvision's Resize(shorter): the longer side truncated, (int) (shorter · long / short)
            int target = Math.max(shorter, Math.max(h, w));
            boolean wide = photo.width() >= photo.height();
            int longer = (int) (target * (double) (wide ? photo.width() : photo.height())
                    / (wide ? photo.height() : photo.width()));
            scaledW = Math.max(w, wide ? longer : target);
            scaledH = Math.max(h, wide ? target : longer);
        }
        // as torchvision's CenterCrop: the offset rounded half to even, as Python's round()
        int top = (int) Math.rint((scaledH - h) / 2.0);
        int left = (int) Math.rint((scaledW - w) / 2.0);
        float[] resized = new float[3 * scaledW * scaledH];
        for (int k = 0; k < 3; k++) {
            float[] plane = Resample.to(photo.channel(k), scaledW, scaledH).ink();
            System.arraycopy(plane, 0, resized, k * plane.length, plane.length);
        }
        int plane = scaledW * scaledH;
        float[] cropped = new float[3 * h * w];
        for (int k = 0; k < 3; k++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(resized, k * plane + (top + y) * scaledW + left, cropped, (k * h + y) * w, w);
            }
        }
        float[] out = new float[input.size()];
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < h * w; i++) {
                float v = c == 1 ? 0.299f * cropped[i] + 0.587f * cropped[h * w + i] + 0.114f * cropped[2 * h * w + i]
                        : cropped[ch * h * w + i];
                int k = c == 1 ? 0 : ch;
                out[ch * h * w + i] = (v - mean[k]) / std[k];
            }
        }
        return new Steps(new Photo(scaledW, scaledH, resized), left, top, new Photo(w, h, cropped), out);
    }

    @Override
    public String toString() {
        if (shorter == 0 && Arrays.equals(mean, new float[3]) && Arrays.equals(std, new float[] {1, 1, 1})) return name;
        return String.format(Locale.ROOT, "%s: shorter side %d, mean %s, std %s", name, shorter, Arrays.toString(mean),
                Arrays.toString(std));
    }
}
