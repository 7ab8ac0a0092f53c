package org.convscope.training;

/**
 * The health of one layer with weights (convolution or fully connected), measured on the fixed probe set.
 *
 * @param weights     its weights (not the biases)
 * @param gradients   dL/dw of those weights, averaged over the probe set
 * @param activations its outputs over the probe set, after its activation function when one follows
 * @param deadShare   the share of units that a following ReLU keeps at zero for every probe image, in [0, 1] (a
 *                    unit is a convolution's filter, zero at every position, or a fully connected neuron); NaN when
 *                    no ReLU follows
 * @param updateRatio ‖Δw‖ / ‖w‖ of the last training step measured, NaN before one
 * @param frozen      whether the layer's parameters stay fixed (transfer learning): its gradients are not computed
 *                    and its update ratio is 0
 */
public record LayerHealth(String layer, Histogram weights, Histogram gradients, Histogram activations,
                          double deadShare, double updateRatio, boolean frozen) {
    /** Whether a ReLU after it is zero for every probe image: the layer passes no gradient and cannot learn. */
    public boolean allDead() {
        return deadShare >= 1;
    }
}
