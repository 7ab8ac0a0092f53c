package org.convscope.ui.explorer.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convscope.data.InkImage;
import org.junit.jupiter.api.Test;

/** Browsing pictures all day keeps the last {@link Drawing#HISTORY} steps of undo, not every picture ever shown. */
class DrawingHistoryTest {
    @Test
    void undoReachesBackTheLastHundredStepsAndNoFurther() {
        Drawing drawing = new Drawing();
        InkImage[] pictures = new InkImage[1000];
        for (int i = 0; i < pictures.length; i++) {
            float[] ink = new float[28 * 28];
            ink[i % ink.length] = 1;
            pictures[i] = new InkImage(28, 28, ink);
            drawing.setBase(pictures[i]);
        }
        for (int step = 1; step <= Drawing.HISTORY; step++) {
            assertTrue(drawing.canUndo(), "step " + step + " back");
            drawing.undo();
        }
        assertFalse(drawing.canUndo(), "the 101st step back is forgotten");
        assertArrayEquals(pictures[pictures.length - 1 - Drawing.HISTORY].ink(), drawing.ink().ink(),
                "the oldest step kept is the picture a hundred steps back");
    }
}
