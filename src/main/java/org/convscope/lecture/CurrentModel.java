package org.convscope.lecture;

import org.convscope.engine.Network;

/**
 * The app's current model as the explorer has it, for the frames that step a real network's filter: its name, the
 * network, and the explorer's current input through it (null before the explorer's first pass).
 */
public record CurrentModel(String name, Network network, NetworkPass explorer) {
    public CurrentModel {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("the current model needs a name");
        if (network == null) throw new IllegalArgumentException(name + ": no network");
        if (explorer != null && explorer.network() != network) {
            throw new IllegalArgumentException(name + ": the explorer's pass is of another network");
        }
    }
}
