package org.convscope.ui.explorer;

import java.util.List;
import org.convscope.data.InkImage;
import org.convscope.data.Preprocess;
import org.convscope.data.Preprocess.Preprocessed;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.explain.GradientTimesInput;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.Parallel;
import org.convscope.model.DigitInput;

/**
 * Drawing or photo to {@link Frame}: MNIST preprocessing for a drawing (the one of {@code convscope classify}; a photo
 * comes preprocessed), one forward pass, a snapshot. Owns a one-sample workspace, so one thread at a time: the
 * inference thread, or the benchmark.
 */
final class Inference {
    private static final Preprocessed NO_DRAWING = Preprocess.mnist(InkImage.blank(1, 1));

    /**
     * What to classify; the newest request replaces an older one that has not started. {@code truth} is the image's
     * label when it is known (a test image as it is), else −1; {@code photo} replaces the ink when it is not null.
     */
    record Request(long sequence, InkImage ink, boolean saliency, int truth, long submittedNanos, PhotoInput photo) {
        Request(long sequence, InkImage ink, boolean saliency, long submittedNanos) {
            this(sequence, ink, saliency, -1, submittedNanos, null);
        }

        static Request of(long sequence, PhotoInput photo, boolean saliency, int truth, long submittedNanos) {
            return new Request(sequence, InkImage.blank(1, 1), saliency, truth, submittedNanos, photo);
        }
    }

    private final Network network;
    private final Workspace workspace;
    private final float[][] params; // the network's parameters: it must not change (see ExplorerModel.open)
    private final List<String> classNames;

    Inference(Network network) {
        this(network, KernelSelection.preferred(), List.of());
    }

    Inference(Network network, Kernels kernels, List<String> classNames) {
        this(network, kernels, classNames, Parallel.SERIAL);
    }

    /** On {@code cores} when the network is large enough to gain from them (see {@link #worthSplitting}). */
    Inference(Network network, Kernels kernels, List<String> classNames, Parallel cores) {
        this.network = network;
        this.workspace = new Workspace(network, kernels, 1, worthSplitting(network) ? cores : Parallel.SERIAL);
        this.params = network.copyParams();
        this.classNames = List.copyOf(classNames);
    }

    /**
     * Whether one forward pass is worth splitting over threads: from ten million multiply-adds (ResNet-18 has 1.8
     * billion, MobileNetV2 300 million), where a pass takes milliseconds; LeNet-5's 0.4 million take microseconds,
     * less than waking a thread.
     */
    static boolean worthSplitting(Network network) {
        return network.spec().multiplyAdds() >= 10_000_000L;
    }

    Network network() {
        return network;
    }

    Frame run(Request request) {
        return request.photo() == null ? drawing(request) : photo(request);
    }

    private Frame drawing(Request request) {
        DigitInput.requireDigitInput(network);
        Preprocessed pre = Preprocess.mnist(request.ink());
        DigitInput.place(pre.centred(), network.input(), workspace.input(), 0);
        return pass(request, pre, !pre.isEmpty());
    }

    private Frame photo(Request request) {
        float[] x = request.photo().input();
        if (x.length != network.input().size()) {
            throw new IllegalArgumentException(request.photo().name() + " gives " + x.length + " input values; "
                    + network.spec().name() + " takes " + network.input());
        }
        System.arraycopy(x, 0, workspace.input(), 0, x.length);
        return pass(request, NO_DRAWING, true);
    }

    private Frame pass(Request request, Preprocessed pre, boolean something) {
        workspace.forward(1);
        ForwardSnapshot snapshot = ForwardSnapshot.capture(workspace, 0, params);
        float[] p = DigitInput.probabilities(workspace);
        float[] saliency = request.saliency() && something
                ? perPixel(GradientTimesInput.map(workspace, snapshot.topClass())) : null;
        return new Frame(request.sequence(), request.ink(), pre, snapshot, p, saliency, request.truth(),
                request.submittedNanos(), request.photo(), classNames);
    }

    /** [C][H][W] to [H][W]: the sum over the channels, s(y, x) = Σ_c s_c(y, x). */
    private float[] perPixel(float[] s) {
        int c = network.input().channels();
        if (c == 1 || network.input().isVector()) return s;
        int plane = s.length / c;
        float[] sum = new float[plane];
        for (int k = 0; k < c; k++) for (int i = 0; i < plane; i++) sum[i] += s[k * plane + i];
        return sum;
    }
}
