package org.convscope.engine.spec;

/**
 * Where a kernel or pooling window goes over an input plane: its size, stride, zero padding on each side and
 * dilation (taps spread dilation − 1 pixels apart). Along each axis the output size is
 * O = (W + P_begin + P_end − D·(K − 1) − 1)/S + 1, which for D = 1 and equal padding is the classic
 * O = (W − K + 2P)/S + 1. {@link Rounding} says what a stride that does not divide evenly means.
 */
public record Window(int kernelH, int kernelW, int strideH, int strideW, int padTop, int padLeft, int padBottom,
                     int padRight, int dilationH, int dilationW, Rounding rounding) {
    /** What to do when (W + P_begin + P_end − D·(K − 1) − 1) is not a multiple of S. */
    public enum Rounding {
        /** Refuse in words: the classic teaching rule that the filter must fit evenly (architectures made here). */
        EXACT,
        /** Round down, leaving out the last rows that a full window would not cover (PyTorch, ONNX). */
        FLOOR,
        /** Round up, as pooling's ceil_mode: a last partial window, as long as it starts inside the input or the left padding. */
        CEIL
    }

    public Window {
        if (rounding == null) throw new IllegalArgumentException("rounding missing");
    }

    /** A square window of size k, stride s and padding p on every side, no dilation. */
    public static Window square(int k, int s, int p, Rounding rounding) {
        return new Window(k, k, s, s, p, p, p, p, 1, 1, rounding);
    }

    /** Whether the window is square with the same stride and padding on every side and no dilation. */
    public boolean isSimple() {
        return kernelH == kernelW && strideH == strideW && padTop == padLeft && padTop == padBottom
                && padTop == padRight && dilationH == 1 && dilationW == 1;
    }

    public boolean isSymmetric() {
        return padTop == padBottom && padLeft == padRight;
    }

    /** Checks the numbers themselves: positive sizes, strides and dilations, no negative padding. */
    void check(String name) {
        if (kernelH <= 0 || kernelW <= 0) {
            throw new InvalidNetworkException(name + ": kernel size must be positive, got " + kernelH + "×" + kernelW);
        }
        if (strideH <= 0 || strideW <= 0) {
            throw new InvalidNetworkException(name + ": stride must be at least 1, got " + strideH + (strideH == strideW ? "" : "×" + strideW));
        }
        if (dilationH <= 0 || dilationW <= 0) {
            throw new InvalidNetworkException(name + ": dilation must be at least 1, got " + dilationH + "×" + dilationW);
        }
        if (padTop < 0 || padLeft < 0 || padBottom < 0 || padRight < 0) {
            throw new InvalidNetworkException(name + ": padding cannot be negative");
        }
        long limit = 1 << 16;
        if (kernelH > limit || kernelW > limit || strideH > limit || strideW > limit || dilationH > limit
                || dilationW > limit || padTop > limit || padLeft > limit || padBottom > limit || padRight > limit) {
            throw new InvalidNetworkException(name + ": kernel, stride, padding and dilation must be at most " + limit);
        }
    }

    public int outputHeight(String name, int height) {
        return outputSize(name, "height", height, kernelH, strideH, padTop, padBottom, dilationH);
    }

    public int outputWidth(String name, int width) {
        return outputSize(name, "width", width, kernelW, strideW, padLeft, padRight, dilationW);
    }

    private int outputSize(String name, String axis, int size, int kernel, int stride, int begin, int end, int dilation) {
        long padded = (long) size + begin + end;
        long span = (long) dilation * (kernel - 1) + 1;
        if (span > padded) {
            String fits = begin + end == 0 ? "" : " padded to " + padded;
            String extent = axis.equals("height") ? "high" : "wide";
            String reach = dilation == 1 ? kernel + "-" + extent + " kernel"
                    : kernel + "-tap kernel with dilation " + dilation + " (" + span + " " + extent + ")";
            throw new InvalidNetworkException(name + ": " + reach + " does not fit the input " + axis + " " + size
                    + fits + "; add padding or use a smaller kernel");
        }
        long room = padded - span;
        if (room % stride != 0 && rounding == Rounding.EXACT) {
            String pads = begin == end ? "2×" + begin : begin + " + " + end;
            throw new InvalidNetworkException(name + ": stride " + stride + " does not fit the input " + axis + " " + size
                    + ": (" + size + " − " + kernel + " + " + pads + ")/" + stride + " + 1 is not a whole number;"
                    + " change the padding or the stride");
        }
        long out = room / stride + 1;
        if (rounding == Rounding.CEIL && room % stride != 0) {
            // The extra window must start inside the input or the leading padding, as in PyTorch and ONNX Runtime.
            if ((out) * stride < size + begin) out++;
        }
        return (int) out;
    }

    /** "5×5", "3×3 stride 2 pad 1", "1×7 stride 2×1 pad 0,3,0,3 dilation 2". */
    public String describe() {
        StringBuilder s = new StringBuilder(kernelH + "×" + kernelW);
        if (strideH != 1 || strideW != 1) s.append(" stride ").append(strideH == strideW ? "" + strideH : strideH + "×" + strideW);
        boolean evenPad = padTop == padLeft && padTop == padBottom && padTop == padRight;
        if (evenPad && padTop != 0) s.append(" pad ").append(padTop);
        if (!evenPad) s.append(" pad ").append(padTop).append(',').append(padLeft).append(',').append(padBottom).append(',').append(padRight);
        if (dilationH != 1 || dilationW != 1) s.append(" dilation ").append(dilationH == dilationW ? "" + dilationH : dilationH + "×" + dilationW);
        return s.toString();
    }
}
