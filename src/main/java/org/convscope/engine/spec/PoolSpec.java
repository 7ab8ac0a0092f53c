package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/** Pooling over window×window regions of each channel, moving by stride: max, average or L2 (√Σx²). */
public record PoolSpec(String name, Kind kind, int window, int stride) implements LayerSpec {
    public enum Kind { MAX, AVERAGE, L2 }

    public PoolSpec {
        LayerSpec.requireName(name);
        if (kind == null) throw new IllegalArgumentException(name + ": pooling kind missing");
    }

    @Override
    public Dims outputDims(Dims in) {
        if (window <= 0) throw new InvalidNetworkException(name + ": pooling window must be positive, got " + window);
        if (stride <= 0) throw new InvalidNetworkException(name + ": stride must be at least 1, got " + stride);
        if (in.height() < window || in.width() < window) {
            throw new InvalidNetworkException(name + ": " + window + "×" + window + " window does not fit the "
                    + in.height() + "×" + in.width() + " input; use a smaller window");
        }
        // Like the common frameworks, a window that would run off the edge is dropped (floor).
        return new Dims(in.channels(), (in.height() - window) / stride + 1, (in.width() - window) / stride + 1);
    }

    @Override
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " pool " + window + "×" + window + " stride " + stride;
    }
}
