package org.convscope.cli;

import java.util.ArrayList;
import java.util.List;
import org.convscope.data.InkImage;
import org.convscope.data.Preprocess;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.model.DigitInput;

/** Classifies drawn digits: MNIST-style preprocessing, then one forward pass. */
final class Classifier {
    record Guess(int label, float probability) {}

    private final Network network;
    private final Workspace workspace;

    Classifier(Network network) {
        this.network = DigitInput.requireDigitInput(network);
        this.workspace = new Workspace(network, KernelSelection.preferred(), 1);
    }

    /** The top k classes, most probable first. */
    List<Guess> classify(InkImage image, int k) {
        DigitInput.place(Preprocess.mnist(image).centred(), network.input(), workspace.input(), 0);
        workspace.forward(1);
        float[] p = DigitInput.probabilities(workspace);
        int classes = p.length;
        List<Guess> guesses = new ArrayList<>();
        boolean[] taken = new boolean[classes];
        for (int g = 0; g < Math.min(k, classes); g++) {
            int best = -1;
            for (int j = 0; j < classes; j++) if (!taken[j] && (best < 0 || p[j] > p[best])) best = j;
            taken[best] = true;
            guesses.add(new Guess(best, p[best]));
        }
        return guesses;
    }
}
