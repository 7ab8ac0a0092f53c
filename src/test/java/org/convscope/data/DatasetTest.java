package org.convscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatasetTest {
    private final Dataset dataset = new Dataset("tiny", 1, 2, 2, 3,
            new byte[] {0, (byte) 255, 51, 102, /**/ 1, 2, 3, 4, /**/ (byte) 128, 0, 0, (byte) 255},
            new byte[] {2, 0, 1});

    @Test
    void toFloatsWritesTheChosenImagesContiguously() {
        float[] out = new float[2 * 4 + 1];
        out[8] = -1;
        dataset.toFloats(new int[] {1, 2, 0}, 1, 2, out);
        assertArrayEquals(new float[] {128 / 255f, 0, 0, 1, 0, 1, 0.2f, 0.4f, -1}, out, 1e-7f);
    }

    @Test
    void copyLabelsFollowsTheIndices() {
        int[] out = new int[3];
        dataset.copyLabels(new int[] {2, 2, 0}, 0, 3, out);
        assertArrayEquals(new int[] {1, 1, 2}, out);
    }

    @Test
    void inkImageIsOneImageInUnits() {
        InkImage image = dataset.inkImage(0);
        assertEquals(2, image.width());
        assertEquals(1f, image.at(1, 0));
        assertEquals(0.4f, image.at(1, 1), 1e-7f);
    }

    @Test
    void rejectsBadIndicesAndShortOutput() {
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.toFloats(new int[] {3}, 0, 1, new float[4]));
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.toFloats(new int[] {0}, 0, 2, new float[8]));
        assertThrows(IllegalArgumentException.class, () -> dataset.toFloats(new int[] {0, 1}, 0, 2, new float[7]));
    }

    @Test
    void rejectsInconsistentArrays() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("d", 1, 2, 2, 3, new byte[7], new byte[2]));
        assertEquals("d: pixels.length is 7, expected 2×1×2×2 = 8", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("d", 1, 1, 1, 3, new byte[2], new byte[] {0, 3}));
        assertEquals("d: label 1 is 3, expected < numClasses = 3", e.getMessage());
    }
}
