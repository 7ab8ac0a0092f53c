package org.convscope.ui.explorer;

/** How the saliency overlay on the input is computed. */
public enum SaliencyMethod {
    GRADIENT("Gradient × input", "How much each input pixel, times its value, moves the top class's score: one backward"
            + " pass with every stroke point"),
    OCCLUSION("Occlusion", "How much the top class's probability drops when a 4×4 patch around each pixel is hidden:"
            + " many forward passes, computed in the background");

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
