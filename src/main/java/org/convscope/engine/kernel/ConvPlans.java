package org.convscope.engine.kernel;

import org.convscope.engine.kernel.simd.VectorConvPlans;
import org.convscope.engine.kernel.simd.VectorKernels;

/** Makes the {@link ConvPlan} for a geometry and a kernel set. */
public final class ConvPlans {
    private ConvPlans() {}

    /**
     * The fastest plan for g on the vector kernels (see {@link VectorConvPlans}); with any other kernel set, the
     * matrix products over unrolled patches ({@link GemmConv}) on those kernels.
     */
    public static ConvPlan create(ConvGeometry g, Parallel parallel, Kernels kernels) {
        if (kernels instanceof VectorKernels && VectorKernels.supported()) return VectorConvPlans.create(g, parallel);
        return new GemmConv(g, parallel, kernels);
    }
}
