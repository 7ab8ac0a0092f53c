package org.convscope.engine.layer;

import java.util.Arrays;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.Param;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.ConvSpec;

/**
 * Convolution as a matrix product: the input patches of a batch are unrolled (im2col) into
 * col[K][n·P], K = inC·kH·kW, P = outH·outW; then out[outC][n·P] = W[outC][K] · col + b. Backward:
 * dW += dOut · colᵀ, db += Σ dOut, dcol = Wᵀ · dOut folded back onto the input (col2im).
 */
public record ConvLayer(ConvSpec spec, Dims input, Dims output, Param weight, Param bias) implements Layer {
    // weight: [outC][inC][kH][kW], bias: [outC]

    public static ConvLayer create(ConvSpec spec, Dims input) {
        Dims output = spec.outputDims(input);
        return new ConvLayer(spec, input, output,
                Param.zeros(spec.name() + ".weight", spec.filters(), input.channels(), spec.kernelHeight(), spec.kernelWidth()),
                Param.zeros(spec.name() + ".bias", spec.filters()));
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    private int patch() {
        return input.channels() * spec.kernelHeight() * spec.kernelWidth();
    }

    private int positions() {
        return output.height() * output.width();
    }

    /** The unrolled patches of the last forward pass and the matrix-shaped output. */
    static final class Buffers implements Scratch {
        final float[] col;      // [K][n·P]
        final float[] product;  // [outC][n·P]
        float[] dcol;           // [K][n·P], allocated on the first backward pass that needs dL/dx

        Buffers(int colSize, int productSize) {
            col = new float[colSize];
            product = new float[productSize];
        }
    }

    @Override
    public Scratch newScratch(int maxBatch) {
        return new Buffers(patch() * positions() * maxBatch, output.channels() * positions() * maxBatch);
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
        Buffers s = (Buffers) scratch;
        int positions = positions();
        int columns = n * positions;
        int filters = output.channels();
        Im2Col.unroll(x, n, input, spec, output, s.col);
        float[] b = bias.value();
        for (int o = 0; o < filters; o++) {
            Arrays.fill(s.product, o * columns, (o + 1) * columns, b[o]);
        }
        k.gemmNN(filters, columns, patch(), weight.value(), 0, patch(), s.col, 0, columns, s.product, 0, columns);
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < filters; o++) {
                System.arraycopy(s.product, o * columns + i * positions, y, (i * filters + o) * positions, positions);
            }
        }
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        Buffers s = (Buffers) scratch;
        int positions = positions();
        int columns = n * positions;
        int filters = output.channels();
        float[] dOut = s.product; // the forward output is in y now, so its matrix form can hold dOut
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < filters; o++) {
                System.arraycopy(dy, (i * filters + o) * positions, dOut, o * columns + i * positions, positions);
            }
        }
        float[] db = grads[1];
        for (int o = 0; o < filters; o++) {
            float sum = 0f;
            for (int j = o * columns, end = j + columns; j < end; j++) sum += dOut[j];
            db[o] += sum;
        }
        k.gemmNT(filters, patch(), columns, dOut, 0, columns, s.col, 0, columns, grads[0], 0, patch());
        if (dx != null) {
            if (s.dcol == null) s.dcol = new float[s.col.length];
            Arrays.fill(s.dcol, 0, patch() * columns, 0f);
            k.gemmTN(patch(), columns, filters, weight.value(), 0, patch(), dOut, 0, columns, s.dcol, 0, columns);
            Im2Col.fold(s.dcol, n, input, spec, output, dx);
        }
    }
}
