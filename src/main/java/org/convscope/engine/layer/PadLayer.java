package org.convscope.engine.layer;

import java.util.Arrays;
import org.convscope.engine.Dims;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.PadSpec;

/** Copies each plane into the middle of a larger one filled with the constant; backward crops dy back. */
public record PadLayer(PadSpec spec, Dims input, Dims output) implements UnaryLayer {
    public static PadLayer create(PadSpec spec, Dims input) {
        return new PadLayer(spec, input, spec.outputDims(input));
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
        int planes = n * input.channels();
        Arrays.fill(y, 0, planes * output.height() * output.width(), spec.value());
        for (int p = 0; p < planes; p++) {
            for (int iy = 0; iy < input.height(); iy++) {
                System.arraycopy(x, (p * input.height() + iy) * input.width(), y,
                        (p * output.height() + iy + spec.top()) * output.width() + spec.left(), input.width());
            }
        }
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        if (dx == null) return;
        for (int p = 0; p < n * input.channels(); p++) {
            for (int iy = 0; iy < input.height(); iy++) {
                System.arraycopy(dy, (p * output.height() + iy + spec.top()) * output.width() + spec.left(), dx,
                        (p * input.height() + iy) * input.width(), input.width());
            }
        }
    }
}
