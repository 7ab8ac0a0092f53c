package org.convscope.lecture;

import java.util.Arrays;
import org.convscope.engine.Dims;

/** Numbers on a grid with channels: what a lecture shows in one input, kernel or output grid. */
public record Volume(Dims dims, float[] values /* [channels][height][width] */) {
    public Volume {
        if (dims == null) throw new IllegalArgumentException("volume dims missing");
        if (values.length != dims.size()) {
            throw new IllegalArgumentException("volume of " + dims + " needs " + dims.size() + " values, got " + values.length);
        }
    }

    /** A zero-filled volume. */
    public static Volume zeros(Dims dims) {
        return new Volume(dims, new float[dims.size()]);
    }

    /** One channel from rows of equal length. */
    public static Volume of(float[][] rows) {
        return of(new float[][][] {rows});
    }

    /** Channels of rows of equal length. */
    public static Volume of(float[][][] channels) {
        int c = channels.length;
        int h = c == 0 ? 0 : channels[0].length;
        int w = h == 0 ? 0 : channels[0][0].length;
        if (c == 0 || h == 0 || w == 0) throw new IllegalArgumentException("a volume needs at least one number");
        float[] values = new float[c * h * w];
        for (int ch = 0; ch < c; ch++) {
            if (channels[ch].length != h) {
                throw new IllegalArgumentException("channel " + ch + " has " + channels[ch].length + " rows, expected " + h);
            }
            for (int y = 0; y < h; y++) {
                if (channels[ch][y].length != w) {
                    throw new IllegalArgumentException("channel " + ch + " row " + y + " has " + channels[ch][y].length
                            + " numbers, expected " + w);
                }
                System.arraycopy(channels[ch][y], 0, values, (ch * h + y) * w, w);
            }
        }
        return new Volume(new Dims(c, h, w), values);
    }

    public int channels() {
        return dims.channels();
    }

    public int height() {
        return dims.height();
    }

    public int width() {
        return dims.width();
    }

    /** The value at channel c, row y, column x. */
    public float at(int c, int y, int x) {
        return values[(c * dims.height() + y) * dims.width() + x];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Volume v && dims.equals(v.dims) && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return 31 * dims.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Volume" + dims + Arrays.toString(values);
    }
}
