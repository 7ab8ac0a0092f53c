package org.convscope.ui.lecture.diagram;

import org.convscope.engine.Dims;
import org.convscope.engine.explain.UnitExplanation.ChannelTerms;
import org.convscope.engine.explain.UnitExplanation.ConvUnit;
import org.convscope.lecture.LayerConv;
import org.convscope.lecture.LayerStepper;
import org.convscope.lecture.NumberStyle;

/**
 * What a real network's frame can ever show, worked out once per layer and filter without stepping through the
 * layer: the number style, the widest number of each kind (from bounds: |w·x| ≤ max|w|·max|x|, |Σ| ≤ Σ|w|·max|x|), so
 * that the frame keeps its size at every step, and the ranges its tints span (products and sums from a sample of
 * steps). A picture's channels are tinted from their least value (no colour) to their largest (full colour): for them
 * {@code shifted} holds each value minus its channel's least, {@code shiftedRange} each channel's span and
 * {@code least} its least value (null for other inputs).
 */
record LayerFacts(NumberStyle style, int inputChars, int kernelChars, int productChars, int sumChars, int totalChars,
                  int outputChars, float inputRange, float kernelRange, float productRange, float sumRange,
                  float outputRange, float[] shifted /* [3][H][W] */,
                  float[] shiftedRange /* [3] */, float[] least /* [3] */) {
    /** Steps looked at for the tint ranges of products and sums. */
    private static final int SAMPLES = 48;
    /** A few layers' facts: a frame's conv is kept while it is shown, each facts holds a picture's planes once. */
    private static final Recent<LayerConv, LayerFacts> CACHE = new Recent<>(4);

    static LayerFacts of(LayerStepper s) {
        return CACHE.get(s.conv(), () -> compute(s));
    }

    private static LayerFacts compute(LayerStepper s) {
        LayerConv conv = s.conv();
        NumberStyle style = s.numberStyle();
        Dims in = conv.input();
        int plane = in.height() * in.width();
        float[] x = conv.inputValues();
        float least = Float.POSITIVE_INFINITY;
        float most = Float.NEGATIVE_INFINITY;
        for (int c = conv.firstChannel(); c < conv.firstChannel() + conv.depth(); c++) {
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                least = Math.min(least, x[i]);
                most = Math.max(most, x[i]);
            }
        }
        if (padded(conv)) {
            least = Math.min(least, 0);
            most = Math.max(most, 0);
        }
        float inputRange = Math.max(Math.abs(least), Math.abs(most));
        float kernelRange = Math.abs(conv.bias());
        for (float w : conv.weights()) kernelRange = Math.max(kernelRange, Math.abs(w));
        int taps = conv.window().kernelH() * conv.window().kernelW();
        float channelBound = 0;
        for (int c = 0; c < conv.depth(); c++) {
            float sum = 0;
            for (int i = c * taps; i < (c + 1) * taps; i++) sum += Math.abs(conv.weights()[i]);
            channelBound = Math.max(channelBound, sum * inputRange);
        }
        float totalBound = 0;
        for (float w : conv.weights()) totalBound += Math.abs(w) * inputRange;
        float[] map = conv.engineMap();
        float outputRange = 0;
        int outputChars = 1;
        for (float v : new float[] {min(map), max(map)}) {
            outputRange = Math.max(outputRange, Math.abs(v));
            outputChars = Math.max(outputChars, style.format(v).length());
        }
        float[] sampled = sample(s);
        float[][] shift = conv.colour() ? shifted(x, plane) : new float[3][];
        return new LayerFacts(style, Math.max(chars(style, least), chars(style, most)),
                Math.max(chars(style, -kernelRange), chars(style, conv.bias())), chars(style, -kernelRange * inputRange),
                chars(style, -channelBound), chars(style, -(totalBound + Math.abs(conv.bias()))), outputChars,
                inputRange, kernelRange, sampled[0], sampled[1], outputRange, shift[0], shift[1], shift[2]);
    }

    /** Whether any side of the window has zero padding. */
    private static boolean padded(LayerConv conv) {
        var w = conv.window();
        return w.padTop() + w.padBottom() + w.padLeft() + w.padRight() > 0;
    }

    /** The largest |product| and |channel sum| over a few steps spread over the layer. */
    private static float[] sample(LayerStepper s) {
        float products = 0;
        float sums = 0;
        int n = s.count();
        for (int k = 0; k < Math.min(n, SAMPLES); k++) {
            int index = (int) ((long) k * n / Math.min(n, SAMPLES));
            ConvUnit unit = s.conv().unit(s.row(index), s.col(index));
            for (ChannelTerms t : unit.channels()) {
                sums = Math.max(sums, Math.abs(t.sum()));
                for (float p : t.products()) products = Math.max(products, Math.abs(p));
            }
        }
        return new float[] {products, sums};
    }

    /** A picture's three channels, each minus its least value; each one's span (largest − least); their least values. */
    private static float[][] shifted(float[] x, int plane) {
        float[] values = new float[3 * plane];
        float[] span = new float[3];
        float[] least = new float[3];
        for (int c = 0; c < 3; c++) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                lo = Math.min(lo, x[i]);
                hi = Math.max(hi, x[i]);
            }
            for (int i = c * plane; i < (c + 1) * plane; i++) values[i] = x[i] - lo;
            span[c] = hi - lo;
            least[c] = lo;
        }
        return new float[][] {values, span, least};
    }

    /** The most characters a number of v's sign up to |v| can take: its whole digits, the sign and every decimal. */
    private static int chars(NumberStyle style, float v) {
        int whole = Long.toString(Math.round(Math.abs((double) v))).length();
        int widest = (v < 0 ? 1 : 0) + whole + (style.decimals() > 0 ? style.decimals() + 1 : 0);
        return Math.max(style.format(v).length(), widest);
    }

    private static float min(float[] values) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : values) m = Math.min(m, v);
        return m;
    }

    private static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) m = Math.max(m, v);
        return m;
    }
}
