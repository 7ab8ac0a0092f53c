package org.convscope.engine.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.convscope.engine.Dims;
import org.convscope.engine.TestKernels;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.DenseSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The dense layer against y = W·x + b evaluated in double, for one sample (its own code path) and for a batch. */
class DenseLayerTest {
    static Stream<Kernels> kernels() {
        return TestKernels.all();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void forwardMatchesDefinitionForOneSampleAndABatch(Kernels k) {
        Dims in = new Dims(3, 5, 7);
        DenseLayer layer = DenseLayer.create(new DenseSpec("d", 13), in);
        GradientCheck.randomizeParams(layer, 4);
        float[] w = layer.weight().value();
        float[] b = layer.bias().value();
        SplittableRandom random = new SplittableRandom(8);
        for (int n : new int[] {1, 2, 5}) {
            float[] x = new float[n * in.size()];
            for (int i = 0; i < x.length; i++) x[i] = (float) random.nextDouble(-1, 1);
            float[] y = new float[n * 13];
            layer.forward(k, x, y, n, layer.newScratch(n));
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < 13; o++) {
                    double sum = b[o];
                    for (int p = 0; p < in.size(); p++) sum += (double) w[o * in.size() + p] * x[i * in.size() + p];
                    assertEquals(sum, y[i * 13 + o], 1e-4, "n=" + n + " sample " + i + " unit " + o + " with " + k.name());
                }
            }
        }
    }
}
