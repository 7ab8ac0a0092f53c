package org.convscope.engine.kernel;

import java.util.Arrays;

/**
 * A convolution as matrix products over the unrolled patches of each group ({@link Patches}), with any
 * {@link Kernels}: the plan for the scalar kernels, and the backward pass of every plan. Per group g, with col[K][P]
 * its patch matrix (K = (C/G)·kH·kW, P = outH·outW), W_g[F/G][K] its weights and dY_g[F/G][P] its rows of dy:
 * <ul>
 *   <li>forward: Y_g = W_g · col + b_g;</li>
 *   <li>backward: db += Σ_p dY_g, dW_g += dY_g · colᵀ, dcol = W_gᵀ · dY_g folded back onto dx.</li>
 * </ul>
 * The patches are unrolled up to {@value #CHUNK} positions at a time (a 1×1 convolution with stride 1 and no padding
 * uses the input rows themselves), and dW_g's product is taken {@value #DW_ROWS} rows of col at a time, so that those
 * rows stay in cache while every filter's dot products with them are taken (col had been read again for every four
 * filters). Where there are few positions (ResNet's 7×7 layers: dot products of 49 terms, each reduced across the
 * lanes) backward lays the patches out one per row instead, colᵀ[P][K], and takes dW_g += dY_g · colᵀ and
 * dcolᵀ = dY_gᵀ · W_g with the vectors along K. With as many groups as threads the groups are the tasks; otherwise
 * each step of a group is split: the unrolling by rows or positions, the products by rows or columns of their output,
 * the fold by channels.
 */
public final class GemmConv implements ConvPlan {
    /** Spare floats after each buffer: vector reads near the end of an array stay inside it. */
    private static final int SLACK = 64;
    /** Positions per chunk at most: long enough dot products for dW, a patch matrix of a few MB at most. */
    private static final int CHUNK = 1024;
    /** Rows of col per block of dW's product: 48 rows of 1024 positions are 192 KB. */
    private static final int DW_ROWS = 48;
    /** Positions below which backward unrolls the patches one per row. */
    private static final int ROWS_BELOW = 256;

    private final ConvGeometry g;
    private final Parallel parallel;
    private final Kernels kernels;
    private final int positions;     // P = outH·outW
    private final int patch;         // K = (C/G)·kH·kW
    private final int chunk;         // positions per chunk of col
    private final boolean byGroup;   // groups are the tasks
    private final boolean byRow;     // backward unrolls colᵀ[P][K]
    private final float[][] col;     // [slot][K·chunk] or [slot][P·K], allocated on first use
    private final float[][] dcol;    // likewise, for dL/dx

    public GemmConv(ConvGeometry g, Parallel parallel, Kernels kernels) {
        this.g = g;
        this.parallel = parallel;
        this.kernels = kernels;
        positions = g.outH() * g.outW();
        patch = g.groupChannels() * g.taps();
        chunk = Math.ceilDiv(positions, Math.ceilDiv(positions, CHUNK));
        byGroup = g.groups() >= parallel.threads() && g.groups() > 1;
        byRow = positions < ROWS_BELOW;
        int slots = byGroup ? Math.min(parallel.threads(), g.groups()) : 1;
        col = new float[slots][];
        dcol = new float[slots][];
    }

    @Override
    public ConvGeometry geometry() {
        return g;
    }

    private float[] buffer(float[][] set, int slot, int size) {
        if (set[slot] == null || set[slot].length < size + SLACK) set[slot] = new float[size + SLACK];
        return set[slot];
    }

    /** Tasks to split n rows into on p: at least `unit` rows each, a few per thread. */
    private static int blocks(Parallel p, int n, int unit) {
        return p.threads() == 1 ? 1 : Math.clamp(n / unit, 1, 4 * p.threads());
    }

    /** First row of block b of n rows split into blocks, rounded down to a multiple of unit. */
    private static int from(int b, int blocks, int n, int unit) {
        return b == blocks ? n : Math.min(n, (int) ((long) n * b / blocks / unit * unit));
    }

    /** Runs group(gr, p, slot) for every group: the groups as tasks, or one after the other on every thread. */
    private void eachGroup(GroupStep step) {
        if (byGroup) {
            parallel.forEachWithSlot(g.groups(), (gr, slot) -> step.run(gr, Parallel.SERIAL, slot));
        } else {
            for (int gr = 0; gr < g.groups(); gr++) step.run(gr, parallel, 0);
        }
    }

    @FunctionalInterface
    private interface GroupStep {
        void run(int gr, Parallel p, int slot);
    }

    /**
     * Positions [p0, p1) of group gr's patch matrix: the input rows themselves for a pointwise geometry (returned
     * offset ≥ 0 into x, leading dimension P), else unrolled into col[slot] (offset 0, leading dimension p1 − p0).
     */
    private float[] columns(int gr, float[] x, int xOff, int p0, int p1, Parallel p, int slot) {
        if (g.pointwise()) return x;
        int n = p1 - p0;
        float[] c = buffer(col, slot, patch * n);
        int blocks = blocks(p, patch, 8);
        p.forEach(blocks, b -> Patches.unroll(g, gr, x, xOff, c, 0, n, 1, from(b, blocks, patch, 1), from(b + 1, blocks, patch, 1), p0, p1));
        return c;
    }

    @Override
    public void forward(float[] w, long weightsVersion, float[] bias, float[] x, int xOff, float[] y, int yOff) {
        int fg = g.groupFilters();
        eachGroup((gr, p, slot) -> {
            for (int p0 = 0; p0 < positions; p0 += chunk) {
                int start = p0;
                int n = Math.min(chunk, positions - p0);
                float[] b = columns(gr, x, xOff, p0, p0 + n, p, slot);
                int bOff = g.pointwise() ? xOff + gr * g.groupChannels() * positions + p0 : 0;
                int ldb = g.pointwise() ? positions : n;
                int blocks = blocks(p, fg, 6);
                p.forEach(blocks, k -> {
                    int f0 = gr * fg + from(k, blocks, fg, 6);
                    int f1 = gr * fg + from(k + 1, blocks, fg, 6);
                    for (int f = f0; f < f1; f++) Arrays.fill(y, yOff + f * positions + start, yOff + f * positions + start + n, bias[f]);
                    if (f1 > f0) kernels.gemmNN(f1 - f0, n, patch, w, f0 * patch, patch, b, bOff, ldb, y, yOff + f0 * positions + start, positions);
                });
            }
        });
    }

    @Override
    public void backward(float[] w, float[] x, int xOff, float[] dy, int dyOff, float[] dw, float[] db, float[] dx, int dxOff) {
        if (dx != null) Arrays.fill(dx, dxOff, dxOff + g.inputSize(), 0f);
        for (int f = 0; f < g.filters(); f++) {
            float sum = 0f;
            for (int i = dyOff + f * positions, end = i + positions; i < end; i++) sum += dy[i];
            db[f] += sum;
        }
        eachGroup((gr, p, slot) -> {
            if (byRow) backwardByRow(gr, w, x, xOff, dy, dyOff, dw, dx, dxOff, p, slot);
            else backwardByColumn(gr, w, x, xOff, dy, dyOff, dw, dx, dxOff, p, slot);
        });
    }

    /** Group gr's dW and dx a chunk of positions at a time, with col[K][n]. */
    private void backwardByColumn(int gr, float[] w, float[] x, int xOff, float[] dy, int dyOff, float[] dw, float[] dx, int dxOff,
                                  Parallel p, int slot) {
        int fg = g.groupFilters();
        int cg = g.groupChannels();
        int dyRows = dyOff + gr * fg * positions;
        int wRows = gr * fg * patch;
        for (int p0 = 0; p0 < positions; p0 += chunk) {
            int start = p0;
            int n = Math.min(chunk, positions - p0);
            float[] b = columns(gr, x, xOff, p0, p0 + n, p, slot);
            int bOff = g.pointwise() ? xOff + gr * cg * positions + p0 : 0;
            int ldb = g.pointwise() ? positions : n;
            float[] d = dx == null || g.pointwise() ? null : buffer(dcol, slot, patch * n);
            int wBlocks = Math.ceilDiv(patch, DW_ROWS);
            int dBlocks = dx == null ? 0 : blocks(p, patch, 6);
            p.forEach(wBlocks + dBlocks, k -> {
                if (k < wBlocks) {
                    int r0 = k * DW_ROWS;
                    int rows = Math.min(DW_ROWS, patch - r0);
                    kernels.gemmNT(fg, rows, n, dy, dyRows + start, positions, b, bOff + r0 * ldb, ldb, dw, wRows + r0, patch);
                    return;
                }
                int r0 = from(k - wBlocks, dBlocks, patch, 6);
                int r1 = from(k - wBlocks + 1, dBlocks, patch, 6);
                if (r1 <= r0) return;
                if (d == null) {
                    kernels.gemmTN(r1 - r0, n, fg, w, wRows + r0, patch, dy, dyRows + start, positions, dx, dxOff + (gr * cg + r0) * positions + start, positions);
                } else {
                    Arrays.fill(d, r0 * n, r1 * n, 0f);
                    kernels.gemmTN(r1 - r0, n, fg, w, wRows + r0, patch, dy, dyRows + start, positions, d, r0 * n, n);
                }
            });
            if (d != null) {
                int blocks = blocks(p, cg, 1);
                p.forEach(blocks, k -> Patches.fold(g, gr, d, 0, n, 1, dx, dxOff, from(k, blocks, cg, 1), from(k + 1, blocks, cg, 1), start, start + n, kernels));
            }
        }
    }

    /** Group gr's dW and dx with colᵀ[P][K]: dW_g += dY_g · colᵀ, dcolᵀ = dY_gᵀ · W_g, the vectors along K. */
    private void backwardByRow(int gr, float[] w, float[] x, int xOff, float[] dy, int dyOff, float[] dw, float[] dx, int dxOff,
                               Parallel p, int slot) {
        int fg = g.groupFilters();
        int cg = g.groupChannels();
        int dyRows = dyOff + gr * fg * positions;
        int wRows = gr * fg * patch;
        float[] c = buffer(col, slot, positions * patch);
        float[] d = dx == null ? null : buffer(dcol, slot, positions * patch);
        int pBlocks = blocks(p, positions, 1);
        p.forEach(pBlocks, k -> {
            int p0 = from(k, pBlocks, positions, 1);
            Patches.unroll(g, gr, x, xOff, c, p0 * patch, 1, patch, 0, patch, p0, from(k + 1, pBlocks, positions, 1));
        });
        int wBlocks = blocks(p, fg, 6);
        int dBlocks = dx == null ? 0 : blocks(p, patch, 64);
        p.forEach(wBlocks + dBlocks, k -> {
            if (k < wBlocks) {
                int f0 = from(k, wBlocks, fg, 6);
                int f1 = from(k + 1, wBlocks, fg, 6);
                if (f1 > f0) kernels.gemmNN(f1 - f0, patch, positions, dy, dyRows + f0 * positions, positions, c, 0, patch, dw, wRows + f0 * patch, patch);
                return;
            }
            int k0 = from(k - wBlocks, dBlocks, patch, 16);
            int k1 = from(k - wBlocks + 1, dBlocks, patch, 16);
            if (k1 <= k0) return;
            for (int i = 0; i < positions; i++) Arrays.fill(d, i * patch + k0, i * patch + k1, 0f);
            kernels.gemmTN(positions, k1 - k0, fg, dy, dyRows, positions, w, wRows + k0, patch, d, k0, patch);
        });
        if (d != null) {
            int blocks = blocks(p, cg, 1);
            p.forEach(blocks, k -> Patches.fold(g, gr, d, 0, 1, patch, dx, dxOff, from(k, blocks, cg, 1), from(k + 1, blocks, cg, 1), 0, positions, kernels));
        }
    }
}
