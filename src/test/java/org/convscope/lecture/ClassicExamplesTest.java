package org.convscope.lecture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.PoolSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Section 3 of the lecture issue: every number of the classic examples, read from the lesson file the screen shows. */
class ClassicExamplesTest {
    private static Lesson lesson;

    @BeforeAll
    static void load() throws Exception {
        lesson = LessonFile.load(Path.of("samples/lessons/classic-examples.json"), LessonSources.NONE);
    }

    private static Stepper<?> frame(String title) {
        return lesson.frames().stream().filter(f -> f.title().equals(title)).findFirst().orElseThrow().stepper();
    }

    private static ConvStepper conv(String title) {
        return (ConvStepper) frame(title);
    }

    @Test
    void binaryImage() {
        ConvStepper s = conv("Convolution of a binary image");
        assertEquals(new Dims(1, 3, 3), s.outputDims().orElseThrow());
        assertArrayEquals(new float[] {4, 3, 4, 2, 4, 3, 2, 3, 4}, s.result().values());
        ConvStep first = s.next().current().orElseThrow();
        assertArrayEquals(new float[] {1, 0, 1, 0, 1, 0, 0, 0, 1}, first.products());
        assertEquals(4, first.total());
    }

    @Test
    void curveDetector() {
        assertEquals(6600, conv("A curve detector finds its curve").result().values()[0]);
        assertEquals(0, conv("…and stays silent elsewhere").result().values()[0]);
        assertEquals(1, conv("…and stays silent elsewhere").count());
    }

    @Test
    void curveDetectorPresetMatchesTheIssue() {
        Volume k = KernelPreset.CURVE_DETECTOR.kernel();
        int[][] thirty = {{0, 5}, {1, 4}, {2, 3}, {3, 3}, {4, 3}, {5, 3}};
        float sum = 0;
        for (int[] cell : thirty) assertEquals(30, k.at(0, cell[0], cell[1]));
        for (float v : k.values()) sum += v;
        assertEquals(6 * 30, sum);
    }

    @Test
    void stride() {
        assertEquals(new Dims(1, 5, 5), conv("Stride 1").outputDims().orElseThrow());
        assertEquals(new Dims(1, 3, 3), conv("Stride 2").outputDims().orElseThrow());
        ConvStepper three = conv("Stride 3 does not fit");
        assertTrue(three.problem().isEmpty(), "frameworks round down instead of refusing");
        assertTrue(three.setup().roundsDown());
        assertEquals(new Dims(1, 2, 2), three.outputDims().orElseThrow(), "⌊4/3⌋ + 1 = 2 a side");
        assertEquals(1, three.setup().ignoredRows(), "row 7 is under no window");
        assertEquals(1, three.setup().ignoredColumns());
        assertEquals("O = (W − K + 2P)/S + 1 = (7 − 3 + 2×0)/3 + 1 = 4/3 + 1: not a whole number; frameworks round down:"
                + " ⌊4/3⌋ + 1 = 2", three.setup().formula());
        assertTrue(three.setup().rounding().orElseThrow().contains("hanging 2 cells over the edge"),
                three.setup().rounding().orElseThrow());
        ConvStepper padded = conv("Stride 3 with padding 1");
        assertEquals(new Dims(1, 3, 3), padded.outputDims().orElseThrow());
        assertEquals("O = (W − K + 2P)/S + 1 = (7 − 3 + 2×1)/3 + 1 = 3", padded.setup().formula());
    }

    @Test
    void depth() {
        ConvStepper one = conv("Depth: one 5×5×3 filter");
        assertEquals(new Dims(3, 32, 32), one.setup().input().dims());
        assertEquals(new Dims(3, 5, 5), one.setup().filters().getFirst().dims());
        assertEquals(new Dims(1, 28, 28), one.outputDims().orElseThrow());
        ConvStep step = one.step(0);
        assertEquals(3, step.channelSums().length);
        assertEquals(step.channelSums()[0] + step.channelSums()[1] + step.channelSums()[2] + step.bias(), step.total());
        assertEquals(new Dims(6, 28, 28), conv("Depth: six filters").outputDims().orElseThrow());
        ConvStepper padded = conv("Zero padding 2");
        assertEquals(36, padded.setup().paddedHeight());
        assertEquals(36, padded.setup().paddedWidth());
        assertEquals(new Dims(1, 32, 32), padded.outputDims().orElseThrow());
    }

    @Test
    void pooling() {
        PoolStepper max = (PoolStepper) frame("Max pooling 2×2, stride 2");
        assertEquals(PoolSpec.Kind.MAX, max.kind());
        assertEquals(new Dims(1, 2, 2), max.outputDims());
        PoolStepper done = max.at(max.count());
        assertArrayEquals(new float[] {6, 8, 3, 4}, done.output());
        // winners as (row, col) in the 4×4 map: 6 at (1,1), 8 at (1,3), 3 at (2,0), 4 at (3,3)
        int[][] winners = {{1, 1}, {1, 3}, {2, 0}, {3, 3}};
        for (int i = 0; i < 4; i++) {
            PoolStep s = max.step(i);
            assertEquals(winners[i][0], s.top() + s.winner() / 2, "winner row of window " + i);
            assertEquals(winners[i][1], s.left() + s.winner() % 2, "winner column of window " + i);
        }
        PoolStepper avg = (PoolStepper) frame("Average pooling");
        assertArrayEquals(new float[] {3.25f, 5.25f, 2, 2}, avg.at(avg.count()).output());
        PoolStepper l2 = (PoolStepper) frame("L2 pooling");
        float[] expected = {(float) Math.sqrt(63), (float) Math.sqrt(133), (float) Math.sqrt(18), (float) Math.sqrt(26)};
        assertArrayEquals(expected, l2.at(l2.count()).output(), 1e-6f);
        assertEquals(-1, l2.step(0).winner());
    }

    @Test
    void lenet5Volumes() {
        NetworkStepper net = (NetworkStepper) frame("LeNet-5, layer by layer");
        List<NetworkStepper.Row> rows = net.rows();
        String[] shapes = {"28×28×6", "28×28×6", "14×14×6", "10×10×16", "10×10×16", "5×5×16", "400", "120", "120", "84",
                "84", "10", "10"};
        long[] params = {156, 0, 0, 2416, 0, 0, 0, 48120, 0, 10164, 0, 850, 0};
        assertEquals(shapes.length, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(shapes[i], Notation.size(rows.get(i).output()), rows.get(i).name());
            assertEquals(params[i], rows.get(i).parameters(), rows.get(i).name());
        }
        assertEquals("28×28×1", Notation.size(rows.getFirst().input()));
        assertEquals(61706, net.at(net.count()).parametersSoFar());
    }
}
