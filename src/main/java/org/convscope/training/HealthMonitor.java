package org.convscope.training;

import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.Loss;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.layer.ActivationLayer;
import org.convscope.engine.layer.Layer;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.train.SampleSource;
import org.convscope.engine.train.Trainer;

/**
 * Measures the network's health cheaply on the training thread: at most every {@link #INTERVAL_NANOS} of wall time
 * (every step when stepping slowly, twice a second at full speed), and never taking more than 1/{@link #MAX_SHARE}
 * of the time (on a slow machine it measures less often), one forward and backward pass over a fixed
 * probe set of {@link #PROBE_SIZE} training images gives the activations, dead ReLUs and gradients, and the weights
 * just before the measured step give ‖Δw‖/‖w‖. Not thread-safe: owned by the training run.
 */
final class HealthMonitor {
    static final int PROBE_SIZE = 64;
    static final long INTERVAL_NANOS = 500_000_000L;
    static final int MAX_SHARE = 50;
    private static final long PROBE_SEED = 0x5EEDL;

    private final Network network;
    private final Workspace workspace;
    private final float[] probeInput; // [n][input.size]
    private final int[] probeLabels;
    private final List<Watched> watched = new ArrayList<>();
    private float[][] before;
    private long lastMeasure;
    private long lastCost;
    private boolean measuredOnce;
    private boolean measureNext;
    private HealthSnapshot last;
    private boolean[] frozen; // per layer; null: every layer trains

    /** A layer with weights: its index, its weight's index in params(), and the layer whose output shows it. */
    private record Watched(int layer, int param, int shownLayer, boolean relu) {}

    HealthMonitor(Network network, Kernels kernels, SampleSource train) {
        this.network = network;
        int n = Math.min(PROBE_SIZE, train.size());
        this.workspace = new Workspace(network, kernels, n);
        int[] picked = Trainer.shuffled(train.size(), PROBE_SEED);
        probeInput = new float[n * train.dims().size()];
        train.fill(picked, 0, n, probeInput);
        probeLabels = new int[n];
        for (int i = 0; i < n; i++) probeLabels[i] = train.label(picked[i]);
        List<Layer> layers = network.layers();
        int p = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (!layer.params().isEmpty()) {
                boolean activationNext = i + 1 < layers.size() && layers.get(i + 1) instanceof ActivationLayer;
                boolean relu = activationNext
                        && ((ActivationLayer) layers.get(i + 1)).spec().kind() == ActivationSpec.Kind.RELU;
                watched.add(new Watched(i, p, activationNext ? i + 1 : i, relu));
            }
            p += layer.params().size();
        }
    }

    /** Which layers stay fixed (per layer, null: all train): their gradients are not measured. */
    void setFrozen(boolean[] frozenLayers) {
        frozen = frozenLayers == null ? null : frozenLayers.clone();
        workspace.setFrozen(frozen);
    }

    /** Whether the next step should be measured; if so, remembers the weights before it. */
    boolean beforeStep() {
        long wait = Math.max(INTERVAL_NANOS, MAX_SHARE * lastCost);
        if (measuredOnce && !measureNext && System.nanoTime() - lastMeasure < wait) return false;
        measureNext = false;
        before = new float[watched.size()][];
        for (int w = 0; w < watched.size(); w++) before[w] = network.params().get(watched.get(w).param()).value().clone();
        return true;
    }

    /** Measures the next step whatever the time (a step the user asked for). */
    void measureNextStep() {
        measureNext = true;
    }

    /** Forgets the weights of a step that did not happen (training diverged). */
    void cancelStep() {
        before = null;
    }

    /**
     * Measures the network as it is now, after {@code step} steps. The update ratio is that of this step after
     * {@link #beforeStep()}, else the last one measured.
     */
    HealthSnapshot measure(long step, Loss loss) {
        long start = System.nanoTime();
        int n = probeLabels.length;
        System.arraycopy(probeInput, 0, workspace.input(), 0, probeInput.length);
        workspace.zeroGrads();
        workspace.forward(n);
        workspace.backward(probeLabels, 0, loss, 1f / n);
        boolean afterStep = before != null;
        List<Param> params = network.params();
        List<LayerHealth> result = new ArrayList<>(watched.size());
        for (int w = 0; w < watched.size(); w++) {
            Watched watch = watched.get(w);
            float[] weights = params.get(watch.param()).value();
            Dims shape = network.layers().get(watch.shownLayer()).output();
            int units = shape.size();
            float[] out = workspace.output(watch.shownLayer());
            result.add(new LayerHealth(network.layers().get(watch.layer()).spec().name(), Histogram.of(weights),
                    Histogram.of(workspace.paramGrads()[watch.param()]),
                    Histogram.of(out, 0, n * units, Histogram.BINS),
                    watch.relu() ? deadShare(out, n, shape.channels(), units / shape.channels()) : Double.NaN,
                    before != null ? updateRatio(before[w], weights) : last == null ? Double.NaN
                            : last.layers().get(w).updateRatio(), frozen != null && frozen[watch.layer()]));
        }
        before = null;
        lastMeasure = System.nanoTime();
        lastCost = lastMeasure - start;
        measuredOnce |= afterStep; // after a reset or restore, the first step is measured too
        last = new HealthSnapshot(step, n, result);
        return last;
    }

    /**
     * The share of units that are zero for all n samples, where a unit is a channel of {@code size} values
     * (a convolution's map: a filter that never fires anywhere) or, with size 1, a neuron.
     *
     * @param out [n][channels][size]
     */
    static double deadShare(float[] out, int n, int channels, int size) {
        int dead = 0;
        for (int c = 0; c < channels; c++) {
            boolean zero = true;
            for (int s = 0; s < n && zero; s++) {
                int from = (s * channels + c) * size;
                for (int i = from; i < from + size && zero; i++) zero = out[i] == 0f;
            }
            if (zero) dead++;
        }
        return (double) dead / channels;
    }

    /** ‖after − before‖ / ‖before‖ (NaN for all-zero weights). */
    static double updateRatio(float[] before, float[] after) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < before.length; i++) {
            double d = (double) after[i] - before[i];
            diff += d * d;
            norm += (double) before[i] * before[i];
        }
        return norm == 0 ? Double.NaN : Math.sqrt(diff / norm);
    }
}
