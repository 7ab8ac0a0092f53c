package org.convscope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The soak's heap figure is the heap at the end of a full collection: it sees live data come and go, and it does not
 * count what is allocated after the collection ended (the studio and the explorer never stop allocating, and a reading
 * of the heap in use taken a moment later counts what they made meanwhile).
 */
class SoakHeapTest {
    private static final int MB = 1024 * 1024;

    @Test
    void liveDataCounts() {
        byte[] live = new byte[96 * MB];
        double withLive = Soak.heapAfterGcMb();
        live[live.length - 1] = 1; // live until here
        live = null;
        double without = Soak.heapAfterGcMb();
        assertTrue(withLive - without >= 90, "96 MB let go: " + withLive + " MB, then " + without + " MB");
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
