package org.convscope.engine.layer;

import java.util.Arrays;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.Param;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.ConstantOpSpec;

/** y = x ∘ c or c ∘ x with the constant c broadcast over x (see {@link Broadcast}); c is a buffer, not trained. */
public record ConstantOpLayer(ConstantOpSpec spec, Dims input, Dims output, Param constant) implements UnaryLayer {
    // constant: [c][h][w] of spec.constant()

    public static ConstantOpLayer create(ConstantOpSpec spec, Dims input) {
        Dims c = spec.constant();
        return new ConstantOpLayer(spec, input, spec.outputDims(input),
                Param.zeros(spec.name() + ".constant", c.channels(), c.height(), c.width()));
    }

    @Override
    public List<Param> buffers() {
        return List.of(constant);
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
        int size = input.size();
        float[] c = constant.value();
        for (int i = 0; i < n; i++) {
            if (spec.constantFirst()) Broadcast.apply(spec.op(), c, 0, spec.constant(), x, i * size, input, y, i * size, output);
            else Broadcast.apply(spec.op(), x, i * size, input, c, 0, spec.constant(), y, i * size, output);
        }
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        if (dx == null) return;
        int size = input.size();
        Arrays.fill(dx, 0, n * size, 0f);
        float[] c = constant.value();
        for (int i = 0; i < n; i++) {
            if (spec.constantFirst()) {
                Broadcast.adjoint(spec.op(), c, 0, spec.constant(), x, i * size, input, dy, i * size, output, null, dx);
            } else {
                Broadcast.adjoint(spec.op(), x, i * size, input, c, 0, spec.constant(), dy, i * size, output, dx, null);
            }
        }
    }
}
