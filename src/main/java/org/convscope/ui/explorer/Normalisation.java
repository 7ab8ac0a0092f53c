package org.convscope.ui.explorer;

/** Which values a map's colours are scaled to: its own, its layer's, or every activation of the network. */
public enum Normalisation {
    PER_MAP("Per map", "Each map uses its own range: shows the pattern inside every map"),
    PER_LAYER("Per layer", "All maps of a layer share one range: compares the maps of a layer"),
    GLOBAL("Global", "One range for the activations of every layer but the logits (their scale is their own): compares"
            + " layers with each other");

    private final String label;
    private final String description;

    Normalisation(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
