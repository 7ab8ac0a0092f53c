package org.convscope.ui.training;

import org.convscope.engine.Network;

/** Opens an image in the explorer on a given network (a copy of the model as it was when the user clicked). */
@FunctionalInterface
public interface ExplorerLink {
    ExplorerLink NONE = (network, image, label) -> {};

    /** @param image the network's input, [channels][height][width] in [0, 1]; label its true class */
    void open(Network network, float[] image, int label);
}
