package org.convscope.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Loss;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.Workspace;
import org.convscope.engine.layer.Layer;
import org.convscope.engine.layer.SoftmaxLayer;
import org.convscope.engine.train.StepProbe;

/**
 * One training step on a single sample, as the classic four phases, copied from the engine's own buffers while the
 * step ran: (1) the forward pass, every layer's output; (2) the loss, class by class; (3) the backward pass, dL/dA
 * for every layer's output and dL/dW for every parameter; (4) the update, the weights before and after. Immutable;
 * the arrays must not be modified.
 *
 * @param step                the step's number (1 for the first step of a run)
 * @param sample              the training sample's index in the data set, or −1 for an image chosen apart from it
 * @param sampleName          the image in words: "training image #1,234", "test image #12 (the probe)"
 * @param learningRate        η of the update
 * @param forward             phase 1, with the weights before the step
 * @param loss                phase 2
 * @param activationGradients phase 3: per layer, dL/d(its output) for the sample, null where the backward pass does
 *                            not compute it (before the first layer with parameters; the softmax when cross-entropy
 *                            starts at the logits)
 * @param filters             phases 3 and 4 for every convolution layer
 * @param paramNames          names of before, gradients and after, in {@code network.params()} order
 */
public record StepPhases(long step, int sample, String sampleName, int label, TrainingSettings settings, float learningRate,
                         ForwardSnapshot forward, LossPhase loss, float[][] activationGradients,
                         List<FilterStep> filters, List<String> paramNames, float[][] before, float[][] gradients,
                         float[][] after) {
    public StepPhases {
        filters = List.copyOf(filters);
        paramNames = List.copyOf(paramNames);
    }

    /** The shape of layer i's output (and of its gradient). */
    public Dims shape(int layer) {
        return forward.shapes().get(layer);
    }

    /** How one parameter tensor moved: the norms of its gradient, its change and its weights before the step. */
    public record ParamChange(String name, int size, double gradientNorm, double changeNorm, double weightNorm) {
        /** ‖Δθ‖ / ‖θ‖, the size of the update relative to the weights (0 when the weights are all zero). */
        public double ratio() {
            return weightNorm == 0 ? 0 : changeNorm / weightNorm;
        }
    }

    /** Every parameter tensor's change, in {@code network.params()} order. */
    public List<ParamChange> paramChanges() {
        List<ParamChange> changes = new ArrayList<>(before.length);
        for (int p = 0; p < before.length; p++) {
            double g = 0, d = 0, w = 0;
            for (int j = 0; j < before[p].length; j++) {
                g += (double) gradients[p][j] * gradients[p][j];
                double delta = (double) after[p][j] - before[p][j];
                d += delta * delta;
                w += (double) before[p][j] * before[p][j];
            }
            changes.add(new ParamChange(paramNames.get(p), before[p].length, Math.sqrt(g), Math.sqrt(d), Math.sqrt(w)));
        }
        return changes;
    }

    /** Records a step through the engine's {@link StepProbe}; {@link #finish} builds the phases once it has run. */
    static final class Recorder implements StepProbe {
        private final Network network;
        private final List<Integer> convIndices;
        private final TrainingSettings settings;
        private final int sample;
        private final String sampleName;
        private final int label;
        private final float[][] before;
        private ForwardSnapshot forward;
        private float[] output;
        private float[][] activationGradients;
        private float[][] gradients;
        private float learningRate;

        Recorder(Network network, List<Integer> convIndices, TrainingSettings settings, int sample, String sampleName,
                 int label, float[][] before) {
            this.network = network;
            this.convIndices = convIndices;
            this.settings = settings;
            this.sample = sample;
            this.sampleName = sampleName;
            this.label = label;
            this.before = before;
        }

        @Override
        public void beforeUpdate(Workspace ws, float[][] grads, float lr) {
            forward = ForwardSnapshot.capture(ws, 0);
            output = forward.result().clone();
            gradients = new float[grads.length][];
            for (int p = 0; p < grads.length; p++) gradients[p] = grads[p].clone();
            learningRate = lr;
            List<Layer> layers = network.layers();
            int last = layers.size() - 1;
            boolean fused = layers.get(last) instanceof SoftmaxLayer && settings.loss() == Loss.CROSS_ENTROPY;
            int start = fused ? last - 1 : last;
            activationGradients = new float[layers.size()][];
            boolean paramsSoFar = false;
            for (int i = 0; i < layers.size(); i++) {
                paramsSoFar |= !layers.get(i).params().isEmpty();
                if (i == start || i < start && paramsSoFar) {
                    activationGradients[i] = Arrays.copyOf(ws.outputGrad(i), layers.get(i).output().size());
                }
            }
        }

        /** The phases, once the step has run: {@code after} is the network's weights after the update. */
        StepPhases finish(long step, double loss, float[][] after) {
            if (forward == null) throw new IllegalStateException("the step ended before its update");
            LossPhase lossPhase = LossPhase.of(settings.loss(), output, network.spec().endsWithSoftmax(), label, loss);
            float[][] delta = new float[before.length][];
            for (int p = 0; p < before.length; p++) {
                delta[p] = new float[before[p].length];
                for (int j = 0; j < delta[p].length; j++) delta[p][j] = after[p][j] - before[p][j];
            }
            List<ConvFilters> b = ConvFilters.of(network, convIndices, before);
            List<ConvFilters> g = ConvFilters.of(network, convIndices, gradients);
            List<ConvFilters> d = ConvFilters.of(network, convIndices, delta);
            List<ConvFilters> a = ConvFilters.of(network, convIndices, after);
            List<FilterStep> filters = new ArrayList<>(b.size());
            for (int l = 0; l < b.size(); l++) filters.add(new FilterStep(b.get(l).layer(), b.get(l), g.get(l), d.get(l), a.get(l)));
            List<String> names = network.params().stream().map(Param::name).toList();
            return new StepPhases(step, sample, sampleName, label, settings, learningRate, forward, lossPhase, activationGradients,
                    filters, names, before, gradients, after);
        }
    }
}
