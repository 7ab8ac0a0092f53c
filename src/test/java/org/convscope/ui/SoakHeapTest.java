package org.convscope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The soak's heap figure is what a full collection leaves: live data counted, garbage not, and nothing allocated after
 * the collection ended (the studio and the explorer never stop allocating, and a reading of the heap in use taken a
 * moment later counts what they made meanwhile).
 */
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

    @Test
    void whatIsAllocatedAfterTheCollectionDoesNotCount() {
        byte[][] madeAfter = new byte[1][];
        double reading = Soak.heapAfterGcMb(() -> madeAfter[0] = new byte[96 * MB]);
        double now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (double) MB;
        madeAfter[0][0] = 1; // live until here
        assertTrue(now - reading >= 90, "the collection's figure " + reading + " MB, the heap now " + now + " MB");
    }
}
