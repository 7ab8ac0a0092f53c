package org.convscope.engine.kernel.simd;

import static org.convscope.engine.kernel.simd.ConvTiles.ROWS;
import static org.convscope.engine.kernel.simd.ConvTiles.WIDTH;

import org.convscope.engine.kernel.ConvGeometry;
import org.convscope.engine.kernel.ConvPlan;
import org.convscope.engine.kernel.GemmConv;
import org.convscope.engine.kernel.Parallel;

/**
 * Any convolution on the wide grid of {@link WideImage}, the positions in the vector lanes: per group, the output
 * Y_g[F/G][q] for runs of {@link ConvTiles#WIDTH} consecutive wide positions q is computed {@link ConvTiles#ROWS}
 * filters at a time ({@link ConvTiles#tile}) straight from X̃ and from the weights in {@link Panels} of ROWS filters.
 * A tile goes straight into y where its positions and filters are all real; otherwise into a small buffer whose
 * real part is then stored by {@link WideStores}. The tiles are split over the threads by {@link TileTasks}: a task
 * takes one panel through all its runs before the next, so that it writes {@link ConvTiles#ROWS} output rows at a
 * time front to back, which the prefetchers follow (a run through all panels writes every filter's row at once: in a
 * network pass, where the output is not in cache, that made 1×1 expansions 2–3 times slower). Backward:
 * {@link GemmConv} with the vector kernels.
 */
final class WideConv implements ConvPlan {
    private static final int[] ONE_TAP = {0};
    /**
     * Channels per group below which a tile walks one table of (tap, channel) offsets instead of a loop over the
     * channels in a loop over the taps: ResNet's stem (3 channels, 49 taps) went from 2.3 to 1.75 ms, as a loop of
     * three steps costs nearly as much to enter as to run; at 8 channels the two were even.
     */
    private static final int TABLE_BELOW = 8;

    private final ConvGeometry g;
    private final Parallel parallel;
    private final WideImage image;
    private final WideStores stores;
    private final int cg;             // C/G
    private final int fg;             // F/G
    private final int taps;           // kH·kW
    private final int positions;      // outH·outW
    private final int panels;         // ⌈(F/G) / ROWS⌉ per group
    private final int runs;           // ⌈span / WIDTH⌉ per group
    private final TileTasks tasks;
    private final Panels weights;     // [G][panels][taps][C/G][ROWS]
    private final float[] bias;       // [G][panels][ROWS]
    private final float[][] tile;     // [slot][ROWS][WIDTH]
    private final float[] lastRun;    // [G][C/G][WIDTH]: the last, partial run of an image read directly, copied
    private final int[] table;        // [taps·C/G]: X̃ offset of each (tap, channel), for few channels; else null
    private GemmConv backward;

    WideConv(ConvGeometry g, Parallel parallel) {
        this.g = g;
        this.parallel = parallel;
        cg = g.groupChannels();
        fg = g.groupFilters();
        taps = g.taps();
        positions = g.outH() * g.outW();
        weights = new Panels(g, ROWS);
        panels = weights.count();
        runs = Math.ceilDiv(WideImage.span(g), WIDTH);
        image = new WideImage(g, runs * WIDTH, true);
        stores = new WideStores(runs, image.span(), image.pitch(), g.outW());
        int threads = parallel.threads();
        tasks = new TileTasks(g.groups(), panels, runs, threads, (long) fg * taps > (long) g.height() * g.width());
        bias = new float[g.groups() * panels * ROWS];
        int slots = Math.min(threads, tasks.count());
        tile = new float[slots][ROWS * WIDTH];
        if (cg < TABLE_BELOW) {
            table = new int[taps * cg];
            for (int t = 0; t < taps; t++) for (int c = 0; c < cg; c++) table[t * cg + c] = image.tapBase()[t] + c * image.plane();
        } else {
            table = null;
        }
        lastRun = image.direct() && runs * WIDTH > image.span() ? new float[g.channels() * WIDTH] : null;
    }

    @Override
    public ConvGeometry geometry() {
        return g;
    }

    @Override
    public void forward(float[] w, long weightsVersion, float[] b, float[] x, int xOff, float[] y, int yOff) {
        float[] packed = weights.of(w, weightsVersion, parallel);
        for (int f = 0; f < g.filters(); f++) bias[(f / fg * panels) * ROWS + f % fg] = b[f];
        image.fill(x, xOff, parallel);
        if (lastRun != null) {
            int q = (runs - 1) * WIDTH;
            for (int c = 0; c < g.channels(); c++) System.arraycopy(x, xOff + c * positions + q, lastRun, c * WIDTH, positions - q);
        }
        float[] src = image.direct() ? x : image.data();
        int srcOff = image.direct() ? xOff : 0;
        tasks.run(parallel, (gr, p, r, slot) -> tile(gr, r, p, src, srcOff, packed, y, yOff, slot));
    }

    /** Run r (wide positions [r·WIDTH, (r + 1)·WIDTH)) × panel p of group gr, into y. */
    private void tile(int gr, int r, int p, float[] src, int srcOff, float[] packed, float[] y, int yOff, int slot) {
        int q = r * WIDTH;
        int f0 = gr * fg + p * ROWS;
        int rows = Math.min(ROWS, (gr + 1) * fg - f0);
        int wOff = weights.offset(gr, p);
        int bOff = (gr * panels + p) * ROWS;
        boolean wholeRun = q + WIDTH <= image.span();
        boolean intoY = wholeRun && rows == ROWS && image.pitch() == g.outW();
        float[] out = intoY ? y : tile[slot];
        int outOff = intoY ? yOff + f0 * positions + q : 0;
        int ldo = intoY ? positions : WIDTH;
        if (image.direct() && !wholeRun) {
            ConvTiles.tile(1, ONE_TAP, cg, WIDTH, lastRun, gr * cg * WIDTH, packed, wOff, bias, bOff, out, outOff, ldo);
        } else {
            if (table != null) ConvTiles.tileTable(taps * cg, table, src, srcOff + gr * cg * image.plane() + q, packed, wOff, bias, bOff, out, outOff, ldo);
            else ConvTiles.tile(taps, image.tapBase(), cg, image.plane(), src, srcOff + gr * cg * image.plane() + q, packed, wOff, bias, bOff, out, outOff, ldo);
        }
        if (!intoY) stores.store(r, tile[slot], rows, y, yOff + f0 * positions, positions);
    }

    @Override
    public void backward(float[] w, float[] x, int xOff, float[] dy, int dyOff, float[] dw, float[] db, float[] dx, int dxOff) {
        if (backward == null) backward = new GemmConv(g, parallel, VectorKernels.INSTANCE);
        backward.backward(w, x, xOff, dy, dyOff, dw, db, dx, dxOff);
    }
}
