package org.convscope.ui.training;

import org.convscope.engine.Network;

/** Opens an image in the explorer on a given network (a copy of the model as it was when the user clicked). */
@FunctionalInterface
public interface ExplorerLink {
    ExplorerLink NONE = (network, image, label) -> {};

    /**
     * @param image the network's input as the studio trains on it, [channels][height][width] (a digit in [0, 1], a
     *              colour image as its data set preprocesses it); label its true class
     */
    void open(Network network, float[] image, int label);
}
