package org.convscope.engine.spec;

import org.convscope.engine.Dims;
import org.convscope.engine.MemoryBudget;

/** Fully connected layer: y = W·x + b over the flattened input. */
public record DenseSpec(String name, int units) implements LayerSpec {
    public DenseSpec {
        LayerSpec.requireName(name);
    }

    @Override
    public Dims outputDims(Dims input) {
        if (units <= 0) throw new InvalidNetworkException(name + ": needs at least one unit, got " + units);
        return Dims.vector(units);
    }

    @Override
    public long parameterCount(Dims in) {
        return MemoryBudget.plus(MemoryBudget.product(units, in.size()), units);
    }

    @Override
    public long multiplyAdds(Dims in) {
        return MemoryBudget.product(units, in.size());
    }

    @Override
    public String describe() {
        return "fully connected " + units;
    }
}
