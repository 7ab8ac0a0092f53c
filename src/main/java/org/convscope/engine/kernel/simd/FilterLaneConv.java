package org.convscope.engine.kernel.simd;

import static org.convscope.engine.kernel.simd.FilterTiles.POSITIONS;
import static org.convscope.engine.kernel.simd.FilterTiles.WIDTH;

import org.convscope.engine.kernel.ConvGeometry;
import org.convscope.engine.kernel.ConvPlan;
import org.convscope.engine.kernel.GemmConv;
import org.convscope.engine.kernel.Parallel;

/**
 * Any convolution on the wide grid of {@link WideImage} with the filters in the vector lanes, for small outputs
 * with many filters (ResNet's and MobileNet's 7×7 layers): there 49 positions fill 64 lanes of {@link WideConv}, while
 * 512 filters fill their lanes exactly. Per group, tiles of {@link FilterTiles#POSITIONS} consecutive positions of
 * one output row (the last tile of a row shifted left to end at the row's end, where the row is long enough) ×
 * {@link FilterTiles#WIDTH} filters, from X̃ and from the weights in {@link Panels} of WIDTH filters; each tile is
 * then written out transposed, with the bias. Tasks are blocks of panels and of tiles; a task takes one panel through all its tiles. Backward:
 * {@link GemmConv} with the vector kernels.
 */
final class FilterLaneConv implements ConvPlan {
    private final ConvGeometry g;
    private final Parallel parallel;
    private final WideImage image;
    private final int cg;          // C/G
    private final int fg;          // F/G
    private final int taps;        // kH·kW
    private final int positions;   // outH·outW
    private final int rowTiles;    // tiles per output row
    private final int tiles;       // tiles per group
    private final int panels;      // ⌈(F/G) / WIDTH⌉ per group
    private final TileTasks tasks;
    private final Panels weights;  // [G][panels][taps][C/G][WIDTH]
    private final float[][] tile;  // [slot][POSITIONS][WIDTH]
    private GemmConv backward;

    FilterLaneConv(ConvGeometry g, Parallel parallel) {
        this.g = g;
        this.parallel = parallel;
        cg = g.groupChannels();
        fg = g.groupFilters();
        taps = g.taps();
        positions = g.outH() * g.outW();
        rowTiles = Math.ceilDiv(g.outW(), POSITIONS);
        tiles = g.outH() * rowTiles;
        weights = new Panels(g, WIDTH);
        panels = weights.count();
        // A row narrower than a tile reads past its end into the next row, and past the image after the last.
        image = new WideImage(g, WideImage.span(g) + POSITIONS, g.outW() >= POSITIONS);
        tasks = new TileTasks(g.groups(), panels, tiles, parallel.threads(), true);
        tile = new float[Math.min(parallel.threads(), tasks.count())][POSITIONS * WIDTH];
    }

    /** Bytes of one panel of weights above which its tiles read it from beyond the level-2 cache too often. */
    private static final long PANEL_BYTES = 256 * 1024;

    /**
     * Whether the filters in the lanes use them better than {@link WideConv}'s positions do, by a clear margin:
     * the share of real lanes in either, counting the positions of tiles and runs and the filters of panels. Not
     * where a panel of weights is large (ResNet's 3×3 convolutions of 512 channels at 7×7: a 590 KB panel per 7
     * positions made this 10% slower than the wide grid with its idle lanes).
     */
    static boolean suits(ConvGeometry g) {
        if ((long) g.taps() * g.groupChannels() * WIDTH * Float.BYTES > PANEL_BYTES) return false;
        double positions = (double) g.outH() * g.outW();
        int fg = g.groupFilters();
        double wide = positions / (Math.ceilDiv(WideImage.span(g), ConvTiles.WIDTH) * ConvTiles.WIDTH)
                * fg / (Math.ceilDiv(fg, ConvTiles.ROWS) * ConvTiles.ROWS);
        double lanes = positions / (g.outH() * Math.ceilDiv(g.outW(), POSITIONS) * POSITIONS)
                * fg / (Math.ceilDiv(fg, WIDTH) * WIDTH);
        return lanes > wide + 0.15;
    }

    @Override
    public ConvGeometry geometry() {
        return g;
    }

    @Override
    public void forward(float[] w, long weightsVersion, float[] bias, float[] x, int xOff, float[] y, int yOff) {
        float[] packed = weights.of(w, weightsVersion, parallel);
        image.fill(x, xOff, parallel);
        float[] src = image.direct() ? x : image.data();
        int srcOff = image.direct() ? xOff : 0;
        tasks.run(parallel, (gr, p, t, slot) -> tile(gr, p, t, src, srcOff, packed, bias, y, yOff, slot));
    }

    /** Tile t (row t / rowTiles) × panel p of group gr, into y with the bias. */
    private void tile(int gr, int p, int t, float[] src, int srcOff, float[] packed, float[] bias, float[] y, int yOff, int slot) {
        int oy = t / rowTiles;
        int ox = Math.max(0, Math.min(t % rowTiles * POSITIONS, g.outW() - POSITIONS));
        int real = Math.min(POSITIONS, g.outW() - ox);
        int f0 = gr * fg + p * WIDTH;
        int filters = Math.min(WIDTH, (gr + 1) * fg - f0);
        float[] out = tile[slot];
        FilterTiles.tile(taps, image.tapBase(), cg, image.plane(), src, srcOff + gr * cg * image.plane() + oy * image.pitch() + ox,
                packed, weights.offset(gr, p), out);
        int at = yOff + oy * g.outW() + ox;
        for (int f = 0; f < filters; f++) {
            float b = bias[f0 + f];
            int row = at + (f0 + f) * positions;
            for (int i = 0; i < real; i++) y[row + i] = out[i * WIDTH + f] + b;
        }
    }

    @Override
    public void backward(float[] w, float[] x, int xOff, float[] dy, int dyOff, float[] dw, float[] db, float[] dx, int dxOff) {
        if (backward == null) backward = new GemmConv(g, parallel, VectorKernels.INSTANCE);
        backward.backward(w, x, xOff, dy, dyOff, dw, db, dx, dxOff);
    }
}
