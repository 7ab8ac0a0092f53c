package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.convscope.engine.Network;
import org.convscope.model.ModelFile;
import org.convscope.ui.explorer.draw.Drawing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Drawn digits are recognised wherever they are on the canvas, at any size and stroke width, because the canvas goes
 * through the same MNIST preprocessing as {@code convscope classify}. No FX here: drawing and inference directly.
 */
class DrawnDigitsTest {
    private static Network network;

    @BeforeAll
    static void load() throws Exception {
        network = ModelFile.loadDefault().network();
    }

    @ParameterizedTest(name = "{0} at ({1}, {2}), {3} px tall, brush {4}")
    @CsvSource({
        // centred, large
        "0, 90, 40, 200, 10", "1, 90, 40, 200, 10", "2, 90, 40, 200, 10", "3, 90, 40, 200, 10",
        "4, 90, 40, 200, 10", "7, 90, 40, 200, 10",
        // small, in a corner
        "0, 10, 10, 50, 3", "1, 220, 10, 50, 3", "2, 10, 215, 50, 3", "3, 225, 220, 50, 3",
        "4, 5, 120, 40, 3", "7, 200, 200, 60, 4",
        // off-centre, thick
        "0, 150, 100, 170, 18", "2, 0, 0, 120, 14", "3, 160, 120, 150, 16", "7, 170, 60, 140, 20",
    })
    void guessIsTheDrawnDigit(int digit, float x, float y, float size, float brush) {
        Drawing drawing = new Drawing();
        DigitStrokes.draw(drawing, digit, x, y, size, brush);
        Frame frame = new Inference(network).run(new Inference.Request(1, drawing.ink(), false, 0));
        assertEquals(digit, frame.topClass(), () -> "probabilities " + java.util.Arrays.toString(frame.probabilities()));
    }
}
