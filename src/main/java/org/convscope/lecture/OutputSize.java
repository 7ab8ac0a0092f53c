package org.convscope.lecture;

/** The output size formula O = (W − K + 2P)/S + 1 written out with numbers, for the screen. */
public final class OutputSize {
    private OutputSize() {}

    /**
     * E.g. "O = (7 − 3 + 2×0)/2 + 1 = 3", or, when it does not fit, the arithmetic up to the point where it
     * fails: "… = 4/3 + 1, not a whole number", "… /0: a stride of 0 never moves".
     */
    public static String formula(int size, int kernel, int padding, int stride) {
        String text = "O = (W − K + 2P)/S + 1 = (" + size + " − " + kernel + " + 2×" + padding + ")/" + stride + " + 1";
        int span = size - kernel + 2 * padding;
        if (stride <= 0) return text + ": the stride must be at least 1";
        if (span < 0) return text + " = " + span + "/" + stride + " + 1: the kernel is larger than the padded input";
        if (span % stride != 0) return text + " = " + span + "/" + stride + " + 1, not a whole number";
        return text + " = " + (span / stride + 1);
    }
}
