package org.convscope.ui.explorer;

/**
 * The saliency overlay of a frame: positive where the pixel drives the top class, negative where it argues against.
 *
 * @param sequence the {@link Frame#sequence()} it explains
 * @param method   how it was computed
 * @param target   the class it explains (the top guess of the frame it explains)
 * @param values   [H][W] of the network's input, not to be modified
 * @param layer    the layer Grad-CAM explains at; −1 for the other methods
 */
public record SaliencyMap(long sequence, SaliencyMethod method, int target, float[] values, int layer) {
    public SaliencyMap(long sequence, SaliencyMethod method, int target, float[] values) {
        this(sequence, method, target, values, -1);
    }
}
