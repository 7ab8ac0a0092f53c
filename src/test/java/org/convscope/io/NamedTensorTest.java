package org.convscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NamedTensorTest {
    @Test
    void dataMustMatchShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NamedTensor("conv1.weight", new int[] {6, 1, 5, 5}, new float[24]));
        assertEquals("tensor conv1.weight: shape [6, 1, 5, 5] needs 150 floats, data has 24",
                e.getMessage());
    }

    @Test
    void negativeDimensionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NamedTensor("b", new int[] {-2, -3}, new float[6]));
        assertEquals("tensor b: shape [-2, -3] has a negative dimension", e.getMessage());
    }

    @Test
    void scalarAndEmptyShapes() {
        assertEquals(1, new NamedTensor("s", new int[0], new float[1]).data().length);
        assertEquals(0, new NamedTensor("e", new int[] {3, 0, 7}, new float[0]).data().length);
    }

    @Test
    void elementCountDetectsOverflowUnlessAnotherDimensionIsZero() {
        int big = Integer.MAX_VALUE;
        assertEquals(-2, NamedTensor.elementCount(new int[] {big, big, big}));
        assertEquals(0, NamedTensor.elementCount(new int[] {big, big, big, 0}));
    }

    @Test
    void equalityComparesContents() {
        NamedTensor a = new NamedTensor("a", new int[] {2}, new float[] {1, 2});
        NamedTensor same = new NamedTensor("a", new int[] {2}, new float[] {1, 2});
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, new NamedTensor("a", new int[] {2}, new float[] {1, 3}));
        assertNotEquals(a, new NamedTensor("a", new int[] {1, 2}, new float[] {1, 2}));
    }
}
