package org.convscope.engine;

import java.util.stream.Stream;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.ScalarKernels;
import org.convscope.engine.kernel.simd.VectorKernels;

/** The kernel implementations every engine test runs with: the scalar oracle and the Vector API path. */
public final class TestKernels {
    private TestKernels() {}

    public static Stream<Kernels> all() {
        return Stream.of(ScalarKernels.INSTANCE, VectorKernels.INSTANCE);
    }
}
