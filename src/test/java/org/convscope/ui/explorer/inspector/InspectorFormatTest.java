package org.convscope.ui.explorer.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InspectorFormatTest {
    @Test
    void valuesHaveThreeSignificantDigits() {
        assertEquals("0", InspectorFormat.value(0));
        assertEquals("1.23", InspectorFormat.value(1.2345));
        assertEquals("−0.0456", InspectorFormat.value(-0.045612));
        assertEquals("123", InspectorFormat.value(123.4));
        assertEquals("100", InspectorFormat.value(99.96));
        assertEquals("2.76e−6", InspectorFormat.value(2.7612e-6));
        assertEquals("1.23e6", InspectorFormat.value(1.234e6));
    }

    @Test
    void cellsTakeAtMostFourCharacters() {
        assertEquals("0", InspectorFormat.cell(0));
        assertEquals("≈0", InspectorFormat.cell(-0.004));
        assertEquals("−.06", InspectorFormat.cell(-0.0634));
        assertEquals(".12", InspectorFormat.cell(0.1234));
        assertEquals("−1.2", InspectorFormat.cell(-1.234));
        assertEquals("12", InspectorFormat.cell(12.34));
        assertEquals("−123", InspectorFormat.cell(-123.4));
        for (double v = -150; v < 150; v += 0.0137) {
            assertEquals(true, InspectorFormat.cell(v).length() <= 4, InspectorFormat.cell(v));
        }
    }
}
