package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.convscope.lecture.Frame;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.convscope.ui.view.PngExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Items 2 and 6 of the lecture issue: any sequence of →, ←, P and the follow-up (N) shows pixel-identical frames
 * whenever it comes back to a state it was in, in every kind of frame (a real network's filter included), predict mode
 * on or off: nothing hidden leaks
 * (no "?" left behind, no tint of a hidden value), and a follow-up frame leaves no trace once ← has taken it back.
 */
@ExtendWith(ApplicationExtension.class)
class StepsAreExactTest {
    /** Small frames of every kind, so each screen is quick to draw. */
    private static final String LESSON = """
            {"title": "every kind", "frames": [
              {"view": "conv", "input": {"random": [2, 4, 4], "seed": 2, "min": -2, "max": 4},
               "kernels": [{"random": [2, 3, 3], "seed": 3, "min": -1, "max": 1}, {"random": [2, 3, 3], "seed": 4}],
               "bias": [1, -1], "stride": 2, "padding": 1},
              {"view": "conv", "input": [[1, 2, 3], [4, 5, 6], [7, 8, 9]], "kernel": "box-blur", "padding": 1},
              {"view": "pool", "kind": "average", "input": [[1, 2, 3, 4], [5, 6, 7, 8], [9, 1, 2, 3], [4, 5, 6, 7]]},
              {"view": "dense", "inputs": [1, 2, 3], "weights": [[1, 0, -1], [0.5, 2, 1]], "bias": [0, 1], "neuron": 2},
              {"view": "softmax", "logits": [2, 1, 0.5]},
              {"view": "network", "network": "lenet5", "position": 10}
            ]}""";

    static {
        HeadlessFx.useJavaFxHeadless();
    }

    @Start
    void start(Stage stage) {
        // rendered without a window
    }

    /**
     * The lesson's frames and two of a real network's filters: the colour fixture's first convolution (3 channels) and
     * one over 32 channels (pages of 3).
     */
    private static Lesson lesson() throws Exception {
        Lesson written = LessonFile.parse(LESSON, Path.of("every-kind.json"), LessonSources.NONE);
        List<Frame> frames = new java.util.ArrayList<>(written.frames());
        frames.addAll(NetworkFrames.all().subList(0, 2));
        return new Lesson(written.title(), frames);
    }

    /** The lecture in an 800×600 scene, drawn without a window. */
    private static LectureView view(Lesson lesson) {
        LectureView view = new LectureView(new LectureModel(lesson), LessonSources.NONE);
        new Scene(view, 800, 600);
        return view;
    }

    private record State(int frame, int frames, Frame shown, boolean concealed, boolean predict) {}

    private static State state(LectureModel m) {
        return new State(m.frameIndexProperty().get(), m.frameCount(), m.frame(), m.concealedProperty().get(),
                m.predictProperty().get());
    }

    /**
     * The frame (title, caption, diagram, explanation, formula) as a window's pulses leave it: drawn until two drawings
     * in a row are the same. The controls below are left out: their slider's thumb can land a pixel apart after the
     * bar has been laid out differently, which is no part of the frame.
     */
    private static long pixels(LectureView view) {
        long last = drawing(view);
        for (int i = 0; i < 4; i++) {
            long again = drawing(view);
            if (again == last) return last;
            last = again;
        }
        throw new AssertionError("the screen does not settle");
    }

    private static long drawing(LectureView view) {
        view.applyCss();
        view.layout();
        WritableImage image = PngExport.snapshot(view.frameArea(), 1);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        ByteBuffer bytes = ByteBuffer.allocate(argb.length * 4);
        bytes.asIntBuffer().put(argb);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    @Test
    void everySequenceOfKeysComesBackToTheSamePixels(FxRobot robot) throws Exception {
        Lesson lesson = lesson();
        int[] checked = {0};
        robot.interact(() -> checked[0] = walk(view(lesson), 0, 400, 12));
        assertTrue(checked[0] > 150, "only " + checked[0] + " states came back");
    }

    @Test
    void onARealNetworksFrameEverySequenceOfKeysAndPagesComesBackToTheSamePixels(FxRobot robot) throws Exception {
        Lesson lesson = lesson();
        int[] checked = {0};
        robot.interact(() -> checked[0] = walk(view(lesson), lesson.size() - 1, 200, 3));
        assertTrue(checked[0] > 60, "only " + checked[0] + " states came back");
    }

    /**
     * {@code count} random keys from frame {@code first} (→, ←, P, N, and ] and [ on a real network's frame); every
     * state met again must show the same pixels. Returns how many states came back.
     */
    private static int walk(LectureView view, int first, int count, long seed) {
        LectureModel m = view.model();
        for (int i = 0; i < first; i++) m.nextFrame();
        Map<State, Long> seen = new HashMap<>();
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder keys = new StringBuilder();
        int checked = 0;
        for (int i = 0; i < count; i++) {
            State s = state(m);
            long image = pixels(view);
            Long before = seen.putIfAbsent(s, image);
            if (before != null) {
                checked++;
                assertEquals(before, image, "back at frame " + (s.frame() + 1) + " step " + s.shown().stepper().position()
                        + (s.concealed() ? " (hidden)" : "") + " after " + keys);
            }
            int r = random.nextInt(100);
            String key = r < 45 ? "→" : r < 88 ? "←" : r < 93 ? "P" : r < 96 ? "N" : r < 98 ? "]" : "[";
            keys.append(key);
            switch (key) {
                case "→" -> m.forward();
                case "←" -> m.back();
                case "P" -> m.setPredict(!m.predictProperty().get());
                case "N" -> view.followUp();
                default -> view.layerPanel().turnPage(key.equals("]") ? 1 : -1);
            }
        }
        return checked;
    }

    @Test
    void forwardThenBackInPredictModeLeavesNoHiddenCellBehind(FxRobot robot) throws Exception {
        Lesson lesson = lesson();
        robot.interact(() -> {
            LectureView view = view(lesson);
            LectureModel m = view.model();
            for (int k = 0; k < lesson.size(); k++) {
                long start = pixels(view);
                State before = state(m);
                m.setPredict(true);
                for (int i = 0; i < 3; i++) m.forward();
                for (int i = 0; i < 3; i++) m.back();
                m.setPredict(false);
                assertEquals(before, state(m), "frame " + (k + 1));
                assertEquals(start, pixels(view), "frame " + (k + 1) + ": P, → → →, ← ← ←, P shows the start again");
                assertTrue(view.diagram().drawn().stream().noneMatch(d -> d.text().contains("?")), "frame " + (k + 1));
                m.nextFrame();
            }
        });
    }

    @Test
    void thenReluIsAStepThatBackTakesBack(FxRobot robot) throws Exception {
        Lesson lesson = lesson();
        robot.interact(() -> {
            LectureView view = view(lesson);
            LectureModel m = view.model();
            m.jumpTo(3);
            long before = pixels(view);
            State state = state(m);
            view.followUp();
            pixels(view);
            assertEquals(lesson.size() + 1, m.frameCount());
            assertEquals("ReLU of the feature map", m.frame().title());
            assertEquals(List.of(), view.diagram().drawn().stream().filter(d -> "current".equals(d.role())).toList(),
                    "it starts at its first step");
            m.forward();
            m.back();
            m.back();
            assertEquals(state, state(m), "← returns to the convolution where it was, at step 3");
            assertEquals(lesson.size(), m.frameCount(), "and the follow-up is gone");
            assertEquals(before, pixels(view));
        });
    }
}
