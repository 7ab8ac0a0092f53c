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
 * {@link FilterTiles#WIDTH} filters, from X̃ and from the weights rearranged once per weightsVersion into panels
 * wp[panel][tap][channel][WIDTH] (filters past F/G are zero); each tile is then written out transposed, with the
 * bias. Tasks are blocks of panels and of tiles; a task takes one panel through all its tiles. Backward:
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
    private final int tileBlock;   // tiles per task
    private final int panelBlock;  // panels per task
    private final int tasks;
    private final float[] packed;  // [G][panels][taps][C/G][WIDTH]
    private final float[][] tile;  // [slot][POSITIONS][WIDTH]
    private boolean packedOnce;
    private long version;
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
        panels = Math.ceilDiv(fg, WIDTH);
        // A row narrower than a tile reads past its end into the next row, and past the image after the last.
        image = new WideImage(g, WideImage.span(g) + POSITIONS, g.outW() >= POSITIONS);
        int threads = parallel.threads();
        int want = Math.max(1, Math.ceilDiv(4 * threads, g.groups()));
        int panelBlocks = Math.min(panels, want);
        int tileBlocks = Math.min(tiles, Math.ceilDiv(want, panelBlocks));
        panelBlock = Math.ceilDiv(panels, panelBlocks);
        tileBlock = Math.ceilDiv(tiles, tileBlocks);
        tasks = g.groups() * Math.ceilDiv(panels, panelBlock) * Math.ceilDiv(tiles, tileBlock);
        packed = new float[g.groups() * panels * taps * cg * WIDTH];
        tile = new float[Math.min(threads, tasks)][POSITIONS * WIDTH];
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
        if (!packedOnce || version != weightsVersion) {
            pack(w);
            packedOnce = true;
            version = weightsVersion;
        }
        image.fill(x, xOff, parallel);
        float[] src = image.direct() ? x : image.data();
        int srcOff = image.direct() ? xOff : 0;
        int panelTasks = Math.ceilDiv(panels, panelBlock);
        int tileTasks = Math.ceilDiv(tiles, tileBlock);
        parallel.forEachWithSlot(tasks, (task, slot) -> {
            int gr = task / (panelTasks * tileTasks);
            int p0 = task / tileTasks % panelTasks * panelBlock;
            int t0 = task % tileTasks * tileBlock;
            int p1 = Math.min(panels, p0 + panelBlock);
            int t1 = Math.min(tiles, t0 + tileBlock);
            for (int p = p0; p < p1; p++) for (int t = t0; t < t1; t++) tile(gr, p, t, src, srcOff, bias, y, yOff, slot);
        });
    }

    /** wp[gr][panel][t][c][f] = w[gr·F/G + panel·WIDTH + f][c][t], zero for filters past F/G; panels split over threads. */
    private void pack(float[] w) {
        int all = g.groups() * panels;
        int blocks = Math.min(all, 4 * parallel.threads());
        parallel.forEach(blocks, block -> {
            for (int gp = all * block / blocks, end = all * (block + 1) / blocks; gp < end; gp++) {
                int first = gp / panels * fg + gp % panels * WIDTH;
                int filters = Math.min(WIDTH, (gp / panels + 1) * fg - first);
                int out = gp * taps * cg * WIDTH;
                for (int t = 0; t < taps; t++) {
                    for (int c = 0; c < cg; c++, out += WIDTH) {
                        for (int f = 0; f < WIDTH; f++) packed[out + f] = f < filters ? w[((first + f) * cg + c) * taps + t] : 0f;
                    }
                }
            }
        });
    }

    /** Tile t (row t / rowTiles) × panel p of group gr, into y with the bias. */
    private void tile(int gr, int p, int t, float[] src, int srcOff, float[] bias, float[] y, int yOff, int slot) {
        int oy = t / rowTiles;
        int ox = Math.max(0, Math.min(t % rowTiles * POSITIONS, g.outW() - POSITIONS));
        int real = Math.min(POSITIONS, g.outW() - ox);
        int f0 = gr * fg + p * WIDTH;
        int filters = Math.min(WIDTH, (gr + 1) * fg - f0);
        float[] out = tile[slot];
        FilterTiles.tile(taps, image.tapBase(), cg, image.plane(), src, srcOff + gr * cg * image.plane() + oy * image.pitch() + ox,
                packed, (gr * panels + p) * taps * cg * WIDTH, out);
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
