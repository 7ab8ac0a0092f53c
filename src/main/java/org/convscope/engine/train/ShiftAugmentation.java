package org.convscope.engine.train;

import org.convscope.engine.Dims;

/**
 * Training samples moved by a random whole-pixel shift of up to {@code maxShift} in each direction, the uncovered
 * border filled with 0. The shift of a sample depends only on the seed, the epoch and the sample's index, so a run
 * is reproducible whatever the number of threads. Digits drawn off-centre then look familiar to the network.
 */
public final class ShiftAugmentation implements SampleSource {
    private final SampleSource base;
    private final int maxShift;
    private final long seed;
    private volatile int epoch;
    private final ThreadLocal<float[]> buffer;

    public ShiftAugmentation(SampleSource base, int maxShift, long seed) {
        if (maxShift < 0) throw new IllegalArgumentException("shift must be ≥ 0, got " + maxShift);
        this.base = base;
        this.maxShift = maxShift;
        this.seed = seed;
        this.buffer = ThreadLocal.withInitial(() -> new float[base.dims().size()]);
    }

    /** Chooses the shifts of this epoch. */
    public void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public Dims dims() {
        return base.dims();
    }

    @Override
    public int numClasses() {
        return base.numClasses();
    }

    @Override
    public int label(int index) {
        return base.label(index);
    }

    @Override
    public void fill(int[] indices, int from, int count, float[] out) {
        base.fill(indices, from, count, out);
        if (maxShift == 0) return;
        Dims d = base.dims();
        float[] copy = buffer.get();
        int span = 2 * maxShift + 1;
        for (int i = 0; i < count; i++) {
            long h = mix(seed ^ mix(epoch * 0x9E3779B97F4A7C15L + indices[from + i]));
            int dx = (int) Math.floorMod(h, (long) span) - maxShift;
            int dy = (int) Math.floorMod(h >>> 32, (long) span) - maxShift;
            if (dx == 0 && dy == 0) continue;
            int off = i * d.size();
            System.arraycopy(out, off, copy, 0, d.size());
            java.util.Arrays.fill(out, off, off + d.size(), 0f);
            for (int c = 0; c < d.channels(); c++) {
                for (int y = Math.max(0, dy); y < Math.min(d.height(), d.height() + dy); y++) {
                    int src = (c * d.height() + y - dy) * d.width();
                    int dst = off + (c * d.height() + y) * d.width();
                    int x0 = Math.max(0, dx);
                    int x1 = Math.min(d.width(), d.width() + dx);
                    System.arraycopy(copy, src + x0 - dx, out, dst + x0, x1 - x0);
                }
            }
        }
    }

    /** SplitMix64's finaliser: a well-spread 64-bit hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
