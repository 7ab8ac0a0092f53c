package org.convscope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The soak's heap figure is what a full collection leaves: live data counted, garbage not. */
class SoakHeapTest {
    private static final int MB = 1024 * 1024;

    @Test
    void theHeapAfterACollectionCountsWhatIsHeldAndNotWhatWasDropped() {
        double base = Soak.heapAfterGcMb();
        byte[] held = new byte[64 * MB];
        held[held.length - 1] = 1;
        double holding = Soak.heapAfterGcMb();
        assertTrue(holding - base > 60, "64 MB held, the heap after GC went from " + base + " to " + holding + " MB");
        byte[][] garbage = new byte[8][];
        for (int i = 0; i < garbage.length; i++) garbage[i] = new byte[8 * MB];
        garbage = null;
        double dropped = Soak.heapAfterGcMb();
        assertTrue(Math.abs(dropped - holding) < 16,
                "64 MB of garbage dropped, the heap after GC went from " + holding + " to " + dropped + " MB");
        assertTrue(held[held.length - 1] == 1);
        held = null;
        double released = Soak.heapAfterGcMb();
        assertTrue(holding - released > 60, "64 MB released, the heap after GC went from " + holding + " to " + released);
    }
}
