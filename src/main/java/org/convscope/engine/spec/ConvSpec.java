package org.convscope.engine.spec;

import org.convscope.engine.Dims;
import org.convscope.engine.MemoryBudget;

/**
 * 2-D convolution: {@code filters} kernels sliding over the input as {@code kernel} says (size, stride, zero padding,
 * dilation). With {@code groups} G the input's C channels and the filters split into G groups, and each filter sees
 * only the C/G channels of its group (G = C: depthwise). Output size O = (W − K + 2P)/S + 1 (see {@link Window}).
 */
public record ConvSpec(String name, int filters, Window kernel, int groups) implements LayerSpec {
    public ConvSpec {
        LayerSpec.requireName(name);
        if (kernel == null) throw new IllegalArgumentException(name + ": kernel window missing");
    }

    /** The classic convolution: one group, equal stride and padding on both axes, sizes that must fit evenly. */
    public ConvSpec(String name, int filters, int kernelHeight, int kernelWidth, int stride, int padding) {
        this(name, filters, new Window(kernelHeight, kernelWidth, stride, stride, padding, padding, padding, padding,
                1, 1, Window.Rounding.EXACT), 1);
    }

    public static ConvSpec square(String name, int filters, int kernel, int stride, int padding) {
        return new ConvSpec(name, filters, kernel, kernel, stride, padding);
    }

    public int kernelHeight() {
        return kernel.kernelH();
    }

    public int kernelWidth() {
        return kernel.kernelW();
    }

    /** The vertical stride (the only one unless {@link #isClassic()} is false). */
    public int stride() {
        return kernel.strideH();
    }

    /** The top padding (the padding on every side unless {@link #isClassic()} is false). */
    public int padding() {
        return kernel.padTop();
    }

    /**
     * Whether {@link #stride()} and {@link #padding()} tell the whole story: one group, the same stride and padding
     * on both axes and sides, no dilation.
     */
    public boolean isClassic() {
        return groups == 1 && kernel.strideH() == kernel.strideW() && kernel.padTop() == kernel.padLeft()
                && kernel.isSymmetric() && kernel.dilationH() == 1 && kernel.dilationW() == 1;
    }

    /** Whether every channel has its own filters (groups = input channels). */
    public boolean isDepthwise(Dims in) {
        return groups > 1 && groups == in.channels();
    }

    @Override
    public Dims outputDims(Dims in) {
        if (filters <= 0) throw new InvalidNetworkException(name + ": needs at least one filter, got " + filters);
        kernel.check(name);
        if (groups <= 0) throw new InvalidNetworkException(name + ": groups must be at least 1, got " + groups);
        if (in.channels() % groups != 0 || filters % groups != 0) {
            throw new InvalidNetworkException(name + ": " + groups + " groups must divide both the " + in.channels()
                    + " input channels and the " + filters + " filters");
        }
        return new Dims(filters, kernel.outputHeight(name, in.height()), kernel.outputWidth(name, in.width()));
    }

    @Override
    public long parameterCount(Dims in) {
        return MemoryBudget.plus(MemoryBudget.product(filters, in.channels() / groups, kernelHeight(), kernelWidth()), filters);
    }

    @Override
    public long multiplyAdds(Dims in) {
        Dims out = outputDims(in);
        return MemoryBudget.product(out.size(), in.channels() / groups, kernelHeight(), kernelWidth());
    }

    @Override
    public String describe() {
        if (isClassic()) {
            return "conv " + filters + "@" + kernelHeight() + "×" + kernelWidth() + " stride " + stride() + " pad " + padding();
        }
        String g = groups == 1 ? "" : groups == filters ? " depthwise" : " groups " + groups;
        return "conv " + filters + "@" + kernel.describe() + g;
    }
}
