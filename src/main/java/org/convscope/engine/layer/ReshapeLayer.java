package org.convscope.engine.layer;

import org.convscope.engine.Dims;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.ReshapeSpec;

/** The same values in another shape: a copy forward and backward. */
public record ReshapeLayer(ReshapeSpec spec, Dims input, Dims output) implements UnaryLayer {
    public static ReshapeLayer create(ReshapeSpec spec, Dims input) {
        return new ReshapeLayer(spec, input, spec.outputDims(input));
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
        System.arraycopy(x, 0, y, 0, n * input.size());
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        if (dx != null) System.arraycopy(dy, 0, dx, 0, n * input.size());
    }
}
