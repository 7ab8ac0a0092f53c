package org.convscope.engine.explain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.Arithmetic;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.MergeSpec;
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
     * A convolution unit: Σ over the input channels of its group of Σ w·x over the kernel window, + bias. The window's
     * top-left corner in the layer it reads is (top, left), which is negative where the window hangs over the zero
     * padding; its taps are the spec's dilation apart.
     */
    record ConvUnit(UnitRef unit, String layer, ConvSpec spec, int top, int left, List<ChannelTerms> channels,
                    float channelSum, float bias, float value, Optional<Activated> activated) implements UnitExplanation {}

    /**
     * One input channel's share of a conv unit ({@code channel} is the input channel's index); arrays are [kH][kW]
     * row-major. Inputs under padding are 0 and marked.
     */
    record ChannelTerms(int channel, int height, int width, float[] weights, float[] inputs, boolean[] padding,
                        float[] products, float sum) {}

    /**
     * A pooling unit over the window [kH][kW] whose top-left corner in its channel is (top, left) (negative over the
     * padding; taps the spec's dilation apart). Taps in the padding are marked and hold 0. {@code winner} is the
     * window index of the first maximum (max pooling; −1 otherwise); {@code sum} is Σx for average pooling, Σx² for
     * L2 pooling and NaN for max pooling; {@code divisor} is what an average divides by (the taps counted).
     */
    record PoolUnit(UnitRef unit, String layer, PoolSpec spec, int top, int left, float[] window, int winner, float sum,
                    float value, boolean[] padding, float divisor) implements UnitExplanation {}

    /** A batch norm unit: value = (x − μ)/√(σ² + ε)·γ + β with its channel's statistics and parameters. */
    record BatchNormUnit(UnitRef unit, String layer, float input, float mean, float variance, float epsilon, float gamma,
                         float beta, float value) implements UnitExplanation {}

    /** x ∘ c (or c ∘ x when constantFirst) with the constant's value at this unit. */
    record ConstantOpUnit(UnitRef unit, String layer, Arithmetic op, boolean constantFirst, float input, float constant,
                          float value) implements UnitExplanation {}

    /**
     * A merge unit: for arithmetic, value = operands[0] ∘ operands[1] read at the two source units (a residual
     * connection's a + b); for a concatenation, the one source unit the channel was copied from.
     */
    record MergeUnit(UnitRef unit, String layer, MergeSpec.Kind kind, List<UnitRef> sources, float[] operands,
                     float value) implements UnitExplanation {}

    /**
     * A global pooling unit: the mean (Σ/(H·W)) or the max of its source channel's whole plane ([H][W] row-major);
     * {@code sum} is Σx for the mean and NaN for the max.
     */
    record GlobalPoolUnit(UnitRef unit, String layer, PoolSpec.Kind kind, int height, int width, float[] plane, float sum,
                          float value) implements UnitExplanation {}

    /** A padded unit: a copy of {@code source}, or the padding constant when source is empty. */
    record PadUnit(UnitRef unit, String layer, Optional<UnitRef> source, float value) implements UnitExplanation {}

    /** An element-wise activation: value = f(input). */
    record ActivationUnit(UnitRef unit, String layer, ActivationSpec.Kind kind, float input, float value)
            implements UnitExplanation {}

    /** A flatten or reshape unit: a copy of the (C, H, W) unit {@code source} of the layer it reads. */
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
     * A softmax unit: p = e^(z_k − m) / Σ_j e^(z_j − m) with m = max z; {@code exponentials[j]} = e^(z_j − m). With
     * {@code log}, value = log p = z_k − m − log Σ_j e^(z_j − m).
     */
    record SoftmaxUnit(UnitRef unit, String layer, float[] logits, float max, float[] exponentials, float sum,
                       float value, boolean log) implements UnitExplanation {
        /** Class indices by descending probability. */
        public int[] ranking() {
            return IntStream.range(0, logits.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer j) -> -logits[j]))
                    .mapToInt(Integer::intValue).toArray();
        }
    }
}
