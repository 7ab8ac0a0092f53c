package org.convscope.engine.spec;

import org.convscope.engine.Dims;

/** Borders every channel with rows and columns of a constant (0 for zero padding). */
public record PadSpec(String name, int top, int left, int bottom, int right, float value) implements LayerSpec {
    public PadSpec {
        LayerSpec.requireName(name);
    }

    @Override
    public Dims outputDims(Dims input) {
        if (top < 0 || left < 0 || bottom < 0 || right < 0) {
            throw new InvalidNetworkException(name + ": padding cannot be negative");
        }
        if (!Float.isFinite(value)) throw new InvalidNetworkException(name + ": the padding value must be a finite number");
        long h = (long) input.height() + top + bottom;
        long w = (long) input.width() + left + right;
        if (h > Integer.MAX_VALUE || w > Integer.MAX_VALUE || (long) input.channels() * h * w > Integer.MAX_VALUE) {
            throw new InvalidNetworkException(name + ": the padded " + h + "×" + w + " planes are too large");
        }
        return new Dims(input.channels(), (int) h, (int) w);
    }

    @Override
    public String describe() {
        String v = value == 0f ? "" : " with " + value;
        return "pad " + top + "," + left + "," + bottom + "," + right + v;
    }
}
