package org.convscope.ui.explorer;

/** How the saliency overlay on the input is computed. */
public enum SaliencyMethod {
    GRADIENT("Gradient × input", "How much each input pixel, times its value, moves the top class's score: one backward"
            + " pass with every input"),
    OCCLUSION("Occlusion", "How much the top class's probability drops when a patch around each pixel is hidden (4×4"
            + " on a digit, an eighth of a photo's side): many forward passes, computed in the background"),
    GRAD_CAM("Grad-CAM", "Where a convolution layer's maps speak for the top class: each channel weighed by the mean"
            + " gradient of the class score, ReLU of the sum, scaled up to the input; computed in the background");

    private final String label;
    private final String description;

    SaliencyMethod(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return label;
    }
}
