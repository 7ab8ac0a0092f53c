package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.convscope.data.PhotoPreprocess;
import org.junit.jupiter.api.Test;

/** A custom preprocessing typed in: what the fields say, and one line naming the field that is wrong. */
class CustomRecipeTest {
    @Test
    void threeFieldsMakeTheRecipe() {
        PhotoPreprocess r = CustomRecipe.parse(" 40 ", "0.5, 0.25 0.125", "0.2");
        assertEquals(40, r.shorter());
        assertArrayEquals(new float[] {0.5f, 0.25f, 0.125f}, r.mean());
        assertArrayEquals(new float[] {0.2f, 0.2f, 0.2f}, r.std(), "one number for every channel");
    }

    @Test
    void aWrongFieldIsNamed() {
        assertEquals("shorter side: a whole number of pixels (0: the whole photo), got \"4.5\"",
                assertThrows(IllegalArgumentException.class, () -> CustomRecipe.parse("4.5", "0", "1")).getMessage());
        assertEquals("mean: 1 or 3 numbers (R, G, B), got 2",
                assertThrows(IllegalArgumentException.class, () -> CustomRecipe.parse("0", "0.1, 0.2", "1")).getMessage());
        assertEquals("std: every value must be above 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> CustomRecipe.parse("0", "0", "1, 0, 1")).getMessage());
        assertEquals("mean: \"x\" is not a number",
                assertThrows(IllegalArgumentException.class, () -> CustomRecipe.parse("0", "x", "1")).getMessage());
        assertEquals("shorter side: 0…16384, got 99999",
                assertThrows(IllegalArgumentException.class, () -> CustomRecipe.parse("99999", "0", "1")).getMessage());
    }
}
