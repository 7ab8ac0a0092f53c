package org.convscope.engine.kernel.simd;

import org.convscope.engine.kernel.ConvGeometry;
import org.convscope.engine.kernel.Parallel;

/**
 * A convolution's weights w[F][C/G][kH][kW] rearranged into panels of `width` filters for a tile kernel that reads
 * one tap and channel of all the panel's filters at once: wp[gr][panel][t][c][width] =
 * w[gr·F/G + panel·width + j][c][t] for j < width, zero for filters past F/G. Rearranged again only when the caller's
 * weightsVersion changes.
 */
final class Panels {
    private final ConvGeometry g;
    private final int width;
    private final int panels;       // ⌈(F/G) / width⌉ per group
    private final float[] packed;   // [G][panels][taps][C/G][width]
    private boolean filled;
    private long version;

    Panels(ConvGeometry g, int width) {
        this.g = g;
        this.width = width;
        panels = Math.ceilDiv(g.groupFilters(), width);
        packed = new float[g.groups() * panels * g.taps() * g.groupChannels() * width];
    }

    /** Panels per group. */
    int count() {
        return panels;
    }

    /** Offset of panel p of group gr in {@link #of}'s array. */
    int offset(int gr, int p) {
        return (gr * panels + p) * g.taps() * g.groupChannels() * width;
    }

    /** The panels of w, rearranged (panels split over the threads) unless weightsVersion is the last one's. */
    float[] of(float[] w, long weightsVersion, Parallel parallel) {
        if (filled && version == weightsVersion) return packed;
        int fg = g.groupFilters();
        int cg = g.groupChannels();
        int taps = g.taps();
        int all = g.groups() * panels;
        int blocks = Math.min(all, 4 * parallel.threads());
        parallel.forEach(blocks, block -> {
            for (int gp = all * block / blocks, end = all * (block + 1) / blocks; gp < end; gp++) {
                int first = gp / panels * fg + gp % panels * width;
                int filters = Math.min(width, (gp / panels + 1) * fg - first);
                int out = gp * taps * cg * width;
                for (int t = 0; t < taps; t++) {
                    for (int c = 0; c < cg; c++, out += width) {
                        for (int j = 0; j < width; j++) packed[out + j] = j < filters ? w[((first + j) * cg + c) * taps + t] : 0f;
                    }
                }
            }
        });
        filled = true;
        version = weightsVersion;
        return packed;
    }
}
