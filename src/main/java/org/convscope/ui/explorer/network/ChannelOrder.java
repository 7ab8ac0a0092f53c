package org.convscope.ui.explorer.network;

import java.util.Arrays;

/**
 * The order in which a layer's channels are shown: strongest first, by the mean of each map,
 * mean_c = (1/HW) Σ_{y,x} a[c][y][x] (ties in channel order), or simply in channel order.
 */
final class ChannelOrder {
    private ChannelOrder() {}

    /** Channel indices, strongest mean first ({@code sorted}) or 0, 1, 2, … */
    static int[] of(float[] data, int channels, int plane, boolean sorted) {
        int[] order = new int[channels];
        for (int c = 0; c < channels; c++) order[c] = c;
        if (!sorted || channels < 2) return order;
        double[] mean = means(data, channels, plane);
        Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> mean[a] != mean[b] ? Double.compare(mean[b], mean[a]) : Integer.compare(a, b));
        for (int c = 0; c < channels; c++) order[c] = boxed[c];
        return order;
    }

    /** Each channel's mean value. */
    static double[] means(float[] data, int channels, int plane) {
        double[] mean = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int i = c * plane, end = i + plane; i < end; i++) sum += data[i];
            mean[c] = sum / plane;
        }
        return mean;
    }
}
