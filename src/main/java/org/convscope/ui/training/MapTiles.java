package org.convscope.ui.training;

import java.util.Locale;
import org.convscope.engine.Dims;
import org.convscope.lecture.Notation;
import org.convscope.ui.view.ColorMap;

/**
 * One layer's feature maps for the probe image as tiles, each value a colour of {@code map} over the layer's range;
 * sorted by each map's mean activation.
 */
final class MapTiles implements TileContent {
    private final String layer;
    private final float[] data; // [channels][height][width]
    private final Dims d;
    private final ColorMap map;
    private final float[] range;
    private final double[] means;

    MapTiles(String layer, float[] data, Dims d, ColorMap map, float[] range) {
        this.layer = layer;
        this.data = data;
        this.d = d;
        this.map = map;
        this.range = range;
        int plane = d.height() * d.width();
        means = new double[d.channels()];
        for (int c = 0; c < means.length; c++) {
            double sum = 0;
            for (int i = c * plane; i < (c + 1) * plane; i++) sum += data[i];
            means[c] = sum / plane;
        }
    }

    @Override
    public int count() {
        return d.channels();
    }

    /** Maps up to 64 pixels across. */
    @Override
    public int maxScale() {
        return Math.max(1, 64 / Math.max(d.height(), d.width()));
    }

    /** Maps at 12 pixels across at least. */
    @Override
    public int minScale() {
        return Math.max(1, (12 + Math.max(d.height(), d.width()) - 1) / Math.max(d.height(), d.width()));
    }

    @Override
    public int width(int scale) {
        return d.width() * scale;
    }

    @Override
    public int height(int scale) {
        return d.height() * scale;
    }

    @Override
    public void paint(int tile, int[] pixels, int stride, int x, int y, int scale, int gap) {
        int plane = d.height() * d.width();
        int width = d.width() * scale;
        for (int r = 0; r < d.height(); r++) {
            // One colour lookup per value: the first pixel row of this value row, then copies of it.
            int row = (y + r * scale) * stride + x;
            int src = tile * plane + r * d.width();
            for (int q = 0; q < d.width(); q++) {
                int argb = map.argb(data[src + q], range[0], range[1]);
                java.util.Arrays.fill(pixels, row + q * scale, row + (q + 1) * scale, argb);
            }
            for (int k = 1; k < scale; k++) System.arraycopy(pixels, row, pixels, row + k * stride, width);
        }
    }

    @Override
    public String describe(int tile) {
        int plane = d.height() * d.width();
        float max = Float.NEGATIVE_INFINITY;
        for (int i = tile * plane; i < (tile + 1) * plane; i++) max = Math.max(max, data[i]);
        return Notation.minus(String.format(Locale.ROOT, "%s · channel %d of %d · %d×%d%nmean %.3g · largest %.3g", layer, tile + 1,
                d.channels(), d.height(), d.width(), means[tile], max));
    }

    @Override
    public double[] keys() {
        return means;
    }
}
