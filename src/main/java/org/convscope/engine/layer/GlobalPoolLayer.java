package org.convscope.engine.layer;

import java.util.Arrays;
import org.convscope.engine.Dims;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.GlobalPoolSpec;
import org.convscope.engine.spec.PoolSpec;

/**
 * y_c = Σ x_c / (H·W) (average) or max x_c over the whole plane. Backward: dx = dy_c/(H·W) everywhere, or dy_c at the
 * first maximum.
 */
public record GlobalPoolLayer(GlobalPoolSpec spec, Dims input, Dims output) implements UnaryLayer {
    public static GlobalPoolLayer create(GlobalPoolSpec spec, Dims input) {
        return new GlobalPoolLayer(spec, input, spec.outputDims(input));
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
        int plane = input.height() * input.width();
        boolean max = spec.kind() == PoolSpec.Kind.MAX;
        for (int p = 0; p < n * input.channels(); p++) {
            int off = p * plane;
            if (max) {
                float m = Float.NEGATIVE_INFINITY;
                for (int i = off; i < off + plane; i++) m = Math.max(m, x[i]);
                y[p] = m;
            } else {
                y[p] = sum(x, off, plane) / plane;
            }
        }
    }

    /** Σ x[off, off + count) with four running sums (exact order, independent of the JIT). */
    private static float sum(float[] x, int off, int count) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int i = off;
        for (int end = off + (count & ~3); i < end; i += 4) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
        }
        for (; i < off + count; i++) s0 += x[i];
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        if (dx == null) return;
        int plane = input.height() * input.width();
        boolean max = spec.kind() == PoolSpec.Kind.MAX;
        for (int p = 0; p < n * input.channels(); p++) {
            int off = p * plane;
            if (max) {
                Arrays.fill(dx, off, off + plane, 0f);
                for (int i = off; i < off + plane; i++) {
                    if (x[i] == y[p]) {
                        dx[i] = dy[p];
                        break;
                    }
                }
            } else {
                Arrays.fill(dx, off, off + plane, dy[p] / plane);
            }
        }
    }
}
