package org.convscope.engine.layer;

import java.util.Arrays;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.Param;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.DenseSpec;

/**
 * Fully connected: y[n × out] = x[n × in] · Wᵀ + b. Backward: dW += dyᵀ · x, db += Σ dy, dx = dy · W.
 */
public record DenseLayer(DenseSpec spec, Dims input, Dims output, Param weight, Param bias) implements UnaryLayer {
    // weight: [out][in], bias: [out]

    public static DenseLayer create(DenseSpec spec, Dims input) {
        Dims output = spec.outputDims(input);
        return new DenseLayer(spec, input, output,
                Param.zeros(spec.name() + ".weight", spec.units(), input.size()),
                Param.zeros(spec.name() + ".bias", spec.units()));
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
        int in = input.size();
        int out = output.size();
        for (int i = 0; i < n; i++) System.arraycopy(bias.value(), 0, y, i * out, out);
        if (n == 1) {
            // One sample: yᵀ = W · xᵀ has the same layout and lets the product block over the weight rows.
            k.gemmNT(out, 1, in, weight.value(), 0, in, x, 0, in, y, 0, 1);
        } else {
            k.gemmNT(n, out, in, x, 0, in, weight.value(), 0, in, y, 0, out);
        }
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        int in = input.size();
        int out = output.size();
        k.gemmTN(out, in, n, dy, 0, out, x, 0, in, grads[0], 0, in);
        float[] db = grads[1];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < out; o++) db[o] += dy[i * out + o];
        }
        if (dx != null) {
            Arrays.fill(dx, 0, n * in, 0f);
            k.gemmNN(n, in, out, dy, 0, out, weight.value(), 0, in, dx, 0, in);
        }
    }
}
