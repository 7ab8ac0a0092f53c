package org.convscope.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradient of a whole network's loss from {@link Workspace#backward} against central finite differences of the
 * loss, for every parameter, with both losses and both kernel implementations. The network has one layer of each
 * kind, so the hand-offs between layers (and the fused softmax + cross-entropy gradient) are covered too.
 */
class NetworkGradientTest {
    private static final int BATCH = 2;
    private static final float EPS = 1e-3f;

    static NetworkSpec everyKind() {
        return new NetworkSpec("every-kind", new Dims(2, 9, 9), List.of(
                ConvSpec.square("conv1", 4, 3, 1, 1),
                new ActivationSpec("relu", ActivationSpec.Kind.RELU),
                new PoolSpec("maxpool", PoolSpec.Kind.MAX, 2, 2),
                ConvSpec.square("conv2", 5, 3, 1, 1),
                new ActivationSpec("tanh", ActivationSpec.Kind.TANH),
                new PoolSpec("avgpool", PoolSpec.Kind.AVERAGE, 2, 2),
                new FlattenSpec("flatten"),
                new DenseSpec("fc1", 8),
                new ActivationSpec("sigmoid", ActivationSpec.Kind.SIGMOID),
                new DenseSpec("fc2", 4),
                new SoftmaxSpec("softmax")));
    }

    static Stream<Arguments> cases() {
        return TestKernels.all().flatMap(k -> Stream.of(Loss.values()).map(loss -> Arguments.of(k, loss)));
    }

    /** Summed loss of the batch, from the network's output, in double. */
    private static double loss(Workspace ws, int[] labels, Loss loss) {
        for (Param p : ws.network().params()) p.changed();
        ws.forward(BATCH);
        float[] y = ws.result();
        int classes = ws.network().numClasses();
        double sum = 0;
        for (int i = 0; i < BATCH; i++) {
            for (int j = 0; j < classes; j++) {
                double p = y[i * classes + j];
                double target = j == labels[i] ? 1 : 0;
                sum += switch (loss) {
                    case CROSS_ENTROPY -> j == labels[i] ? -Math.log(p) : 0;
                    case SQUARED_ERROR -> 0.5 * (p - target) * (p - target);
                };
            }
        }
        return sum;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void backwardMatchesFiniteDifferences(Kernels k, Loss loss) {
        Network net = Network.initialized(everyKind(), 5);
        SplittableRandom random = new SplittableRandom(9);
        for (Param p : net.params()) {
            if (p.isWeight()) continue;
            for (int i = 0; i < p.size(); i++) p.value()[i] = (float) random.nextDouble(-0.2, 0.2);
        }
        Workspace ws = new Workspace(net, k, BATCH);
        float[] input = ws.input();
        for (int i = 0; i < BATCH * net.input().size(); i++) input[i] = (float) random.nextDouble(-1, 1);
        int[] labels = {1, 3};

        ws.forward(BATCH);
        ws.zeroGrads();
        ws.backward(labels, 0, loss, 1f);
        float[][] grads = ws.paramGrads();

        double errorSquares = 0, gradSquares = 0;
        for (int p = 0; p < grads.length; p++) {
            Param param = net.params().get(p);
            double max = 0;
            for (float g : grads[p]) max = Math.max(max, Math.abs(g));
            assertTrue(max > 0, param.name() + ": gradient all zero with " + k.name() + ", " + loss);
            float[] v = param.value();
            for (int i = 0; i < v.length; i++) {
                float saved = v[i];
                v[i] = saved + EPS;
                double plus = loss(ws, labels, loss);
                v[i] = saved - EPS;
                double minus = loss(ws, labels, loss);
                v[i] = saved;
                double estimate = (plus - minus) / (2.0 * EPS);
                double tolerance = 3e-2 * Math.abs(grads[p][i]) + 2e-2 * max + 2e-4;
                assertTrue(Math.abs(estimate - grads[p][i]) <= tolerance,
                        param.name() + "[" + i + "] with " + k.name() + ", " + loss + ": backward gives "
                                + grads[p][i] + ", finite differences " + estimate);
                errorSquares += (estimate - grads[p][i]) * (estimate - grads[p][i]);
                gradSquares += (double) grads[p][i] * grads[p][i];
            }
        }
        double relative = Math.sqrt(errorSquares / gradSquares);
        assertTrue(relative < 5e-3, "relative error of the whole gradient with " + k.name() + ", " + loss + ": " + relative);
    }
}
