package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/**
 * Pooling of each channel over windows placed as {@code kernel} says: max, average or L2 (√Σx², ONNX's LpPool with
 * p = 2). Padding positions never win a max, add 0 to an L2 sum, and count in an average's divisor only when
 * {@code countIncludePad} is set.
 */
public record PoolSpec(String name, Kind kind, Window kernel, boolean countIncludePad) implements LayerSpec {
    public enum Kind { MAX, AVERAGE, L2 }

    public PoolSpec {
        LayerSpec.requireName(name);
        if (kind == null) throw new IllegalArgumentException(name + ": pooling kind missing");
        if (kernel == null) throw new IllegalArgumentException(name + ": pooling window missing");
    }

    /** The classic pooling: a square window moved by stride, no padding; a window running off the edge is dropped. */
    public PoolSpec(String name, Kind kind, int window, int stride) {
        this(name, kind, Window.square(window, stride, 0, Window.Rounding.FLOOR), false);
    }

    /** The window's height (its size when {@link #isClassic()}). */
    public int window() {
        return kernel.kernelH();
    }

    /** The vertical stride (the stride when {@link #isClassic()}). */
    public int stride() {
        return kernel.strideH();
    }

    /** Whether {@link #window()} and {@link #stride()} tell the whole story: square, no padding, no dilation, floor. */
    public boolean isClassic() {
        Window k = kernel;
        return k.kernelH() == k.kernelW() && k.strideH() == k.strideW() && k.padTop() == 0 && k.padLeft() == 0
                && k.padBottom() == 0 && k.padRight() == 0 && k.dilationH() == 1 && k.dilationW() == 1
                && k.rounding() != Window.Rounding.CEIL;
    }

    @Override
    public Dims outputDims(Dims in) {
        kernel.check(name);
        if (kind != Kind.MAX && (kernel.dilationH() != 1 || kernel.dilationW() != 1)) {
            throw new InvalidNetworkException(name + ": only max pooling can be dilated");
        }
        if (kernel.padTop() >= kernel.kernelH() || kernel.padBottom() >= kernel.kernelH()
                || kernel.padLeft() >= kernel.kernelW() || kernel.padRight() >= kernel.kernelW()) {
            throw new InvalidNetworkException(name + ": padding must be smaller than the " + kernel.kernelH() + "×"
                    + kernel.kernelW() + " window, or a window could hold only padding");
        }
        if (isClassic() && (in.height() < window() || in.width() < window())) {
            throw new InvalidNetworkException(name + ": " + window() + "×" + window() + " window does not fit the "
                    + in.height() + "×" + in.width() + " input; use a smaller window");
        }
        return new Dims(in.channels(), kernel.outputHeight(name, in.height()), kernel.outputWidth(name, in.width()));
    }

    @Override
    public String describe() {
        String kindName = kind.name().toLowerCase(java.util.Locale.ROOT);
        if (isClassic()) return kindName + " pool " + window() + "×" + window() + " stride " + stride();
        String ceil = kernel.rounding() == Window.Rounding.CEIL ? " ceil" : "";
        String pad = kind == Kind.AVERAGE && countIncludePad ? " (padding counted)" : "";
        return kindName + " pool " + kernel.describe() + ceil + pad;
    }
}
