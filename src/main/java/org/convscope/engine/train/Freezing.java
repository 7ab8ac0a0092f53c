package org.convscope.engine.train;

import java.util.List;
import org.convscope.engine.Network;
import org.convscope.engine.spec.NetworkSpec;

/**
 * Which layers train, for transfer learning: every layer, or only the last {@code trainLast} layers with parameters
 * (convolutions, fully connected layers, batch norms), counted back from the output. The others are frozen: their
 * parameters are not updated, and the backward pass skips every layer before the first one that trains (see
 * {@link org.convscope.engine.Workspace#setFrozen}).
 */
public final class Freezing {
    /** {@code trainLast} for "every layer trains". */
    public static final int ALL = 0;

    private Freezing() {}

    /**
     * Per layer, whether its parameters stay fixed: layers with parameters other than the last {@code trainLast} of
     * them ({@value #ALL}: none is frozen; layers without parameters never count as frozen).
     *
     * @param parameters each layer's parameter count, in layer order
     */
    public static boolean[] frozenLayers(long[] parameters, int trainLast) {
        if (trainLast < 0) throw new IllegalArgumentException("trainLast must be ≥ 0 (0: every layer), got " + trainLast);
        boolean[] frozen = new boolean[parameters.length];
        if (trainLast == ALL) return frozen;
        int seen = 0;
        for (int i = parameters.length - 1; i >= 0; i--) {
            if (parameters[i] == 0) continue;
            frozen[i] = ++seen > trainLast;
        }
        return frozen;
    }

    /** {@link #frozenLayers(long[], int)} for a specification (its inferred parameter counts). */
    public static boolean[] frozenLayers(NetworkSpec spec, int trainLast) {
        List<NetworkSpec.LayerInfo> infos = spec.infer();
        long[] parameters = new long[infos.size()];
        for (int i = 0; i < parameters.length; i++) parameters[i] = infos.get(i).parameters();
        return frozenLayers(parameters, trainLast);
    }

    /** {@link #frozenLayers(long[], int)} for a built network. */
    public static boolean[] frozenLayers(Network network, int trainLast) {
        long[] parameters = new long[network.layers().size()];
        for (int i = 0; i < parameters.length; i++) {
            for (var p : network.layers().get(i).params()) parameters[i] += p.size();
        }
        return frozenLayers(parameters, trainLast);
    }

    /** The layers with parameters: the most {@code trainLast} can usefully be. */
    public static int layersWithParameters(NetworkSpec spec) {
        int n = 0;
        for (NetworkSpec.LayerInfo info : spec.infer()) if (info.parameters() > 0) n++;
        return n;
    }

    /** Per parameter of {@code network.params()}, whether it stays fixed: the parameters of the frozen layers. */
    public static boolean[] frozenParams(Network network, boolean[] frozenLayers) {
        boolean[] frozen = new boolean[network.params().size()];
        int p = 0;
        for (int i = 0; i < network.layers().size(); i++) {
            int count = network.layers().get(i).params().size();
            for (int j = 0; j < count; j++) frozen[p++] = frozenLayers[i];
        }
        return frozen;
    }
}
