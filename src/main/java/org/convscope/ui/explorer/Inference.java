package org.convscope.ui.explorer;

import org.convscope.data.InkImage;
import org.convscope.data.Preprocess;
import org.convscope.data.Preprocess.Preprocessed;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.explain.GradientTimesInput;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.kernel.Kernels;
import org.convscope.model.DigitInput;

/**
 * Drawing to {@link Frame}: MNIST preprocessing (the one of {@code convscope classify}), one forward pass, a snapshot.
 * Owns a one-sample workspace, so one thread at a time: the inference thread, or the benchmark.
 */
final class Inference {
    /**
     * What to classify; the newest request replaces an older one that has not started. {@code truth} is the image's
     * label when it is known (a test image as it is), else −1.
     */
    record Request(long sequence, InkImage ink, boolean saliency, int truth, long submittedNanos) {
        Request(long sequence, InkImage ink, boolean saliency, long submittedNanos) {
            this(sequence, ink, saliency, -1, submittedNanos);
        }
    }

    private final Network network;
    private final Workspace workspace;
    private final float[][] params; // the network's parameters: it must not change (see ExplorerModel.open)

    Inference(Network network) {
        this(network, KernelSelection.preferred());
    }

    Inference(Network network, Kernels kernels) {
        this.network = DigitInput.requireDigitInput(network);
        this.workspace = new Workspace(network, kernels, 1);
        this.params = network.copyParams();
    }

    Network network() {
        return network;
    }

    Frame run(Request request) {
        Preprocessed pre = Preprocess.mnist(request.ink());
        DigitInput.place(pre.centred(), network.input(), workspace.input(), 0);
        workspace.forward(1);
        ForwardSnapshot snapshot = ForwardSnapshot.capture(workspace, 0, params);
        float[] p = DigitInput.probabilities(workspace);
        float[] saliency = request.saliency() && !pre.isEmpty()
                ? GradientTimesInput.map(workspace, snapshot.topClass()) : null;
        return new Frame(request.sequence(), request.ink(), pre, snapshot, p, saliency, request.truth(),
                request.submittedNanos());
    }
}
