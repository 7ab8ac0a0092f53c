package org.convscope.ui.lecture.diagram;

import java.util.HashSet;
import java.util.Set;
import org.convscope.lecture.ConvSetup;
import org.convscope.lecture.ConvStep;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.NumberStyle;
import org.convscope.lecture.Volume;

/**
 * What a convolution can ever show, over all its steps: how its numbers are written, how many characters the widest
 * input, weight, product, channel sum and output take, and the ranges its tints span. A frame's grids and sum lines
 * are sized from these, so the frame keeps its size while it steps. Computed once per setup (kept for the last few).
 */
record ConvFacts(NumberStyle style, int inputChars, int kernelChars, int productChars, int sumChars, int outputChars,
                 float inputRange, float kernelRange, float productRange, float outputRange) {
    /** Past this many distinct numbers of a kind, the widest is estimated from the extremes plus a character. */
    private static final int MAX_DISTINCT = 5000;
    private static final Recent<ConvSetup, ConvFacts> CACHE = new Recent<>(8);

    static ConvFacts of(ConvStepper s) {
        return CACHE.get(s.setup(), () -> compute(s.reset()));
    }

    /** The widest text among numbers of one kind, and their largest magnitude. */
    private static final class Widest {
        private final NumberStyle style;
        private final Set<Float> seen = new HashSet<>();
        private int chars = 1;
        private float range;
        private float min = Float.POSITIVE_INFINITY;
        private float max = Float.NEGATIVE_INFINITY;

        Widest(NumberStyle style) {
            this.style = style;
        }

        void add(float v) {
            range = Math.max(range, Math.abs(v));
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (seen.size() < MAX_DISTINCT && seen.add(v)) chars = Math.max(chars, style.format(v).length());
        }

        int chars() {
            if (seen.size() < MAX_DISTINCT || seen.isEmpty()) return chars;
            return Math.max(chars, Math.max(style.format(min).length(), style.format(max).length()) + 1);
        }
    }

    private static ConvFacts compute(ConvStepper s) {
        ConvSetup setup = s.setup();
        NumberStyle style = s.numberStyle();
        Widest input = new Widest(style);
        Widest kernel = new Widest(style);
        Widest product = new Widest(style);
        Widest sum = new Widest(style);
        Widest output = new Widest(style);
        for (float v : setup.input().values()) input.add(v);
        if (setup.padding() > 0) input.add(0);
        for (Volume f : setup.filters()) for (float w : f.values()) kernel.add(w);
        for (float b : setup.bias()) kernel.add(b);
        for (int i = 0; i < s.count(); i++) {
            ConvStep st = s.step(i);
            for (float p : st.products()) product.add(p);
            for (float c : st.channelSums()) sum.add(c);
            output.add(st.total());
        }
        return new ConvFacts(style, input.chars(), kernel.chars(), product.chars(), sum.chars(), output.chars(),
                input.range, kernel.range, product.range, output.range);
    }
}
