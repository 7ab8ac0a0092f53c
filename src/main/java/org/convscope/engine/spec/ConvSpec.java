package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/**
 * 2-D convolution: {@code filters} kernels of {@code kernelHeight}×{@code kernelWidth}×inputChannels, sliding with
 * {@code stride} over the input bordered by {@code padding} zeros. Output size O = (W − K + 2P)/S + 1.
 */
public record ConvSpec(String name, int filters, int kernelHeight, int kernelWidth, int stride, int padding)
        implements LayerSpec {
    public ConvSpec {
        LayerSpec.requireName(name);
    }

    public static ConvSpec square(String name, int filters, int kernel, int stride, int padding) {
        return new ConvSpec(name, filters, kernel, kernel, stride, padding);
    }

    @Override
    public Dims outputDims(Dims in) {
        if (filters <= 0) throw new InvalidNetworkException(name + ": needs at least one filter, got " + filters);
        if (kernelHeight <= 0 || kernelWidth <= 0) {
            throw new InvalidNetworkException(name + ": kernel size must be positive, got " + kernelHeight + "×" + kernelWidth);
        }
        if (stride <= 0) throw new InvalidNetworkException(name + ": stride must be at least 1, got " + stride);
        if (padding < 0) throw new InvalidNetworkException(name + ": padding cannot be negative, got " + padding);
        int outH = outputSize(name, "height", in.height(), kernelHeight, stride, padding);
        int outW = outputSize(name, "width", in.width(), kernelWidth, stride, padding);
        return new Dims(filters, outH, outW);
    }

    /** O = (W − K + 2P)/S + 1, refused in words when the kernel does not fit or the stride does not divide evenly. */
    static int outputSize(String name, String axis, int size, int kernel, int stride, int padding) {
        int padded = size + 2 * padding;
        if (kernel > padded) {
            String fits = padding == 0 ? "" : " padded to " + padded;
            throw new InvalidNetworkException(name + ": " + kernel + "-wide kernel does not fit the input " + axis + " "
                    + size + fits + "; add padding or use a smaller kernel");
        }
        if ((padded - kernel) % stride != 0) {
            throw new InvalidNetworkException(name + ": stride " + stride + " does not fit the input " + axis + " " + size
                    + ": (" + size + " − " + kernel + " + 2×" + padding + ")/" + stride + " + 1 is not a whole number;"
                    + " change the padding or the stride");
        }
        return (padded - kernel) / stride + 1;
    }

    @Override
    public long parameterCount(Dims in) {
        return (long) filters * in.channels() * kernelHeight * kernelWidth + filters;
    }

    @Override
    public long multiplyAdds(Dims in) {
        Dims out = outputDims(in);
        return (long) out.size() * in.channels() * kernelHeight * kernelWidth;
    }

    @Override
    public String describe() {
        return "conv " + filters + "@" + kernelHeight + "×" + kernelWidth + " stride " + stride + " pad " + padding;
    }
}
