package org.convscope.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Geometries and checks shared by the convolution plan tests: small geometries with odd sizes that are not
 * multiples of any vector width, groups, depthwise with a multiplier, strides (2, 1), asymmetric padding, dilation,
 * 1×1 with and without stride, 7×7 with stride 2, small outputs with many filters; and a forward check against
 * {@link ScalarConv} with the input and output inside larger arrays.
 */
public final class ConvCases {
    public static final float SENTINEL = 12345f;

    private ConvCases() {}

    /** C, H, W, F, G, kH, kW, sH, sW, padTop, padLeft, padBottom, padRight, dH, dW. */
    public static ConvGeometry geometry(int... v) {
        return new ConvGeometry(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14]);
    }

    public static Stream<ConvGeometry> geometries() {
        return Stream.of(
                geometry(5, 7, 9, 13, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1),        // 1×1: a matrix product, last run partial
                geometry(3, 10, 11, 17, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),      // 3×3 same padding
                geometry(4, 9, 6, 9, 1, 3, 2, 1, 1, 0, 0, 0, 0, 1, 1),         // 3×2, no padding
                geometry(3, 23, 21, 10, 1, 7, 7, 2, 2, 3, 3, 3, 3, 1, 1),      // 7×7 stride 2, as ResNet's stem
                geometry(6, 9, 8, 12, 1, 1, 1, 2, 2, 0, 0, 0, 0, 1, 1),        // 1×1 stride 2, as a downsample
                geometry(6, 11, 13, 20, 1, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1),      // 3×3 stride 2
                geometry(5, 12, 10, 7, 1, 3, 3, 2, 1, 1, 1, 1, 1, 1, 1),       // stride (2, 1)
                geometry(3, 8, 9, 5, 1, 3, 3, 1, 1, 0, 1, 2, 1, 1, 1),         // asymmetric padding
                geometry(3, 13, 14, 6, 1, 3, 3, 1, 1, 2, 3, 2, 3, 2, 3),       // dilation (2, 3)
                geometry(4, 17, 15, 6, 2, 5, 3, 1, 2, 2, 0, 1, 1, 2, 1),       // groups, stride, dilation, odd padding
                geometry(8, 10, 9, 12, 4, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),       // 4 groups
                geometry(7, 10, 11, 7, 7, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),       // depthwise
                geometry(6, 13, 12, 6, 6, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1),       // depthwise stride 2
                geometry(5, 9, 37, 10, 5, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),       // depthwise multiplier 2, wide rows
                geometry(3, 11, 9, 9, 3, 5, 5, 2, 1, 2, 1, 0, 3, 1, 2),        // depthwise ×3, 5×5, odd everything
                geometry(4, 6, 6, 4, 4, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1),         // depthwise 1×1
                geometry(16, 20, 19, 24, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),     // many runs and panels to split
                geometry(32, 24, 24, 9, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),      // patches unrolled in chunks, split mid-row
                geometry(40, 5, 5, 70, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),       // small image, many filters
                geometry(24, 7, 7, 64, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),       // 7×7 output: filters in the lanes
                geometry(33, 7, 7, 50, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1),       // 1×1 at 7×7
                geometry(20, 15, 13, 36, 2, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1),     // stride 2 down to 8×7, 2 groups
                geometry(17, 5, 4, 64, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1),       // rows narrower than a tile
                geometry(35, 9, 9, 80, 1, 3, 3, 1, 1, 0, 0, 0, 0, 1, 1),       // 7×7 output without padding
                geometry(2, 3, 4, 3, 1, 3, 4, 1, 1, 0, 0, 0, 0, 1, 1));        // kernel as large as the image
    }

    public static float[] random(SplittableRandom random, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) random.nextDouble(-1, 1);
        return a;
    }

    /** values at [off, off + n) of an array with `before` and `after` floats of fill around them. */
    public static float[] embed(float[] values, int off, int after, float fill) {
        float[] a = new float[off + values.length + after];
        java.util.Arrays.fill(a, fill);
        System.arraycopy(values, 0, a, off, values.length);
        return a;
    }

    public static float[] abs(float[] a) {
        float[] b = a.clone();
        for (int i = 0; i < b.length; i++) b[i] = Math.abs(b[i]);
        return b;
    }

    /**
     * Runs plan.forward twice (buffers reused) with x and y inside larger arrays, checks y against
     * {@link ScalarConv} to within rounding (2·10⁻⁶ per term of the sum of absolute terms) and that the floats
     * around y survive, and returns the whole output array.
     */
    public static float[] checkForward(ConvPlan plan, String name) {
        ConvGeometry g = plan.geometry();
        SplittableRandom random = new SplittableRandom(g.hashCode());
        float[] w = random(random, g.weightSize());
        float[] bias = random(random, g.filters());
        float[] image = random(random, g.inputSize());
        int xOff = 3;
        int yOff = 5;
        float[] x = embed(image, xOff, 0, Float.NaN); // nothing before the image may be read into y, nothing after it at all
        float[] expected = new float[g.outputSize()];
        ScalarConv.forward(g, w, bias, image, 0, expected, 0);
        float[] magnitude = new float[g.outputSize()];
        ScalarConv.forward(g, abs(w), abs(bias), abs(image), 0, magnitude, 0);
        float[] y = null;
        for (int pass = 0; pass < 2; pass++) {
            y = embed(new float[g.outputSize()], yOff, 7, SENTINEL);
            plan.forward(w, 1, bias, x, xOff, y, yOff);
            String where = name + " " + g + " pass " + pass;
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], y[yOff + i], 2e-6 * (g.groupChannels() * g.taps() + 1) * magnitude[i], where + " at " + i);
            }
            for (int i = 0; i < yOff; i++) assertEquals(SENTINEL, y[i], where + ": float before y changed");
            for (int i = yOff + expected.length; i < y.length; i++) assertEquals(SENTINEL, y[i], where + ": float after y changed");
        }
        return y;
    }
}
