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
        WholeGradientCheck check = new WholeGradientCheck(ws, new int[] {1, 3}, loss);
        float[][] grads = check.analytic(false);
        for (int p = 0; p < grads.length; p++) check.compare(net.params().get(p).name(), net.params().get(p).value(), grads[p]);
        check.assertWholeAgrees();
    }
}
