package org.convscope.engine.kernel;

/**
 * The shape of one 2-D convolution of a single image, as ONNX and PyTorch define it:
 * y[f][oy][ox] = b[f] + Σ_{c,ky,kx} w[f][c][ky][kx] · x[g·C/G + c][oy·sH − padTop + ky·dH][ox·sW − padLeft + kx·dW],
 * with g = f / (F/G) the filter's group, c < C/G, and x zero outside the image. Weights are [F][C/G][kH][kW], the
 * bias [F], the input [C][H][W] and the output [F][outH][outW] (NCHW, one image).
 * <p>
 * outH = ⌊(H + padTop + padBottom − dH·(kH − 1) − 1) / sH⌋ + 1, outW likewise. Depthwise is G = C with F = C or a
 * multiple m·C (each channel then has m filters).
 *
 * @param channels C
 * @param height H
 * @param width W
 * @param filters F
 * @param groups G: C and F both divisible by it
 */
public record ConvGeometry(int channels, int height, int width, int filters, int groups,
                           int kernelH, int kernelW, int strideH, int strideW,
                           int padTop, int padLeft, int padBottom, int padRight,
                           int dilationH, int dilationW) {
    public ConvGeometry {
        requirePositive("channels", channels);
        requirePositive("height", height);
        requirePositive("width", width);
        requirePositive("filters", filters);
        requirePositive("groups", groups);
        requirePositive("kernel height", kernelH);
        requirePositive("kernel width", kernelW);
        requirePositive("stride", strideH);
        requirePositive("stride", strideW);
        requirePositive("dilation", dilationH);
        requirePositive("dilation", dilationW);
        if (padTop < 0 || padLeft < 0 || padBottom < 0 || padRight < 0) {
            throw new IllegalArgumentException("convolution: padding cannot be negative, got top " + padTop + ", left "
                    + padLeft + ", bottom " + padBottom + ", right " + padRight);
        }
        if (channels % groups != 0 || filters % groups != 0) {
            throw new IllegalArgumentException("convolution: " + groups + " groups must divide both the " + channels
                    + " input channels and the " + filters + " filters");
        }
        requireFits("height", height, padTop + padBottom, kernelH, dilationH);
        requireFits("width", width, padLeft + padRight, kernelW, dilationW);
        long in = (long) channels * height * width;
        long out = (long) filters * outSize(height, padTop + padBottom, kernelH, strideH, dilationH)
                * outSize(width, padLeft + padRight, kernelW, strideW, dilationW);
        long weights = (long) filters * (channels / groups) * kernelH * kernelW;
        long padded = (long) channels * (height + padTop + padBottom) * (width + padLeft + padRight);
        if (Math.max(Math.max(in, out), Math.max(weights, padded)) > Integer.MAX_VALUE - 1024) {
            throw new IllegalArgumentException("convolution: too large for one array: input " + in + ", output " + out
                    + ", weights " + weights + " floats (at most " + (Integer.MAX_VALUE - 1024) + " each)");
        }
    }

    /** A square kernel with the same stride, padding on every side and no dilation or groups. */
    public static ConvGeometry square(int channels, int height, int width, int filters, int kernel, int stride, int pad) {
        return new ConvGeometry(channels, height, width, filters, 1, kernel, kernel, stride, stride, pad, pad, pad, pad, 1, 1);
    }

    /** This geometry with G groups. */
    public ConvGeometry withGroups(int g) {
        return new ConvGeometry(channels, height, width, filters, g, kernelH, kernelW, strideH, strideW,
                padTop, padLeft, padBottom, padRight, dilationH, dilationW);
    }

    private static void requirePositive(String what, int value) {
        if (value <= 0) throw new IllegalArgumentException("convolution: " + what + " must be at least 1, got " + value);
    }

    private static void requireFits(String axis, int size, int pads, int kernel, int dilation) {
        long reach = (long) dilation * (kernel - 1) + 1;
        if (reach > size + pads) {
            String dilated = dilation == 1 ? "" : " (dilated by " + dilation + " it spans " + reach + ")";
            throw new IllegalArgumentException("convolution: the " + kernel + "-" + ("height".equals(axis) ? "high" : "wide")
                    + " kernel" + dilated + " does not fit the input " + axis + " " + size + " padded to " + (size + pads));
        }
    }

    private static int outSize(int size, int pads, int kernel, int stride, int dilation) {
        return (size + pads - dilation * (kernel - 1) - 1) / stride + 1;
    }

    /** ⌊(H + padTop + padBottom − dH·(kH − 1) − 1) / sH⌋ + 1. */
    public int outH() {
        return outSize(height, padTop + padBottom, kernelH, strideH, dilationH);
    }

    /** ⌊(W + padLeft + padRight − dW·(kW − 1) − 1) / sW⌋ + 1. */
    public int outW() {
        return outSize(width, padLeft + padRight, kernelW, strideW, dilationW);
    }

    /** C/G: input channels each filter sees. */
    public int groupChannels() {
        return channels / groups;
    }

    /** F/G: filters per group. */
    public int groupFilters() {
        return filters / groups;
    }

    /** Taps per filter and channel: kH·kW. */
    public int taps() {
        return kernelH * kernelW;
    }

    /** Whether each group has a single input channel (G = C): a depthwise convolution, F = m·C. */
    public boolean depthwise() {
        return groups == channels;
    }

    /** Whether this is a 1×1 convolution with stride 1 and no padding: a plain matrix product per group. */
    public boolean pointwise() {
        return kernelH == 1 && kernelW == 1 && strideH == 1 && strideW == 1
                && padTop == 0 && padLeft == 0 && padBottom == 0 && padRight == 0;
    }

    /** Floats of one input image: C·H·W. */
    public int inputSize() {
        return channels * height * width;
    }

    /** Floats of one output image: F·outH·outW. */
    public int outputSize() {
        return filters * outH() * outW();
    }

    /** Floats of the weights: F·(C/G)·kH·kW. */
    public int weightSize() {
        return filters * groupChannels() * taps();
    }

    /** Multiply-adds of one image: F·outH·outW·(C/G)·kH·kW. */
    public long multiplyAdds() {
        return (long) outputSize() * groupChannels() * taps();
    }

    @Override
    public String toString() {
        return channels + "×" + height + "×" + width + " → " + filters + "×" + outH() + "×" + outW() + ", kernel " + kernelH
                + "×" + kernelW + ", stride " + strideH + "×" + strideW + ", pad " + padTop + "," + padLeft + "," + padBottom
                + "," + padRight + ", dilation " + dilationH + "×" + dilationW + (groups == 1 ? "" : ", groups " + groups);
    }
}
