package org.convscope.ui.explorer;

import java.util.function.Consumer;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.explain.GradCam;
import org.convscope.engine.explain.Occlusion;
import org.convscope.engine.kernel.KernelSelection;

/**
 * The "convscope-occlusion" thread: the saliency that takes more than a backward pass (occlusion, Grad-CAM) of the
 * newest frame only (latest wins), off the FX thread and off the inference thread, which it would hold up for tens of
 * passes per stroke point.
 */
final class OcclusionWorker implements AutoCloseable {
    /** What to explain: the input of a frame of a network, and its top class; Grad-CAM at {@code layer}. */
    record Job(long sequence, Network network, float[] input, int topClass, SaliencyMethod method, int layer) {
        Job(long sequence, Network network, float[] input, int topClass) {
            this(sequence, network, input, topClass, SaliencyMethod.OCCLUSION, -1);
        }
    }

    private final Consumer<SaliencyMap> sink;
    private final LatestWinsThread<Job> thread;
    private Network network;    // of the occlusion and workspace below; only the worker thread touches them
    private Occlusion occlusion;
    private Workspace workspace;

    OcclusionWorker(Consumer<SaliencyMap> sink, Consumer<Throwable> failures) {
        this.sink = sink;
        this.thread = new LatestWinsThread<>("convscope-occlusion", this::explain, failures);
    }

    /** Replaces any job that has not started yet. */
    void submit(Job job) {
        thread.submit(job);
    }

    private void explain(Job job) {
        if (job.network() != network) {
            network = job.network();
            occlusion = null;
            workspace = null;
        }
        if (job.method() == SaliencyMethod.GRAD_CAM) {
            if (job.layer() < 0) return; // a model without maps
            sink.accept(new SaliencyMap(job.sequence(), SaliencyMethod.GRAD_CAM, job.topClass(), gradCam(job), job.layer()));
            return;
        }
        if (occlusion == null) occlusion = new Occlusion(network);
        sink.accept(new SaliencyMap(job.sequence(), SaliencyMethod.OCCLUSION, job.topClass(),
                occlusion.saliency(job.input(), job.topClass())));
    }

    /** Grad-CAM at the job's layer, scaled to the input's H×W. */
    private float[] gradCam(Job job) {
        if (workspace == null) workspace = new Workspace(network, KernelSelection.preferred(), 1);
        System.arraycopy(job.input(), 0, workspace.input(), 0, job.input().length);
        workspace.forward(1);
        GradCam.Result r = GradCam.of(workspace, job.layer(), job.topClass());
        Dims in = network.input();
        return GradCam.upsample(r.map(), r.maps().height(), r.maps().width(), in.height(), in.width());
    }

    @Override
    public void close() {
        thread.close();
    }
}
