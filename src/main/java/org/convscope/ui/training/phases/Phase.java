package org.convscope.ui.training.phases;

/** The four phases of one training step, in order, with what each one shows. */
public enum Phase {
    FORWARD("Forward pass", "The sample goes through every layer with the weights as they are; each layer's output is "
            + "kept for the backward pass."),
    LOSS("Loss", "The output is compared with the one-hot target, class by class; their mismatch is the loss L."),
    BACKWARD("Backward pass", "The chain rule carries dL back through every layer: dL/dA for each layer's output, "
            + "dL/dW for each filter (red: raising that weight would raise the loss)."),
    UPDATE("Update", "The optimizer moves every weight against its gradient; the filters before and after the step.");

    private final String title;
    private final String explanation;

    Phase(String title, String explanation) {
        this.title = title;
        this.explanation = explanation;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }
}
