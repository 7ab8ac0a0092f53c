package org.convscope.lecture;

import java.util.SplittableRandom;
import org.convscope.engine.Dims;

/** Volumes of small whole numbers for examples where only the shape matters; the same seed gives the same numbers. */
public final class RandomVolume {
    private RandomVolume() {}

    /** Whole numbers uniformly in [min, max]. */
    public static Volume integers(Dims dims, int min, int max, long seed) {
        if (max < min) throw new IllegalArgumentException("random numbers from " + min + " to " + max + ": max below min");
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[dims.size()];
        for (int i = 0; i < values.length; i++) values[i] = random.nextInt(min, max + 1);
        return new Volume(dims, values);
    }
}
