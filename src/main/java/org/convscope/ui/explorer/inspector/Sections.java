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
            case LEAKY_RELU -> "leaky ReLU";
            case CLIP -> "clip";
            case HARD_SIGMOID -> "hard sigmoid";
            case HARD_SWISH -> "hard swish x·relu6(x+3)/6";
        };
    }

    static String activationTip(ActivationSpec.Kind kind) {
        return switch (kind) {
            case RELU -> "ReLU keeps positive values and turns negative ones into 0: the unit either fires or stays silent.";
            case TANH -> "tanh squashes any value into −1…1.";
            case SIGMOID -> "The sigmoid squashes any value into 0…1.";
            case LEAKY_RELU -> "Leaky ReLU keeps positive values and scales negative ones by a small factor.";
            case CLIP -> "Clip holds values between a lower and an upper bound (ReLU6: 0 and 6).";
            case HARD_SIGMOID -> "A piecewise-linear sigmoid: a straight line from 0 to 1, flat outside.";
            case HARD_SWISH -> "Hard swish multiplies x by a hard sigmoid of x: 0 below −3, x above 3, a smooth step between.";
        };
    }
}
