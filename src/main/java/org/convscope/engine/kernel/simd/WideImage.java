package org.convscope.engine.kernel.simd;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.convscope.engine.kernel.ConvGeometry;
import org.convscope.engine.kernel.Parallel;

/**
 * The input of a convolution laid out so that every tap reads one contiguous run per channel: the "wide grid".
 * The image is padded to xp[C][Hp][Wp] and split into stride phases: phase (py, px) holds
 * X̃[py][px][c][i][j] = xp[c][sH·i + py][sW·j + px] (zero outside the image), a plane of Hq×Wq with Hq = ⌈Hp/sH⌉,
 * Wq = ⌈Wp/sW⌉. Output position (oy, ox) is computed at the wide position q = oy·Wq + ox, and its tap (c, ky, kx)
 * reads X̃ at tapBase(ky, kx) + c·plane + q, where tapBase is the offset of phase ((ky·dH) mod sH, (kx·dW) mod sW)
 * plus ⌊ky·dH/sH⌋·Wq + ⌊kx·dW/sW⌋. So for a run of consecutive q every tap reads a run of X̃, whatever the stride and
 * dilation. Positions with ox ≥ outW are junk (they read past the row) and are computed and thrown away:
 * (Wq − outW)/Wq of the work. Only the phases some tap reads are kept.
 * <p>
 * A 1×1 convolution with stride 1 and no padding reads the input itself ({@link #direct()}): no copy, no junk.
 */
final class WideImage {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Lane indices 0, 2, 4, …: the even lanes of two vectors, for {@link FloatVector#selectFrom(Vector, Vector)}. */
    private static final FloatVector EVEN = even();
    private final ConvGeometry g;
    private final int pitch;          // Wq
    private final int rows;           // Hq
    private final int plane;          // Hq·Wq
    private final int span;           // (outH − 1)·Wq + outW: wide positions up to the last output
    private final int[] tapBase;      // [kH·kW]: offset of tap (ky, kx) in X̃ for channel 0, q = 0
    private final int[] phaseOf;      // [sH·sW]: slot of phase (py, px) in X̃, or −1 when no tap reads it
    private final float[] data;       // X̃[slot][C][Hq][Wq] and slack for the reads of the last run; null when direct

    /**
     * @param readEnd the wide positions [0, readEnd) that will be read, at least {@link #span(ConvGeometry)}
     * @param mayReadInput whether a 1×1 convolution with stride 1 and no padding may read the input itself; the
     *                     caller then reads no further than the image
     */
    WideImage(ConvGeometry g, int readEnd, boolean mayReadInput) {
        this.g = g;
        boolean direct = mayReadInput && g.pointwise();
        int sh = g.strideH();
        int sw = g.strideW();
        rows = Math.ceilDiv(g.height() + g.padTop() + g.padBottom(), sh);
        pitch = pitch(g);
        plane = rows * pitch;
        span = span(g);
        phaseOf = new int[sh * sw];
        Arrays.fill(phaseOf, -1);
        int slots = 0;
        tapBase = new int[g.taps()];
        for (int ky = 0; ky < g.kernelH(); ky++) {
            for (int kx = 0; kx < g.kernelW(); kx++) {
                int phase = ky * g.dilationH() % sh * sw + kx * g.dilationW() % sw;
                if (phaseOf[phase] < 0) phaseOf[phase] = slots++;
                tapBase[ky * g.kernelW() + kx] = phaseOf[phase] * g.channels() * plane
                        + ky * g.dilationH() / sh * pitch + kx * g.dilationW() / sw;
            }
        }
        int maxTap = Arrays.stream(tapBase).max().orElseThrow();
        long reach = (long) maxTap + (long) (g.channels() - 1) * plane + Math.max(readEnd, span);
        long size = Math.max((long) slots * g.channels() * plane, reach) + 16;
        if (!direct && size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("convolution " + g + ": its padded input needs " + size + " floats, more than one array holds");
        }
        data = direct ? null : new float[(int) size];
    }

    /** The wide grid's pitch Wq. */
    static int pitch(ConvGeometry g) {
        return Math.ceilDiv(g.width() + g.padLeft() + g.padRight(), g.strideW());
    }

    /** (outH − 1)·Wq + outW: the wide positions up to the last output. */
    static int span(ConvGeometry g) {
        return (g.outH() - 1) * pitch(g) + g.outW();
    }

    /** Whether the convolution reads the caller's input as it is. */
    boolean direct() {
        return data == null;
    }

    float[] data() {
        return data;
    }

    int pitch() {
        return pitch;
    }

    int plane() {
        return plane;
    }

    int span() {
        return span;
    }

    int[] tapBase() {
        return tapBase;
    }

    private static FloatVector even() {
        float[] lanes = new float[L];
        for (int l = 0; l < L; l++) lanes[l] = 2 * l;
        return FloatVector.fromArray(S, lanes, 0);
    }

    /**
     * n floats from x[src] to out[dst], a vector at a time, the last one masked: rows of a small image are a few
     * dozen floats, where System.arraycopy's call costs as much as the copy.
     */
    static void copy(float[] x, int src, float[] out, int dst, int n) {
        int j = 0;
        for (; j + L <= n; j += L) FloatVector.fromArray(S, x, src + j).intoArray(out, dst + j);
        if (j < n) {
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector.fromArray(S, x, src + j, m).intoArray(out, dst + j, m);
        }
    }

    /**
     * out[dst + j] = x[src + 2j] for j in [first, last): L at a time as the even lanes of two vectors while those
     * stay before x[src + 2·(last − 1)], the last one read, the rest one by one (masked loads measured slower here).
     */
    private static void everyOther(float[] x, int src, float[] out, int dst, int first, int last) {
        int j = first;
        for (; j + L < last; j += L) {
            FloatVector lo = FloatVector.fromArray(S, x, src + 2 * j);
            FloatVector hi = FloatVector.fromArray(S, x, src + 2 * j + L);
            EVEN.selectFrom(lo, hi).intoArray(out, dst + j);
        }
        for (; j < last; j++) out[dst + j] = x[src + 2 * j];
    }

    /** Fills X̃ from the image at x[xOff], channels split over the threads. Nothing to do when direct. */
    void fill(float[] x, int xOff, Parallel parallel) {
        if (data == null) return;
        int channels = g.channels();
        int blocks = Math.min(channels, 4 * parallel.threads());
        parallel.forEach(blocks, b -> {
            for (int c = channels * b / blocks, end = channels * (b + 1) / blocks; c < end; c++) fillChannel(x, xOff, c);
        });
    }

    /** Fills channel c of X̃ from the image at x[xOff] (channel c of the image at xOff + c·H·W). */
    void fillChannel(float[] x, int xOff, int c) {
        transfer(x, xOff, c, data, true);
    }

    /**
     * The adjoint of {@link #fillChannel} for a gradient laid out like X̃ in grid: dx[c][iy][ix] at dxOff ← the
     * grid's value where fillChannel put pixel (iy, ix), or 0 where no phase a tap reads holds it. The padding's
     * values are dropped.
     */
    void readChannel(float[] grid, float[] dx, int dxOff, int c) {
        java.util.Arrays.fill(dx, dxOff + c * g.height() * g.width(), dxOff + (c + 1) * g.height() * g.width(), 0f);
        transfer(dx, dxOff, c, grid, false);
    }

    /** Copies channel c between the image at x[xOff] and its phases in grid, into the grid when toGrid is set. */
    private void transfer(float[] x, int xOff, int c, float[] grid, boolean toGrid) {
        int sh = g.strideH();
        int sw = g.strideW();
        for (int py = 0; py < sh; py++) {
            for (int px = 0; px < sw; px++) {
                int slot = phaseOf[py * sw + px];
                if (slot < 0) continue;
                // Phase columns j whose image column sW·j + px − padLeft lies in [0, W).
                int first = Math.max(0, Math.ceilDiv(g.padLeft() - px, sw));
                int last = Math.min(pitch, Math.ceilDiv(g.width() + g.padLeft() - px, sw));
                if (first >= last) continue;
                int base = (slot * g.channels() + c) * plane;
                for (int i = 0; i < rows; i++) {
                    int iy = sh * i + py - g.padTop();
                    if (iy < 0 || iy >= g.height()) continue;
                    int src = xOff + (c * g.height() + iy) * g.width() + px - g.padLeft();
                    int dst = base + i * pitch;
                    if (sw == 1) {
                        if (toGrid) copy(x, src + first, grid, dst + first, last - first);
                        else copy(grid, dst + first, x, src + first, last - first);
                    } else if (sw == 2 && toGrid) {
                        everyOther(x, src, grid, dst, first, last);
                    } else if (toGrid) {
                        for (int j = first; j < last; j++) grid[dst + j] = x[src + sw * j];
                    } else {
                        for (int j = first; j < last; j++) x[src + sw * j] = grid[dst + j];
                    }
                }
            }
        }
    }
}
