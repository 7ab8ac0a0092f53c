package org.convscope.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.convscope.engine.Network;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.ScalarKernels;
import org.convscope.engine.layer.Layer;
import org.convscope.engine.layer.UnaryLayer;
import org.convscope.engine.spec.Presets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * LeNet-5's convolution and fully connected layers, forward and backward on a batch of 32, with the Vector API
 * kernels against the scalar ones in the same run (compare the two rows of each benchmark, not absolute times).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// The Vector API kernels run far slower until C2 has compiled them (seconds): warm up long enough.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LayerBench {
    private static final int BATCH = 32;

    @Param({"vector", "scalar"})
    public String kernels;

    @Param({"conv1", "conv2", "fc1", "fc2"})
    public String layer;

    private Kernels k;
    private UnaryLayer target;
    private Layer.Scratch scratch;
    private float[] x;
    private float[] y;
    private float[] dy;
    private float[] dx;
    private float[][] grads;

    @Setup
    public void setUp() {
        k = kernels.equals("scalar") ? ScalarKernels.INSTANCE : KernelSelection.preferred();
        Network net = Network.initialized(Presets.lenet5(), 1);
        target = (UnaryLayer) net.layers().get(net.indexOf(layer));
        scratch = target.newScratch(BATCH);
        SplittableRandom random = new SplittableRandom(2);
        x = new float[BATCH * target.input().size()];
        for (int i = 0; i < x.length; i++) x[i] = (float) random.nextDouble();
        y = new float[BATCH * target.output().size()];
        dy = new float[y.length];
        for (int i = 0; i < dy.length; i++) dy[i] = (float) random.nextGaussian();
        dx = new float[x.length];
        grads = new float[target.params().size()][];
        for (int i = 0; i < grads.length; i++) grads[i] = new float[target.params().get(i).size()];
        target.forward(k, x, y, BATCH, scratch);
    }

    @Benchmark
    public float[] forward() {
        target.forward(k, x, y, BATCH, scratch);
        return y;
    }

    @Benchmark
    public float[][] backward() {
        target.backward(k, x, y, dy, dx, BATCH, scratch, grads);
        return grads;
    }
}
