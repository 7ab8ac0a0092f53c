package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/** The mean (or max) of each whole channel: C×H×W → C×1×1. */
public record GlobalPoolSpec(String name, PoolSpec.Kind kind) implements LayerSpec {
    public GlobalPoolSpec {
        LayerSpec.requireName(name);
        if (kind == null || kind == PoolSpec.Kind.L2) {
            throw new IllegalArgumentException(name + ": global pooling is average or max");
        }
    }

    @Override
    public Dims outputDims(Dims input) {
        return new Dims(input.channels(), 1, 1);
    }

    @Override
    public String describe() {
        return kind == PoolSpec.Kind.MAX ? "global max pool" : "global average pool";
    }
}
