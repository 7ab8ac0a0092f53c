package org.convscope.ui.explorer;

import org.convscope.data.Dataset;
import org.convscope.data.Preprocess;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.model.DigitInput;

/** The network's guess for every sample of a set, through the same preprocessing as the canvas; batched. */
final class TestSetPredictions {
    private static final int BATCH = 64;

    private TestSetPredictions() {}

    static int[] of(Network network, Dataset set) {
        Workspace ws = new Workspace(network, KernelSelection.preferred(), BATCH);
        int inSize = network.input().size();
        int[] predictions = new int[set.size()];
        for (int first = 0; first < set.size(); first += BATCH) {
            int count = Math.min(BATCH, set.size() - first);
            for (int k = 0; k < count; k++) {
                DigitInput.place(Preprocess.mnist(set.inkImage(first + k)).centred(), network.input(), ws.input(), k * inSize);
            }
            ws.forward(count);
            for (int k = 0; k < count; k++) predictions[first + k] = ws.predicted(k);
        }
        return predictions;
    }
}
