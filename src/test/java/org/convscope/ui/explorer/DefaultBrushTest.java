package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.convscope.engine.Network;
import org.convscope.model.ModelFile;
import org.convscope.ui.explorer.draw.Drawing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default brush suits the canvas: digits drawn with it are recognised from a seventh of the canvas's height to
 * nearly all of it (a thick default filled the loops of small digits: a 3 drawn 40 px tall became an 8).
 */
class DefaultBrushTest {
    private static Network network;

    @BeforeAll
    static void load() throws Exception {
        network = ModelFile.loadDefault().network();
    }

    @ParameterizedTest(name = "{0}, {1} px tall")
    @CsvSource({"0, 40", "1, 40", "2, 40", "3, 40", "4, 40", "6, 40", "7, 40", "8, 40", "9, 40",
        "1, 60", "3, 60", "6, 60", "8, 60", "9, 60", "0, 260", "3, 260", "6, 260", "8, 260", "9, 260"})
    void smallAndLargeDigitsAreRecognised(int digit, float size) {
        Drawing drawing = new Drawing();
        DigitStrokes.draw(drawing, digit, 20, 10, size, (float) DrawingCanvas.DEFAULT_RADIUS);
        Frame frame = new Inference(network).run(new Inference.Request(1, drawing.ink(), false, 0));
        assertEquals(digit, frame.topClass(), () -> "probabilities " + java.util.Arrays.toString(frame.probabilities()));
    }
}
