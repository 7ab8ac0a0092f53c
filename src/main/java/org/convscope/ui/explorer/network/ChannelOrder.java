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

    /** Each channel's mean value, summed in four running sums (a single one waits on each add: 4× slower). */
    static double[] means(float[] data, int channels, int plane) {
        double[] mean = new double[channels];
        for (int c = 0; c < channels; c++) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = c * plane;
            int end = i + plane;
            for (int end4 = i + (plane & ~3); i < end4; i += 4) {
                s0 += data[i];
                s1 += data[i + 1];
                s2 += data[i + 2];
                s3 += data[i + 3];
            }
            for (; i < end; i++) s0 += data[i];
            mean[c] = ((s0 + s1) + (s2 + s3)) / plane;
        }
        return mean;
    }
}
