package org.convscope.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Proves the JMH wiring (source set, annotation processor, forked JVM flags); replace with real kernels. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 2, time = 1)
public class PlaceholderBench {
    private final float[] values = new float[1024];

    /** Fails the run when the forked JVM lacks the Vector API module that real benchmarks need. */
    @Setup
    public void requireVectorModule() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new IllegalStateException("forked JVM lacks --add-modules jdk.incubator.vector");
        }
    }

    @Benchmark
    public float sum() {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}
