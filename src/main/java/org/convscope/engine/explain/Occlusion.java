package org.convscope.engine.explain;

import org.convscope.engine.Network;

/** Saliency by occlusion: how much the probability of a class drops when each part of the input is hidden. */
public final class Occlusion {
    private Occlusion() {}

    /** A map of the input's size (row-major H×W); larger values mark pixels that drive the class more. */
    public static float[] map(Network network, float[] input, int classIndex) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
