package org.convscope.engine.kernel.simd;

import org.convscope.engine.kernel.ConvGeometry;
import org.convscope.engine.kernel.ConvPlan;
import org.convscope.engine.kernel.Parallel;

/** The Vector API convolution plans, chosen by geometry: depthwise ones row by row, the rest on the wide grid. */
public final class VectorConvPlans {
    private VectorConvPlans() {}

    public static ConvPlan create(ConvGeometry g, Parallel parallel) {
        if (g.depthwise()) return new DepthwiseConv(g, parallel);
        return new WideConv(g, parallel);
    }
}
