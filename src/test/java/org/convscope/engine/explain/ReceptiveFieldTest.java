package org.convscope.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convscope.engine.explain.ReceptiveField.Region;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.Presets;
import org.junit.jupiter.api.Test;

class ReceptiveFieldTest {
    private final NetworkSpec lenet = Presets.lenet5();

    @Test
    void conv1CornerSeesThreeByThreePixelsAfterClippingThePadding() {
        assertEquals(new Region(0, 0, 3, 3), ReceptiveField.inputRegion(lenet, new UnitRef(0, 0, 0, 0)));
        assertEquals(new Region(8, 10, 13, 15), ReceptiveField.inputRegion(lenet, new UnitRef(0, 3, 10, 12)));
    }

    @Test
    void deeperUnitsSeeWiderRegions() {
        assertEquals(new Region(8, 10, 13, 15), ReceptiveField.inputRegion(lenet, new UnitRef(1, 3, 10, 12)));
        assertEquals(new Region(8, 10, 14, 16), ReceptiveField.inputRegion(lenet, new UnitRef(2, 3, 5, 6)));
        Region conv2 = ReceptiveField.inputRegion(lenet, new UnitRef(3, 0, 5, 5));
        assertEquals(new Region(8, 8, 22, 22), conv2);
        assertEquals(new Region(0, 0, 12, 12), ReceptiveField.inputRegion(lenet, new UnitRef(3, 0, 0, 0)));
        assertEquals(new Region(6, 6, 22, 22), ReceptiveField.inputRegion(lenet, new UnitRef(5, 0, 2, 2)));
        Region flattened = ReceptiveField.inputRegion(lenet, UnitRef.vector(6, 7 * 25 + 2 * 5 + 2));
        assertEquals(new Region(6, 6, 22, 22), flattened);
    }

    @Test
    void denseAndSoftmaxUnitsSeeTheWholeImage() {
        Region whole = new Region(0, 0, 28, 28);
        assertEquals(whole, ReceptiveField.inputRegion(lenet, UnitRef.vector(7, 3)));
        assertEquals(whole, ReceptiveField.inputRegion(lenet, UnitRef.vector(8, 3)));
        assertEquals(whole, ReceptiveField.inputRegion(lenet, UnitRef.vector(12, 9)));
        assertEquals(new Region(4, 5, 5, 6), ReceptiveField.inputRegion(lenet, new UnitRef(-1, 0, 4, 5)));
    }

    @Test
    void previousUnitsOfEachKind() {
        List<UnitRef> conv2 = ReceptiveField.previousUnits(lenet, new UnitRef(3, 7, 4, 3));
        assertEquals(6 * 5 * 5, conv2.size());
        assertEquals(new UnitRef(2, 0, 4, 3), conv2.get(0));
        assertEquals(new UnitRef(2, 5, 8, 7), conv2.get(149));
        assertEquals(9, ReceptiveField.previousUnits(lenet, new UnitRef(0, 0, 0, 0)).size());
        assertTrue(ReceptiveField.previousUnits(lenet, new UnitRef(0, 0, 0, 0)).stream().allMatch(u -> u.layer() == -1));
        assertEquals(List.of(new UnitRef(1, 3, 10, 12), new UnitRef(1, 3, 10, 13), new UnitRef(1, 3, 11, 12),
                new UnitRef(1, 3, 11, 13)), ReceptiveField.previousUnits(lenet, new UnitRef(2, 3, 5, 6)));
        assertEquals(List.of(new UnitRef(0, 3, 10, 12)), ReceptiveField.previousUnits(lenet, new UnitRef(1, 3, 10, 12)));
        assertEquals(List.of(new UnitRef(5, 1, 0, 2)), ReceptiveField.previousUnits(lenet, UnitRef.vector(6, 27)));
        List<UnitRef> fc1 = ReceptiveField.previousUnits(lenet, UnitRef.vector(7, 0));
        assertEquals(400, fc1.size());
        assertEquals(UnitRef.vector(6, 399), fc1.get(399));
        assertEquals(10, ReceptiveField.previousUnits(lenet, UnitRef.vector(12, 0)).size());
        assertEquals(List.of(), ReceptiveField.previousUnits(lenet, new UnitRef(-1, 0, 3, 3)));
    }

    @Test
    void unitsOutsideTheNetworkAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReceptiveField.inputRegion(lenet, new UnitRef(13, 0, 0, 0)));
        assertEquals("lenet5: layer 13 does not exist, expected −1..12", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReceptiveField.previousUnits(lenet, UnitRef.vector(7, 120)));
        assertThrows(IllegalArgumentException.class, () -> ReceptiveField.previousUnits(lenet, new UnitRef(-1, 0, 28, 0)));
    }
}
