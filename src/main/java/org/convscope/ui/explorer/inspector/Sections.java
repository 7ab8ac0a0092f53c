package org.convscope.ui.explorer.inspector;

import org.convscope.engine.spec.ActivationSpec;

/** Words shared by the sections. */
final class Sections {
    private Sections() {}

    static String activationName(ActivationSpec.Kind kind) {
        return switch (kind) {
            case RELU -> "ReLU max(0, x)";
            case TANH -> "tanh(x)";
            case SIGMOID -> "sigmoid 1/(1+e^−x)";
        };
    }

    static String activationTip(ActivationSpec.Kind kind) {
        return switch (kind) {
            case RELU -> "ReLU keeps positive values and turns negative ones into 0: the unit either fires or stays silent.";
            case TANH -> "tanh squashes any value into −1…1.";
            case SIGMOID -> "The sigmoid squashes any value into 0…1.";
        };
    }
}
