package org.convscope.cli;

import java.util.ArrayList;
import java.util.List;
import org.convscope.data.InkImage;
import org.convscope.data.Preprocess;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.layer.SoftmaxLayer;

/** Classifies drawn digits: MNIST-style preprocessing, then one forward pass. */
final class Classifier {
    record Guess(int label, float probability) {}

    private final Network network;
    private final Workspace workspace;

    Classifier(Network network) {
        Dims in = network.input();
        if (in.channels() != 1 || in.height() < Preprocess.SIZE || in.width() < Preprocess.SIZE) {
            throw new IllegalArgumentException("the model expects " + in + " images; classify needs a one-channel model"
                    + " with at least 28×28 inputs");
        }
        this.network = network;
        this.workspace = new Workspace(network, KernelSelection.preferred(), 1);
    }

    /** The top k classes, most probable first. */
    List<Guess> classify(InkImage image, int k) {
        InkImage digit = Preprocess.mnist(image).centred();
        Dims in = network.input();
        float[] x = workspace.input();
        java.util.Arrays.fill(x, 0, in.size(), 0f);
        int top = (in.height() - Preprocess.SIZE) / 2;
        int left = (in.width() - Preprocess.SIZE) / 2;
        for (int y = 0; y < Preprocess.SIZE; y++) {
            for (int c = 0; c < Preprocess.SIZE; c++) x[(top + y) * in.width() + left + c] = digit.at(c, y);
        }
        workspace.forward(1);
        int classes = network.numClasses();
        float[] p = new float[classes];
        if (network.spec().endsWithSoftmax()) {
            System.arraycopy(workspace.result(), 0, p, 0, classes);
        } else {
            SoftmaxLayer.softmax(workspace.result(), p, 0, classes);
        }
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
