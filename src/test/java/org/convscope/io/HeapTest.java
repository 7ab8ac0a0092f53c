package org.convscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HeapTest {
    @Test
    void sizesForPeople() {
        assertEquals("0 bytes", Heap.size(0));
        assertEquals("999 bytes", Heap.size(999));
        assertEquals("1.0 kB", Heap.size(1000));
        assertEquals("46.7 MB", Heap.size(46_733_642));
        assertEquals("1.0 GB", Heap.size(999_999_999));
        assertEquals("9.2 EB", Heap.size(Long.MAX_VALUE));
    }

    @Test
    void whatFitsAndWhatDoesNot() {
        long max = Runtime.getRuntime().maxMemory();
        assertTrue(Heap.fits(1 << 20));
        assertFalse(Heap.fits(max));
        assertFalse(Heap.fits(Long.MAX_VALUE));
        assertFalse(Heap.fits(-1));
    }

    @Test
    void refusalNamesFileNeedAndFreeHeap() {
        FileException e = assertThrows(FileException.class,
                () -> Heap.require(Path.of("dir", "model.onnx"), 5_000_000_000_000L, "reading it"));
        assertTrue(e.getMessage().matches("model\\.onnx: reading it needs about 5\\.0 TB, the Java heap has"
                + " [0-9.]+ [kMG]B free \\(start Java with a larger -Xmx\\)"), e.getMessage());
    }
}
