package org.convscope.training;

import java.util.List;

/** The health of every layer with weights after {@code step} training steps, on {@code probeImages} fixed images. */
public record HealthSnapshot(long step, int probeImages, List<LayerHealth> layers) {
    public HealthSnapshot {
        layers = List.copyOf(layers);
    }
}
