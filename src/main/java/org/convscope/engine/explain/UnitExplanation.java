package org.convscope.engine.explain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.PoolSpec;

/**
 * The arithmetic behind one unit's value in a forward pass, every term taken from the snapshot's parameters and
 * outputs (see {@link Explainer}). Sums are accumulated in double and rounded once, so {@link #value()} agrees with
 * the engine's float output to rounding. The arrays are shared: treat them as read-only.
 */
public sealed interface UnitExplanation {
    UnitRef unit();

    /** The layer's name, or "input" for the image. */
    String layer();

    /** The unit's value as the explanation computes it. */
    float value();

    /** A pixel of the input image. */
    record InputUnit(UnitRef unit, float value) implements UnitExplanation {
        @Override
        public String layer() {
            return "input";
        }
    }

    /** The activation applied right after a conv or dense unit: its layer, function and output (the engine's). */
    record Activated(String layer, ActivationSpec.Kind kind, float value) {}

    /**
     * A convolution unit: Σ over input channels of Σ w·x over the kernel window, + bias. The window's top-left corner
     * in the previous layer is (top, left), which is negative where the window hangs over the zero padding.
     */
    record ConvUnit(UnitRef unit, String layer, ConvSpec spec, int top, int left, List<ChannelTerms> channels,
                    float channelSum, float bias, float value, Optional<Activated> activated) implements UnitExplanation {}

    /**
     * One input channel's share of a conv unit; arrays are [kH][kW] row-major. Inputs under padding are 0 and marked.
     */
    record ChannelTerms(int channel, int height, int width, float[] weights, float[] inputs, boolean[] padding,
                        float[] products, float sum) {}

    /**
     * A pooling unit over the window [window][window] whose top-left corner in its channel is (top, left).
     * {@code winner} is the window index of the first maximum (max pooling; −1 otherwise); {@code sum} is Σx for
     * average pooling, Σx² for L2 pooling and NaN for max pooling.
     */
    record PoolUnit(UnitRef unit, String layer, PoolSpec spec, int top, int left, float[] window, int winner, float sum,
                    float value) implements UnitExplanation {}

    /** An element-wise activation: value = f(input). */
    record ActivationUnit(UnitRef unit, String layer, ActivationSpec.Kind kind, float input, float value)
            implements UnitExplanation {}

    /** A flatten unit: a copy of the (C, H, W) unit {@code source} of the previous layer. */
    record FlattenUnit(UnitRef unit, String layer, UnitRef source, float value) implements UnitExplanation {}

    /** A fully connected unit: Σ w·x over every input ([in] arrays), + bias. */
    record DenseUnit(UnitRef unit, String layer, float[] weights, float[] inputs, float[] products, float sum,
                     float bias, float value, Optional<Activated> activated) implements UnitExplanation {
        /** Indices of the count inputs with the largest |w·x|, largest first (ties: lower index first). */
        public int[] topContributors(int count) {
            return IntStream.range(0, products.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -Math.abs(products[i])))
                    .limit(count).mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * A softmax unit: p = e^(z_k − m) / Σ_j e^(z_j − m) with m = max z; {@code exponentials[j]} = e^(z_j − m).
     */
    record SoftmaxUnit(UnitRef unit, String layer, float[] logits, float max, float[] exponentials, float sum,
                       float value) implements UnitExplanation {
        /** Class indices by descending probability. */
        public int[] ranking() {
            return IntStream.range(0, logits.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer j) -> -logits[j]))
                    .mapToInt(Integer::intValue).toArray();
        }
    }
}
