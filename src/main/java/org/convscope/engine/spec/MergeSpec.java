package org.convscope.engine.spec;

import java.util.List;
import org.convscope.engine.Dims;

/**
 * A layer that combines the outputs of earlier layers: element-wise a + b, a − b, a × b or a ÷ b of two inputs
 * (broadcast, see {@link Arithmetic#broadcast}; a residual connection is an addition), or the concatenation of any
 * number of inputs along the channels (their heights and widths must agree).
 */
public record MergeSpec(String name, Kind kind) implements LayerSpec {
    public enum Kind { ADD, SUB, MUL, DIV, CONCAT }

    public MergeSpec {
        LayerSpec.requireName(name);
        if (kind == null) throw new IllegalArgumentException(name + ": merge kind missing");
    }

    /** The arithmetic of an element-wise kind. */
    public Arithmetic arithmetic() {
        return switch (kind) {
            case ADD -> Arithmetic.ADD;
            case SUB -> Arithmetic.SUB;
            case MUL -> Arithmetic.MUL;
            case DIV -> Arithmetic.DIV;
            case CONCAT -> throw new IllegalStateException(name + ": concatenation is not arithmetic");
        };
    }

    @Override
    public Dims outputDims(Dims input) {
        throw new InvalidNetworkException(name + ": " + describe() + " needs " + (kind == Kind.CONCAT ? "its" : "two")
                + " inputs named");
    }

    @Override
    public Dims outputDims(List<Dims> inputs) {
        if (kind == Kind.CONCAT) {
            if (inputs.isEmpty()) throw new InvalidNetworkException(name + ": concatenation needs at least one input");
            Dims first = inputs.get(0);
            long channels = 0;
            for (Dims d : inputs) {
                if (d.height() != first.height() || d.width() != first.width()) {
                    throw new InvalidNetworkException(name + ": cannot concatenate " + first + " and " + d
                            + ": heights and widths must agree");
                }
                channels += d.channels();
            }
            if (channels * first.height() * first.width() > Integer.MAX_VALUE) {
                throw new InvalidNetworkException(name + ": the concatenation is too large");
            }
            return new Dims((int) channels, first.height(), first.width());
        }
        if (inputs.size() != 2) {
            throw new InvalidNetworkException(name + ": " + describe() + " takes two inputs, got " + inputs.size());
        }
        return Arithmetic.broadcast(name, inputs.get(0), inputs.get(1));
    }

    @Override
    public String describe() {
        return switch (kind) {
            case ADD -> "add";
            case SUB -> "subtract";
            case MUL -> "multiply";
            case DIV -> "divide";
            case CONCAT -> "concatenate";
        };
    }
}
