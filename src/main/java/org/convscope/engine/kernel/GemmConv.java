package org.convscope.engine.kernel;

import java.util.Arrays;

/**
 * A convolution as matrix products over the unrolled patches of each group ({@link Patches}), with any
 * {@link Kernels}: the plan for the scalar kernels, and the backward pass of every plan. Per group g, with
 * col[K][P] its patch matrix (K = (C/G)·kH·kW, P = outH·outW; a 1×1 convolution with stride 1 and no padding uses the
 * input rows themselves), W_g[F/G][K] its weights and dY_g[F/G][P] its rows of dy:
 * <ul>
 *   <li>forward: Y_g = W_g · col + b_g;</li>
 *   <li>backward: dW_g += dY_g · colᵀ, db += Σ_p dY_g, dcol = W_gᵀ · dY_g folded back onto dx.</li>
 * </ul>
 * With as many groups as threads the groups are the tasks; otherwise each step of a group is split: the unrolling by
 * rows of col, the products by rows of their output, the fold by channels.
 */
public final class GemmConv implements ConvPlan {
    /** Spare floats after each buffer: vector reads near the end of an array stay inside it. */
    private static final int SLACK = 64;

    private final ConvGeometry g;
    private final Parallel parallel;
    private final Kernels kernels;
    private final int positions;    // P = outH·outW
    private final int patch;        // K = (C/G)·kH·kW
    private final boolean byGroup;  // groups are the tasks
    private float[][] col;          // [slot][K][P], allocated on first use (not for pointwise geometries)
    private float[][] dcol;         // [slot][K][P], likewise, when dx is asked for

    public GemmConv(ConvGeometry g, Parallel parallel, Kernels kernels) {
        this.g = g;
        this.parallel = parallel;
        this.kernels = kernels;
        positions = g.outH() * g.outW();
        patch = g.groupChannels() * g.taps();
        byGroup = g.groups() >= parallel.threads();
    }

    @Override
    public ConvGeometry geometry() {
        return g;
    }

    private int slots() {
        return byGroup ? Math.min(parallel.threads(), g.groups()) : 1;
    }

    private float[] buffer(float[][] set, int slot) {
        if (set[slot] == null) set[slot] = new float[patch * positions + SLACK];
        return set[slot];
    }

    /** The patch matrix of group gr in slot's buffer, or null where the input rows serve as it. */
    private float[] patches(int gr, float[] x, int xOff, int slot) {
        if (g.pointwise()) return null;
        if (col == null) col = new float[slots()][];
        float[] c = buffer(col, slot);
        if (byGroup) {
            Patches.unroll(g, gr, x, xOff, c, 0, patch);
        } else {
            int blocks = blocks(patch, 1);
            parallel.forEach(blocks, b -> Patches.unroll(g, gr, x, xOff, c, from(b, blocks, patch, 1), from(b + 1, blocks, patch, 1)));
        }
        return c;
    }

    /** Tasks to split n rows into when one group runs on every thread: at least `unit` rows each. */
    private int blocks(int n, int unit) {
        return parallel.threads() == 1 ? 1 : Math.clamp(n / unit, 1, 4 * parallel.threads());
    }

    /** First row of block b of n rows split into blocks, rounded to a multiple of unit. */
    private static int from(int b, int blocks, int n, int unit) {
        return b == blocks ? n : Math.min(n, (int) ((long) n * b / blocks / unit * unit));
    }

    @Override
    public void forward(float[] w, long weightsVersion, float[] bias, float[] x, int xOff, float[] y, int yOff) {
        if (byGroup) {
            parallel.forEachWithSlot(g.groups(), (gr, slot) -> forwardRows(gr, w, bias, x, xOff, patches(gr, x, xOff, slot), y, yOff, 0, g.groupFilters()));
            return;
        }
        int fg = g.groupFilters();
        int blocks = blocks(fg, 6);
        for (int gr = 0; gr < g.groups(); gr++) {
            int group = gr;
            float[] c = patches(gr, x, xOff, 0);
            parallel.forEach(blocks, b -> forwardRows(group, w, bias, x, xOff, c, y, yOff, from(b, blocks, fg, 6), from(b + 1, blocks, fg, 6)));
        }
    }

    /** Filters [f0, f1) of group gr: Y_g = W_g · col + b_g, with col the input rows when it is null. */
    private void forwardRows(int gr, float[] w, float[] bias, float[] x, int xOff, float[] col, float[] y, int yOff, int f0, int f1) {
        if (f0 >= f1) return;
        int first = gr * g.groupFilters() + f0;
        for (int f = first; f < first + f1 - f0; f++) Arrays.fill(y, yOff + f * positions, yOff + (f + 1) * positions, bias[f]);
        float[] b = col == null ? x : col;
        int bOff = col == null ? xOff + gr * g.groupChannels() * positions : 0;
        kernels.gemmNN(f1 - f0, positions, patch, w, first * patch, patch, b, bOff, positions, y, yOff + first * positions, positions);
    }

    @Override
    public void backward(float[] w, float[] x, int xOff, float[] dy, int dyOff, float[] dw, float[] db, float[] dx, int dxOff) {
        if (dx != null) Arrays.fill(dx, dxOff, dxOff + g.inputSize(), 0f);
        if (dx != null && dcol == null && !g.pointwise()) dcol = new float[slots()][];
        if (byGroup) {
            parallel.forEachWithSlot(g.groups(), (gr, slot) -> {
                float[] c = patches(gr, x, xOff, slot);
                weightGradient(gr, dy, dyOff, x, xOff, c, dw, db, 0, g.groupFilters());
                if (dx != null) inputGradient(gr, w, dy, dyOff, dx, dxOff, slot, 0, patch, true);
            });
            return;
        }
        if (dx != null && !g.pointwise()) buffer(dcol, 0); // before the tasks share it
        int fg = g.groupFilters();
        int wBlocks = blocks(fg, 4);
        int dBlocks = dx == null ? 0 : blocks(patch, 6);
        for (int gr = 0; gr < g.groups(); gr++) {
            int group = gr;
            float[] c = patches(gr, x, xOff, 0);
            parallel.forEach(wBlocks + dBlocks, b -> {
                if (b < wBlocks) {
                    weightGradient(group, dy, dyOff, x, xOff, c, dw, db, from(b, wBlocks, fg, 4), from(b + 1, wBlocks, fg, 4));
                } else {
                    int d = b - wBlocks;
                    inputGradient(group, w, dy, dyOff, dx, dxOff, 0, from(d, dBlocks, patch, 6), from(d + 1, dBlocks, patch, 6), false);
                }
            });
            if (dx != null && !g.pointwise()) {
                int cg = g.groupChannels();
                int cBlocks = blocks(cg, 1);
                parallel.forEach(cBlocks, b -> Patches.fold(g, group, dcol[0], dx, dxOff, from(b, cBlocks, cg, 1), from(b + 1, cBlocks, cg, 1)));
            }
        }
    }

    /** Filters [f0, f1) of group gr: dW_g += dY_g · colᵀ and db += Σ_p dY_g, with col the input rows when it is null. */
    private void weightGradient(int gr, float[] dy, int dyOff, float[] x, int xOff, float[] col, float[] dw, float[] db, int f0, int f1) {
        if (f0 >= f1) return;
        int first = gr * g.groupFilters() + f0;
        for (int f = first; f < first + f1 - f0; f++) {
            float sum = 0f;
            for (int i = dyOff + f * positions, end = i + positions; i < end; i++) sum += dy[i];
            db[f] += sum;
        }
        float[] b = col == null ? x : col;
        int bOff = col == null ? xOff + gr * g.groupChannels() * positions : 0;
        kernels.gemmNT(f1 - f0, patch, positions, dy, dyOff + first * positions, positions, b, bOff, positions, dw, first * patch, patch);
    }

    /**
     * Rows [r0, r1) of dcol = W_gᵀ · dY_g for group gr, into the slot's dcol (folded onto dx when fold is set) or,
     * for a pointwise geometry, straight into dx's rows of the group's channels (which backward zeroed).
     */
    private void inputGradient(int gr, float[] w, float[] dy, int dyOff, float[] dx, int dxOff, int slot, int r0, int r1, boolean fold) {
        if (r0 >= r1) return;
        int fg = g.groupFilters();
        int wOff = gr * fg * patch + r0;
        int dyRows = dyOff + gr * fg * positions;
        if (g.pointwise()) {
            kernels.gemmTN(r1 - r0, positions, fg, w, wOff, patch, dy, dyRows, positions, dx, dxOff + (gr * g.groupChannels() + r0) * positions, positions);
            return;
        }
        float[] d = buffer(dcol, slot);
        Arrays.fill(d, r0 * positions, r1 * positions, 0f);
        kernels.gemmTN(r1 - r0, positions, fg, w, wOff, patch, dy, dyRows, positions, d, r0 * positions, positions);
        if (fold) Patches.fold(g, gr, d, dx, dxOff, 0, g.groupChannels());
    }
}
