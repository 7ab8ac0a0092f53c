package org.convscope.ui.explorer;

import java.util.Arrays;
import org.convscope.data.InkImage;
import org.convscope.data.Preprocess;
import org.convscope.data.Preprocess.Preprocessed;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.explain.GradientTimesInput;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.layer.SoftmaxLayer;

/**
 * Drawing to {@link Frame}: MNIST preprocessing (the one of {@code convscope classify}), one forward pass, a snapshot.
 * Owns a one-sample workspace, so one thread at a time: the inference thread, or the benchmark.
 */
final class Inference {
    /** What to classify; the newest request replaces an older one that has not started. */
    record Request(long sequence, InkImage ink, boolean saliency, long submittedNanos) {}

    private final Network network;
    private final Workspace workspace;

    Inference(Network network) {
        this.network = requireUsable(network);
        this.workspace = new Workspace(network, KernelSelection.preferred(), 1);
    }

    /** The network, or IllegalArgumentException when its input cannot take a 28×28 digit. */
    static Network requireUsable(Network network) {
        Dims in = network.input();
        if (in.channels() != 1 || in.height() < Preprocess.SIZE || in.width() < Preprocess.SIZE) {
            throw new IllegalArgumentException(network.spec().name() + ": the explorer needs a one-channel model with at"
                    + " least 28×28 inputs, this one expects " + in);
        }
        return network;
    }

    Network network() {
        return network;
    }

    Frame run(Request request) {
        Preprocessed pre = Preprocess.mnist(request.ink());
        Arrays.fill(workspace.input(), 0, network.input().size(), 0f);
        place(pre.centred(), network.input(), workspace.input(), 0);
        workspace.forward(1);
        ForwardSnapshot snapshot = ForwardSnapshot.capture(workspace, 0);
        int classes = network.numClasses();
        float[] p = new float[classes];
        if (network.spec().endsWithSoftmax()) System.arraycopy(workspace.result(), 0, p, 0, classes);
        else SoftmaxLayer.softmax(workspace.result(), p, 0, classes);
        float[] saliency = request.saliency() && !pre.isEmpty()
                ? GradientTimesInput.map(workspace, snapshot.topClass()) : null;
        return new Frame(request.sequence(), request.ink(), pre, snapshot, p, saliency, request.submittedNanos());
    }

    /** Writes the 28×28 digit into the middle of the input at x[offset…] (which may be larger and stays zero around). */
    static void place(InkImage digit, Dims in, float[] x, int offset) {
        int top = (in.height() - Preprocess.SIZE) / 2;
        int left = (in.width() - Preprocess.SIZE) / 2;
        for (int y = 0; y < Preprocess.SIZE; y++) {
            System.arraycopy(digit.ink(), y * Preprocess.SIZE, x, offset + (top + y) * in.width() + left, Preprocess.SIZE);
        }
    }
}
