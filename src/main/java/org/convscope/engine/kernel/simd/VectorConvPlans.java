package org.convscope.engine.kernel.simd;

import org.convscope.engine.kernel.ConvGeometry;
import org.convscope.engine.kernel.ConvPlan;
import org.convscope.engine.kernel.Parallel;

/**
 * The Vector API convolution plans, chosen by geometry: depthwise ones by {@link DepthwiseConv}, small outputs with
 * many filters with the filters in the lanes ({@link FilterLaneConv}), the rest with the positions in the lanes
 * ({@link WideConv}).
 */
public final class VectorConvPlans {
    private VectorConvPlans() {}

    public static ConvPlan create(ConvGeometry g, Parallel parallel) {
        if (g.depthwise()) return new DepthwiseConv(g, parallel);
        if (FilterLaneConv.suits(g)) return new FilterLaneConv(g, parallel);
        return new WideConv(g, parallel);
    }
}
