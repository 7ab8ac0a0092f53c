package org.convscope.ui.explorer.inspector;

import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.explain.UnitExplanation.ActivationUnit;
import org.convscope.engine.explain.UnitExplanation.BatchNormUnit;
import org.convscope.engine.explain.UnitExplanation.ConstantOpUnit;
import org.convscope.engine.explain.UnitExplanation.GlobalPoolUnit;
import org.convscope.engine.explain.UnitExplanation.MergeUnit;
import org.convscope.engine.explain.UnitExplanation.PadUnit;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.MergeSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;

/**
 * The ledgers of the layers that graph networks add: batch norm, constants, merges, global pooling, padding, and
 * activations with their constants (clip, hard swish).
 */
final class GraphLedgers {
    private GraphLedgers() {}

    /** (x − μ)/√(σ² + ε)·γ + β, term by term. */
    static List<Ledger.Row> batchNorm(BatchNormUnit u, String previous) {
        double std = Math.sqrt((double) u.variance() + u.epsilon());
        double normalized = (u.input() - u.mean()) / std;
        return List.of(
                new Ledger.Row("", "x from " + previous, u.input(), null, "The same unit of " + previous + "."),
                new Ledger.Row("−", "μ, the channel's running mean", u.mean(), null,
                        "The mean of this channel over the training data, saved with the model."),
                new Ledger.Row("÷", "√(σ² + ε) = √(" + InspectorFormat.value(u.variance()) + " + "
                        + InspectorFormat.value(u.epsilon()) + ")", std, null,
                        "The channel's running standard deviation; ε keeps it away from 0."),
                new Ledger.Row("=", "normalised x̂", normalized, null, "How many standard deviations x is from the mean."),
                new Ledger.Row("×", "γ (learned scale)", u.gamma(), null, "A learned scale for the channel."),
                new Ledger.Row("+", "β (learned shift)", u.beta(), null, "A learned shift for the channel."),
                new Ledger.Row("=", "batch norm", u.value(), "inspector-total",
                        "(x − μ)/√(σ² + ε)·γ + β: the channel is centred and scaled, then given a learned scale and shift.")
                        .asResult());
    }

    /** x ∘ c. */
    static List<Ledger.Row> constantOp(ConstantOpUnit u, String previous) {
        Ledger.Row x = new Ledger.Row("", "x from " + previous, u.input(), null, "The same unit of " + previous + ".");
        Ledger.Row c = new Ledger.Row("", "constant", u.constant(), null,
                "A constant saved with the model, such as an input normalisation's mean or standard deviation.");
        List<Ledger.Row> rows = new ArrayList<>();
        if (u.constantFirst()) {
            rows.add(c);
            rows.add(new Ledger.Row(u.op().symbol(), "x from " + previous, u.input(), null, "The same unit of " + previous + "."));
        } else {
            rows.add(x);
            rows.add(new Ledger.Row(u.op().symbol(), "constant", u.constant(), null,
                    "A constant saved with the model, such as an input normalisation's mean or standard deviation."));
        }
        rows.add(new Ledger.Row("=", "result", u.value(), "inspector-total", "The element-wise operation's result.")
                .asResult());
        return rows;
    }

    /** a ∘ b from two earlier layers, or the copied unit of a concatenation. */
    static List<Ledger.Row> merge(MergeUnit u, NetworkSpec spec) {
        if (u.kind() == MergeSpec.Kind.CONCAT) {
            UnitRef from = u.sources().get(0);
            return List.of(new Ledger.Row("", name(spec, from) + " channel " + (from.channel() + 1), u.value(),
                    "inspector-total", "A concatenation stacks the channels of its inputs; this channel is copied"
                    + " unchanged from " + name(spec, from) + ".").asResult());
        }
        String symbol = switch (u.kind()) {
            case ADD -> "+";
            case SUB -> "−";
            case MUL -> "×";
            default -> "÷";
        };
        UnitRef a = u.sources().get(0);
        UnitRef b = u.sources().get(1);
        String tip = u.kind() == MergeSpec.Kind.ADD
                ? "A residual connection adds the same unit of two layers: the block learns what to add to its input."
                : "The same unit of two layers combined element by element.";
        return List.of(
                new Ledger.Row("", "a from " + name(spec, a), u.operands()[0], null, tip),
                new Ledger.Row(symbol, "b from " + name(spec, b), u.operands()[1], null, tip),
                new Ledger.Row("=", u.kind() == MergeSpec.Kind.ADD ? "a + b" : "result", u.value(), "inspector-total", tip)
                        .asResult());
    }

    /** Σ of the plane / (H·W), or its max. */
    static List<Ledger.Row> globalPool(GlobalPoolUnit u, String previous) {
        int count = u.height() * u.width();
        if (u.kind() == PoolSpec.Kind.MAX) {
            return List.of(new Ledger.Row("", "largest value of " + previous + "'s " + u.height() + "×" + u.width()
                    + " map", u.value(), "inspector-total", "Global max pooling keeps the largest value of the whole map.")
                    .asResult());
        }
        return List.of(
                new Ledger.Row("", "Σ over the " + u.height() + "×" + u.width() + " map of " + previous, u.sum(), null,
                        "The sum of every value of this channel's map."),
                new Ledger.Row("÷", "number of values", count, null, "H·W values in the map."),
                new Ledger.Row("=", "mean of the map", u.value(), "inspector-total",
                        "Global average pooling turns each map into one number: its mean.").asResult());
    }

    /**
     * An activation with its constants: clip min(max(x, α), β); hard swish x·h with h = max(0, min(1, x/6 + 1/2)); hard
     * sigmoid max(0, min(1, α·x + β)); the others as x → f(x).
     */
    static List<Ledger.Row> activation(ActivationUnit u, String previous, ActivationSpec spec) { // spec: null if unknown
        Ledger.Row x = new Ledger.Row("", "input x from " + previous, u.input(), null, "The same unit of " + previous + ".");
        String tip = Sections.activationTip(u.kind());
        ActivationSpec.Kind kind = spec == null ? ActivationSpec.Kind.RELU : u.kind(); // no constants: the plain ledger
        return switch (kind) {
            case CLIP -> List.of(x,
                    new Ledger.Row("", "lower bound α", spec.alpha(), null, "Values below it become it."),
                    new Ledger.Row("", "upper bound β", spec.beta(), null, "Values above it become it (ReLU6: 6)."),
                    new Ledger.Row("=", "min(max(x, α), β)", u.value(), "inspector-total", tip).asResult());
            case HARD_SWISH -> {
                double h = Math.clamp(u.input() / 6.0 + 0.5, 0, 1);
                yield List.of(x,
                        new Ledger.Row("", "h = max(0, min(1, x/6 + 1/2))", h, null,
                                "A hard sigmoid of x: 0 below −3, 1 above 3, a straight line between."),
                        new Ledger.Row("=", "x · h", u.value(), "inspector-total", tip).asResult());
            }
            case HARD_SIGMOID -> List.of(x,
                    new Ledger.Row("", "α·x + β = " + InspectorFormat.value(spec.alpha()) + "·x + "
                            + InspectorFormat.value(spec.beta()), spec.alpha() * u.input() + spec.beta(), null,
                            "A straight line through the middle of the step."),
                    new Ledger.Row("=", "max(0, min(1, α·x + β))", u.value(), "inspector-total", tip).asResult());
            default -> List.of(x, new Ledger.Row("→", Sections.activationName(u.kind()), u.value(), "inspector-total", tip)
                    .asResult());
        };
    }

    /** A copy, or the padding value. */
    static List<Ledger.Row> pad(PadUnit u, String previous) {
        String term = u.source().map(s -> previous + " row " + (s.y() + 1) + ", col " + (s.x() + 1)).orElse("padding");
        return List.of(new Ledger.Row("", term, u.value(), "inspector-total",
                "Padding borders each map with a constant; inside, values are copied unchanged.").asResult());
    }

    private static String name(NetworkSpec spec, UnitRef unit) {
        return unit.layer() < 0 ? "input" : spec.layers().get(unit.layer()).name();
    }
}
