package org.convscope.data;

/**
 * Separable resampling of an ink image: area averaging along an axis that shrinks (each
 * output pixel is the mean of the input it covers, fractional pixels weighted by their
 * overlap), bilinear interpolation along an axis that grows.
 */
final class Resample {
    private Resample() {}

    /** Resamples {@code src} to {@code width × height}. */
    static InkImage to(InkImage src, int width, int height) {
        if (width <= 0 || height <= 0 || src.isEmpty()) {
            throw new IllegalArgumentException("cannot resample " + src.width() + "×" + src.height()
                    + " to " + width + "×" + height);
        }
        Taps across = taps(src.width(), width);
        Taps down = taps(src.height(), height);
        float[] rows = new float[width * src.height()]; // [src.height][width]
        for (int y = 0; y < src.height(); y++) {
            across.apply(src.ink(), y * src.width(), 1, rows, y * width, 1);
        }
        float[] out = new float[width * height]; // [height][width]
        for (int y = 0; y < height; y++) down.applyToRows(rows, width, out, y);
        return new InkImage(width, height, out);
    }

    /**
     * For each output sample j, {@code count} input samples {@code first[j] + k} with weights
     * {@code weight[j*count + k]} (0 for unused taps), the weights of one output summing to 1.
     */
    private record Taps(int[] first, int count, float[] weight) {

        void apply(float[] in, int inStart, int inStride, float[] out, int outStart, int outStride) {
            for (int j = 0; j < first.length; j++) {
                float sum = 0;
                int i = inStart + first[j] * inStride;
                for (int k = 0; k < count; k++, i += inStride) {
                    float w = weight[j * count + k];
                    if (w != 0) {
                        sum += w * in[i];
                    }
                }
                out[outStart + j * outStride] = sum;
            }
        }

        /**
         * The same down the columns of [rows][width] images, for output row j: whole rows at a time, each column's sum
         * taken in the same order as {@link #apply} takes it (so the same floats), but reading memory in order.
         */
        void applyToRows(float[] in, int width, float[] out, int j) {
            int o = j * width;
            for (int k = 0; k < count; k++) {
                float w = weight[j * count + k];
                if (w == 0) continue;
                int r = (first[j] + k) * width;
                for (int x = 0; x < width; x++) out[o + x] += w * in[r + x];
            }
        }
    }

    private static Taps taps(int srcLen, int dstLen) {
        return dstLen < srcLen ? areaTaps(srcLen, dstLen) : bilinearTaps(srcLen, dstLen);
    }

    /** Output j covers input [j*s, (j+1)*s) with s = srcLen/dstLen > 1; each input weighs its overlap / s. */
    private static Taps areaTaps(int srcLen, int dstLen) {
        double scale = (double) srcLen / dstLen;
        int count = (int) Math.ceil(scale) + 1;
        int[] first = new int[dstLen];
        float[] weight = new float[dstLen * count];
        for (int j = 0; j < dstLen; j++) {
            double start = j * scale;
            double end = Math.min(srcLen, (j + 1) * scale);
            first[j] = (int) Math.floor(start);
            for (int k = 0; k < count && first[j] + k < srcLen; k++) {
                int i = first[j] + k;
                double overlap = Math.min(end, i + 1) - Math.max(start, i);
                weight[j * count + k] = overlap > 0 ? (float) (overlap / scale) : 0;
            }
        }
        return new Taps(first, count, weight);
    }

    /** Output j samples the input at its centre, (j + 0.5) * srcLen/dstLen - 0.5, clamped to the edge pixels. */
    private static Taps bilinearTaps(int srcLen, int dstLen) {
        double scale = (double) srcLen / dstLen;
        int[] first = new int[dstLen];
        float[] weight = new float[dstLen * 2];
        for (int j = 0; j < dstLen; j++) {
            double x = Math.clamp((j + 0.5) * scale - 0.5, 0, srcLen - 1);
            int i = Math.min((int) x, Math.max(srcLen - 2, 0));
            float f = (float) (x - i);
            first[j] = i;
            weight[2 * j] = 1 - f;
            weight[2 * j + 1] = srcLen > 1 ? f : 0;
        }
        return new Taps(first, 2, weight);
    }
}
