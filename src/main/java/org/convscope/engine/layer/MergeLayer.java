package org.convscope.engine.layer;

import java.util.Arrays;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.MergeSpec;

/**
 * Combines several earlier outputs: a ∘ b element-wise with broadcasting (see {@link Broadcast}; a residual
 * connection's a + b has dL/da = dL/db = dy), or the concatenation of the inputs' channels (backward hands each
 * input its own channels of dy).
 */
public record MergeLayer(MergeSpec spec, List<Dims> inputs, Dims output) implements Layer {
    public MergeLayer {
        inputs = List.copyOf(inputs);
    }

    public static MergeLayer create(MergeSpec spec, List<Dims> inputs) {
        return new MergeLayer(spec, inputs, spec.outputDims(inputs));
    }

    @Override
    public Dims input() {
        return inputs.get(0);
    }

    @Override
    public void forward(Kernels k, float[][] xs, float[] y, int n, Scratch scratch) {
        int outSize = output.size();
        if (spec.kind() == MergeSpec.Kind.CONCAT) {
            for (int i = 0; i < n; i++) {
                int at = i * outSize;
                for (int j = 0; j < xs.length; j++) {
                    int size = inputs.get(j).size();
                    System.arraycopy(xs[j], i * size, y, at, size);
                    at += size;
                }
            }
            return;
        }
        Dims a = inputs.get(0);
        Dims b = inputs.get(1);
        for (int i = 0; i < n; i++) {
            Broadcast.apply(spec.arithmetic(), xs[0], i * a.size(), a, xs[1], i * b.size(), b, y, i * outSize, output);
        }
    }

    @Override
    public void backward(Kernels k, float[][] xs, float[] y, float[] dy, float[][] dxs, int n, Scratch scratch,
                         float[][] grads) {
        int outSize = output.size();
        if (spec.kind() == MergeSpec.Kind.CONCAT) {
            for (int i = 0; i < n; i++) {
                int at = i * outSize;
                for (int j = 0; j < xs.length; j++) {
                    int size = inputs.get(j).size();
                    if (dxs[j] != null) System.arraycopy(dy, at, dxs[j], i * size, size);
                    at += size;
                }
            }
            return;
        }
        Dims a = inputs.get(0);
        Dims b = inputs.get(1);
        boolean plainSum = (spec.kind() == MergeSpec.Kind.ADD || spec.kind() == MergeSpec.Kind.SUB)
                && a.equals(output) && b.equals(output);
        if (plainSum) {
            int size = n * outSize;
            if (dxs[0] != null) System.arraycopy(dy, 0, dxs[0], 0, size);
            if (dxs[1] != null) {
                if (spec.kind() == MergeSpec.Kind.ADD) System.arraycopy(dy, 0, dxs[1], 0, size);
                else for (int i = 0; i < size; i++) dxs[1][i] = -dy[i];
            }
            return;
        }
        if (dxs[0] != null) Arrays.fill(dxs[0], 0, n * a.size(), 0f);
        if (dxs[1] != null) Arrays.fill(dxs[1], 0, n * b.size(), 0f);
        for (int i = 0; i < n; i++) {
            Broadcast.adjoint(spec.arithmetic(), xs[0], i * a.size(), a, xs[1], i * b.size(), b, dy, i * outSize, output,
                    dxs[0], dxs[1]);
        }
    }
}
