package org.convscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    @Test
    void aSmallRequestFits() {
        assertNull(MemoryBudget.shortfall(1 << 20));
    }

    @Test
    void aRequestBeyondTheHeapIsRefusedInWords() {
        long beyond = Runtime.getRuntime().maxMemory() + (1L << 30);
        String shortfall = MemoryBudget.shortfall(beyond);
        assertTrue(shortfall.matches("needs \\d+\\.\\d [GM]B, the heap allows \\d+\\.\\d [GM]B"), shortfall);
        FileException e = assertThrows(FileException.class,
                () -> MemoryBudget.require(Path.of("/data/big.idx"), beyond, "pixels"));
        assertEquals("big.idx: pixels " + shortfall.replaceFirst("allows .*", "allows "),
                e.getMessage().replaceFirst("allows .*", "allows "));
    }

    @Test
    void anOverflowedCountNeverFits() {
        assertTrue(MemoryBudget.shortfall(-1).startsWith("needs more than 8.0 EB"));
    }

    @Test
    void sizesReadInUnitsOf1024() {
        assertEquals("812 bytes", MemoryBudget.size(812));
        assertEquals("3.4 KB", MemoryBudget.size(3482));
        assertEquals("4.1 GB", MemoryBudget.size(4_402_341_478L));
    }
}
