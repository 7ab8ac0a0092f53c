package org.convscope.ui.training;

import java.util.Locale;
import org.convscope.lecture.Notation;
import org.convscope.training.ConvFilters;
import org.convscope.ui.view.ColorMap;

/**
 * A convolution layer's filters as tiles. A filter over colour input (three channels, the first convolution) is one
 * RGB picture, each channel's weight at 0.5 + 0.5·w/max|w| of its colour, as the classic pictures of first-layer
 * filters show them; any other filter shows its input channels' kernels, blue negative and red positive within the
 * layer's ±max|w|: stacked when there are up to {@value #STACKED}, in a square grid of up to {@value #MAX_CHANNELS}
 * otherwise (the first ones). Sorted by how far each filter moved from a reference (the filters at step 0), ‖w − w₀‖.
 */
final class FilterTiles implements TileContent {
    static final int STACKED = 8;
    static final int MAX_CHANNELS = 64;

    private final ConvFilters f;
    private final boolean rgb;
    private final float extent;
    private final int shownChannels;
    private final int subColumns;
    private final int subRows;
    private final double[] change; // per filter, ‖w − w₀‖; null without a reference

    /**
     * @param reference the same layer's filters to measure change from (its step-0 snapshot), or null
     * @param rgb       whether to draw each filter as one colour picture (three input channels: R, G, B)
     */
    FilterTiles(ConvFilters f, ConvFilters reference, boolean rgb) {
        this.f = f;
        this.rgb = rgb && f.channels() == 3;
        float e = 0;
        for (float w : f.weights()) e = Math.max(e, Math.abs(w));
        extent = e;
        shownChannels = this.rgb ? 1 : Math.min(f.channels(), MAX_CHANNELS);
        subColumns = shownChannels <= STACKED ? 1 : (int) Math.ceil(Math.sqrt(shownChannels));
        subRows = (shownChannels + subColumns - 1) / subColumns;
        change = reference != null && reference.weights().length == f.weights().length ? change(f, reference) : null;
    }

    /** ‖w − w₀‖ of every filter. */
    private static double[] change(ConvFilters now, ConvFilters then) {
        double[] d = new double[now.filters()];
        int size = now.filterSize();
        for (int k = 0; k < d.length; k++) {
            double sum = 0;
            for (int j = k * size; j < (k + 1) * size; j++) {
                double x = (double) now.weights()[j] - then.weights()[j];
                sum += x * x;
            }
            d[k] = Math.sqrt(sum);
        }
        return d;
    }

    /** The largest |w| of the layer: the ends of its colour scale. */
    float extent() {
        return extent;
    }

    boolean rgb() {
        return rgb;
    }

    /** How many of each filter's input channels a tile shows. */
    int shownChannels() {
        return shownChannels;
    }

    @Override
    public int count() {
        return f.filters();
    }

    /** Kernels up to 12 pixels a weight: a 5×5 kernel 60 px, a 3×3 one 36 px. */
    @Override
    public int maxScale() {
        return Math.max(1, 12 * 5 / Math.max(5, Math.max(f.kernelHeight(), f.kernelWidth())));
    }

    /** A single kernel at 9 pixels across at least (3×3 at 3 px a weight); a grid of channels at 2 px a weight. */
    @Override
    public int minScale() {
        int k = Math.max(f.kernelHeight(), f.kernelWidth());
        return subColumns > 1 || subRows > 1 ? (k <= 3 ? 2 : 1) : Math.max(1, (9 + k - 1) / k);
    }

    @Override
    public int width(int scale) {
        return subColumns * (f.kernelWidth() * scale + 1) - 1;
    }

    @Override
    public int height(int scale) {
        return subRows * (f.kernelHeight() * scale + 1) - 1;
    }

    @Override
    public void paint(int tile, int[] pixels, int stride, int x, int y, int scale, int gap) {
        int kh = f.kernelHeight();
        int kw = f.kernelWidth();
        int plane = kh * kw;
        int base = tile * f.filterSize();
        for (int yy = 0; yy < height(scale); yy++) {
            java.util.Arrays.fill(pixels, (y + yy) * stride + x, (y + yy) * stride + x + width(scale), gap);
        }
        for (int c = 0; c < shownChannels; c++) {
            int x0 = x + (c % subColumns) * (kw * scale + 1);
            int y0 = y + (c / subColumns) * (kh * scale + 1);
            for (int r = 0; r < kh; r++) {
                // One colour per weight: the first pixel row of this kernel row, then copies of it.
                int row = (y0 + r * scale) * stride + x0;
                int src = base + c * plane + r * kw;
                for (int q = 0; q < kw; q++) {
                    int i = src + q;
                    int argb = rgb ? colour(i, plane) : ColorMap.DIVERGING.argb(f.weights()[i], -extent, extent);
                    java.util.Arrays.fill(pixels, row + q * scale, row + (q + 1) * scale, argb);
                }
                for (int k = 1; k < scale; k++) System.arraycopy(pixels, row, pixels, row + k * stride, kw * scale);
            }
        }
    }

    /** The colour of a kernel position from its three channels' weights (at i, i + plane, i + 2·plane). */
    private int colour(int i, int plane) {
        float[] w = f.weights();
        return 0xFF000000 | level(w[i]) << 16 | level(w[i + plane]) << 8 | level(w[i + 2 * plane]);
    }

    private int level(float w) {
        return extent == 0 ? 128 : Math.clamp(Math.round(127.5f + 127.5f * w / extent), 0, 255);
    }

    @Override
    public String describe(int tile) {
        int size = f.filterSize();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        double norm = 0;
        for (int j = tile * size; j < (tile + 1) * size; j++) {
            float w = f.weights()[j];
            min = Math.min(min, w);
            max = Math.max(max, w);
            norm += (double) w * w;
        }
        StringBuilder s = new StringBuilder(Notation.minus(String.format(Locale.ROOT, "%s · filter %d of %d · %s%n‖w‖ = %.3g ·"
                + " weights within [%.3g, %.3g]", f.layer(), tile + 1, f.filters(),
                Notation.size(f.kernelHeight(), f.kernelWidth(), f.channels()), Math.sqrt(norm), min, max)));
        if (change != null) s.append(String.format(Locale.ROOT, "%nmoved ‖w − w₀‖ = %.3g since step 0", change[tile]));
        if (rgb) s.append(String.format(Locale.ROOT, "%nR, G and B: the weights on the red, green and blue channels"));
        else if (shownChannels < f.channels()) {
            s.append(String.format(Locale.ROOT, "%nthe first %d of its %d input channels", shownChannels, f.channels()));
        }
        return s.toString();
    }

    @Override
    public double[] keys() {
        return change;
    }
}
