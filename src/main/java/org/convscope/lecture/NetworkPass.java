package org.convscope.lecture;

import java.util.List;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;

/**
 * One input through a whole model, for the frames that step a real network's filter: the model's name, the network,
 * its forward pass (every layer's output and the parameters it used) and the input's recipe. Any layer and filter of
 * the model can then be shown without running the network again.
 */
public record NetworkPass(String model, Network network, ForwardSnapshot snapshot, NetworkInput from) {
    public NetworkPass {
        if (model == null || model.isBlank()) throw new IllegalArgumentException("a network pass needs the model's name");
        if (snapshot.spec() != network.spec()) {
            throw new IllegalArgumentException("the forward pass is of " + snapshot.spec().name() + ", not of "
                    + network.spec().name());
        }
        if (from == null) throw new IllegalArgumentException("a network pass needs its input");
    }

    /**
     * Makes the input and runs it through the network on the calling thread (a background one: a photo is decoded
     * and the whole network run). The pass keeps the network's own parameter arrays, not copies: the network must not
     * change afterwards (as the explorer's does not).
     */
    public static NetworkPass run(String model, Network network, NetworkInput from, LessonSources sources) {
        float[] values = from.values(network.input(), sources);
        Workspace ws = new Workspace(network, KernelSelection.preferred(), 1);
        System.arraycopy(values, 0, ws.input(), 0, values.length);
        ws.forward(1);
        List<Param> params = network.params();
        float[][] arrays = new float[params.size()][];
        for (int i = 0; i < arrays.length; i++) arrays[i] = params.get(i).value();
        return new NetworkPass(model, network, ForwardSnapshot.capture(ws, 0, arrays), from);
    }

    /** Where the input came from and how it was preprocessed, in words. */
    public String input() {
        return from.words();
    }

    /** The pass's input, [C][H][W]. */
    public float[] values() {
        return snapshot.input();
    }
}
