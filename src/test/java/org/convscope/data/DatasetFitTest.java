package org.convscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A data set brought to a network's input size: padded around the centre when smaller, and refused in words, before
 * anything is allocated, when the result would not fit in one array or in the heap (issue 14: an architecture file with
 * an input of 150×150 padded all of MNIST eagerly into an OutOfMemoryError, one of 3000×3000 overflowed an int).
 */
class DatasetFitTest {
    /** n images of 1×2×2, image i holding 1+4i … 4+4i, labels 0. */
    private static Dataset small(String name, int n) {
        byte[] pixels = new byte[n * 4];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (i + 1);
        return new Dataset(name, 1, 2, 2, 10, pixels, new byte[n]);
    }

    @Test
    void smallerImagesArePaddedAroundTheCentre() {
        Dataset padded = DatasetFit.to(small("digits", 2), 4, 4);
        assertEquals("digits padded to 4×4", padded.name());
        assertArrayEquals(new byte[] {
                0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 5, 6, 0, 0, 7, 8, 0, 0, 0, 0, 0}, padded.pixels());
    }

    @Test
    void aSizeBeyondTheHeapIsRefusedWithWhatItWouldCost() {
        // 10 images of 30000×30000: 9·10⁹ bytes, beyond any array and this test's heap.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetFit.to(small("digits", 10), 30_000, 30_000));
        assertTrue(e.getMessage().matches("digits: its 10 images padded to 30000×30000 need 8\\.4 GB, the heap allows "
                + "\\d+\\.\\d [MG]B"), e.getMessage());
    }

    @Test
    void aSizeWhoseByteCountOverflowsIsRefusedNotWrapped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetFit.to(small("digits", 3), Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertTrue(e.getMessage().startsWith("digits: its 3 images padded to 2147483647×2147483647 need more than 8.0 EB"),
                e.getMessage());
    }

    @Test
    void aTrainingAndTestSetAreCountedTogetherAndLeaveHalfTheHeapForTraining() {
        TrainTest sets = new TrainTest(small("mnist train", 6), small("mnist test", 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetFit.to(sets, 30_000, 30_000));
        assertTrue(e.getMessage().matches("mnist: its 10 images padded to 30000×30000 need 8\\.4 GB, more than half the"
                + " heap \\(\\d+\\.\\d [MG]B\\); training needs the rest"), e.getMessage());
        TrainTest fitted = DatasetFit.to(sets, 3, 3);
        assertEquals(6, fitted.train().size());
        assertEquals(4, fitted.test().size());
        assertEquals(3, fitted.test().rows());
    }
}
