package org.convscope.lecture;

/**
 * The output size formulas written out with numbers, for the screen: O = (W − K + 2P)/S + 1 for a convolution and
 * O = (W − F)/S + 1 for pooling. A division that is not whole is rounded down, as the frameworks do.
 */
public final class OutputSize {
    private OutputSize() {}

    /**
     * O = ⌊(W − K + 2P)/S⌋ + 1 as the frameworks compute it: the number of window positions along one side; 0 when
     * the kernel is larger than the padded input or the stride is below 1.
     */
    public static int of(int size, int kernel, int padding, int stride) {
        int span = size - kernel + 2 * padding;
        if (stride < 1 || padding < 0 || span < 0) return 0;
        return span / stride + 1;
    }

    /**
     * E.g. "O = (W − K + 2P)/S + 1 = (7 − 3 + 2×1)/3 + 1 = 3"; when the division is not whole, what frameworks do:
     * "… = 4/3 + 1: not a whole number; frameworks round down: ⌊4/3⌋ + 1 = 2"; when nothing fits, why.
     */
    public static String formula(int size, int kernel, int padding, int stride) {
        String text = "O = (W − K + 2P)/S + 1 = (" + size + " − " + kernel + " + 2×" + Notation.term(Numbers.format(padding))
                + ")/" + Notation.term(Numbers.format(stride)) + " + 1";
        return text + result(size - kernel + 2 * padding, stride, padding < 0,
                "the kernel is larger than the padded input");
    }

    /**
     * One axis of a window with its own padding before and after and a dilation D (taps D apart):
     * O = ⌊(W + P₁ + P₂ − D×(K − 1) − 1)/S⌋ + 1, e.g. "O = (W + P₁ + P₂ − D×(K − 1) − 1)/S + 1 = (32 + 0 + 1 − 2×(3 − 1)
     * − 1)/2 + 1 = 14/2 + 1 = 8"; rounded down as {@link #formula} says when the division is not whole.
     */
    public static String general(int size, int kernel, int stride, int begin, int end, int dilation) {
        String text = "O = (W + P₁ + P₂ − D×(K − 1) − 1)/S + 1 = (" + size + " + " + begin + " + " + end + " − " + dilation
                + "×(" + kernel + " − 1) − 1)/" + stride + " + 1";
        return text + result(size + begin + end - dilation * (kernel - 1) - 1, stride, begin < 0 || end < 0,
                "the kernel is larger than the padded input");
    }

    /** E.g. "O = (W − F)/S + 1 = (4 − 2)/2 + 1 = 2" for a pooling window F. */
    public static String poolFormula(int size, int window, int stride) {
        String text = "O = (W − F)/S + 1 = (" + size + " − " + window + ")/" + Notation.term(Numbers.format(stride)) + " + 1";
        return text + result(size - window, stride, false, "the window is larger than the input");
    }

    private static String result(int span, int stride, boolean negativePadding, String tooLarge) {
        if (negativePadding) return ": the padding cannot be negative";
        if (stride <= 0) return ": the stride must be at least 1";
        if (span < 0) return " = " + Numbers.format(span) + "/" + stride + " + 1: " + tooLarge;
        if (span % stride == 0) return " = " + (span / stride + 1);
        return " = " + span + "/" + stride + " + 1: not a whole number; frameworks round down: ⌊" + span + "/" + stride
                + "⌋ + 1 = " + (span / stride + 1);
    }
}
