package org.convscope.engine.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OcclusionTest {
    @Test
    void hidingTheStrokesCostsMoreThanHidingTheBorder() {
        for (int digit : new int[] {0, 1, 2}) {
            float[] image = LeNetSample.image(digit);
            int label = LeNetSample.TEST.label(digit);
            float[] map = Occlusion.map(LeNetSample.NETWORK, image, label);
            assertEquals(28 * 28, map.length);
            double ink = 0, border = 0;
            int inkCount = 0, borderCount = 0;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    float s = map[y * 28 + x];
                    assertTrue(Float.isFinite(s));
                    if (image[y * 28 + x] > 0.5f) {
                        ink += s;
                        inkCount++;
                    }
                    if (y < 3 || y >= 25 || x < 3 || x >= 25) {
                        border += s;
                        borderCount++;
                    }
                }
            }
            assertTrue(ink / inkCount > border / borderCount + 1e-3,
                    "digit " + digit + ": ink " + ink / inkCount + " vs border " + border / borderCount);
            assertEquals(0, border / borderCount, 1e-3, "the border is empty: hiding it changes nothing");
        }
    }

    @Test
    void oneInstanceGivesTheSameMapAgain() {
        Occlusion occlusion = new Occlusion(LeNetSample.NETWORK);
        float[] image = LeNetSample.image(3);
        float[] first = occlusion.saliency(image, 0);
        assertArrayEquals(first, occlusion.saliency(image, 0));
        assertArrayEquals(first, Occlusion.map(LeNetSample.NETWORK, image, 0));
    }

    @Test
    void patchesCoverEveryPixelUpToTheBorder() {
        assertArrayEquals(new int[] {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24}, Occlusion.corners(28, Occlusion.PATCH, Occlusion.STRIDE));
        assertArrayEquals(new int[] {0, 2, 3}, Occlusion.corners(7, Occlusion.PATCH, Occlusion.STRIDE));
        assertArrayEquals(new int[] {0}, Occlusion.corners(3, Occlusion.PATCH, Occlusion.STRIDE));
    }

    @Test
    void wrongInputSizeOrClassIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Occlusion.map(LeNetSample.NETWORK, new float[10], 0));
        assertEquals("occlusion: input has 10 values, the network's 28×28×1 input needs 784", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Occlusion.map(LeNetSample.NETWORK, new float[784], 10));
    }
}
