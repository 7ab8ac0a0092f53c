package org.convscope.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.ScalarKernels;
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
 * The three matrix products at the shapes LeNet-5's training uses (batch 32), vector against scalar kernels:
 * conv2 forward (NN, 16 × 3200 × 150), conv2 weight gradient (NT, 16 × 150 × 3200), fc1 forward (NT, 32 × 120 × 400).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// The Vector API kernels run far slower until C2 has compiled them (seconds): warm up long enough.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBench {
    @Param({"vector", "scalar"})
    public String kernels;

    private Kernels k;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup
    public void setUp() {
        k = kernels.equals("scalar") ? ScalarKernels.INSTANCE : KernelSelection.preferred();
        SplittableRandom random = new SplittableRandom(3);
        a = new float[16 * 3200];
        b = new float[150 * 3200];
        c = new float[16 * 3200];
        for (int i = 0; i < a.length; i++) a[i] = (float) random.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = (float) random.nextGaussian();
    }

    @Benchmark
    public float[] convForwardNN() {
        k.gemmNN(16, 3200, 150, a, 0, 150, b, 0, 3200, c, 0, 3200);
        return c;
    }

    @Benchmark
    public float[] convWeightGradientNT() {
        k.gemmNT(16, 150, 3200, a, 0, 3200, b, 0, 3200, c, 0, 150);
        return c;
    }

    @Benchmark
    public float[] denseForwardNT() {
        k.gemmNT(32, 120, 400, b, 0, 400, a, 0, 400, c, 0, 120);
        return c;
    }
}
