package org.convscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ResampleTest {

    @Test
    void shrinkingAveragesTheCoveredArea() {
        InkImage row = new InkImage(3, 1, new float[] {0.3f, 0.6f, 0.9f});
        // Each output pixel covers 1.5 inputs: (0.3 + 0.5 * 0.6) / 1.5 and (0.5 * 0.6 + 0.9) / 1.5.
        assertArrayEquals(new float[] {0.4f, 0.8f}, Resample.to(row, 2, 1).ink(), 1e-6f);
        InkImage square = new InkImage(2, 2, new float[] {1, 0, 0, 1});
        assertArrayEquals(new float[] {0.5f}, Resample.to(square, 1, 1).ink(), 1e-6f);
    }

    @Test
    void growingInterpolatesBetweenPixelCentres() {
        InkImage row = new InkImage(2, 1, new float[] {0, 1});
        // Output centres at input positions -0.25, 0.25, 0.75, 1.25, clamped to [0, 1].
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, Resample.to(row, 4, 1).ink(), 1e-6f);
        InkImage dot = new InkImage(1, 1, new float[] {0.7f});
        assertArrayEquals(new float[] {0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f}, Resample.to(dot, 3, 2).ink(), 1e-6f);
    }

    @Test
    void sameSizeIsACopy() {
        float[] ink = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};
        assertArrayEquals(ink, Resample.to(new InkImage(3, 2, ink), 3, 2).ink());
    }
}
