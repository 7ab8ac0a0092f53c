package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convscope.lecture.Frame;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.Stepper;
import org.convscope.ui.Snapshots;
import org.junit.jupiter.api.Test;

/**
 * Bar 6.2 through the lecture model, as the keys drive it: → n times then ← n times gives back exactly the starting
 * state (frame, step, hidden result), for every kind of stepper, from several start positions, across frame
 * boundaries, with frames that open part-way or at their end, with and without predict-then-reveal.
 */
class LectureModelStepsTest {
    /** One frame per stepper; several open at a step other than 0. */
    private static final String LESSON = """
            {"title": "every stepper", "frames": [
              {"view": "conv", "input": {"random": [2, 5, 5], "seed": 2, "min": -2, "max": 4},
               "kernels": [{"random": [2, 3, 3], "seed": 3, "min": -1, "max": 1}, {"random": [2, 3, 3], "seed": 4}],
               "bias": [1, -1], "stride": 2, "padding": 1},
              {"view": "conv", "input": [[1, 2, 3], [4, 5, 6], [7, 8, 9]], "kernel": [[1, 0], [0, -1]], "position": 3},
              {"view": "relu", "input": [[-1, 2], [3, -4]], "position": "end"},
              {"view": "pool", "kind": "max", "input": [[1, 2, 3, 4], [5, 6, 7, 8], [9, 1, 2, 3], [4, 5, 6, 7]]},
              {"view": "pool", "kind": "average", "window": 3, "stride": 1,
               "input": [[1, 2, 3, 4], [5, 6, 7, 8], [9, 1, 2, 3], [4, 5, 6, 7]], "position": 2},
              {"view": "pool", "kind": "l2", "input": [[1, 2], [3, 4]]},
              {"view": "dense", "inputs": [1, 2, 3], "weights": [[1, 0, -1], [0.5, 2, 1]], "bias": [0, 1], "neuron": 1,
               "position": 1},
              {"view": "conv", "input": [[1, 2], [3, 4]], "kernel": [[1, 1, 1], [1, 1, 1], [1, 1, 1]]},
              {"view": "softmax", "logits": [2, 1, 0.5], "position": 4},
              {"view": "network", "network": "lenet5", "position": 2}
            ]}""";

    private record State(int frame, Frame shown, boolean concealed) {}

    private static State state(LectureModel m) {
        return new State(m.frameIndexProperty().get(), m.frame(), m.concealedProperty().get());
    }

    /** → n times (counting only the presses that move: the lesson's last step stays put), then ← as often. */
    private static void assertForwardThenBackIsExact(LectureModel m, int n, String where) {
        State start = state(m);
        int moved = 0;
        for (int i = 0; i < n; i++) {
            State before = state(m);
            m.forward();
            if (!state(m).equals(before)) moved++;
        }
        for (int i = 0; i < moved; i++) m.back();
        assertEquals(start, state(m), where + ", n " + n);
    }

    @Test
    void forwardThenBackReturnsTheStartingStateForEveryStepperAndStart() throws Exception {
        Lesson lesson = LessonFile.parse(LESSON, Path.of("every-stepper.json"), LessonSources.NONE);
        int checked = Snapshots.onFxThread(() -> {
            LectureModel m = new LectureModel(lesson);
            int count = 0;
            for (boolean predict : new boolean[] {false, true}) {
                for (int k = 0; k < lesson.size(); k++) {
                    Stepper<?> s = lesson.frame(k).stepper();
                    List<Integer> starts = new ArrayList<>(List.of(0, 1, s.position(), s.count() / 2, s.count()));
                    for (int from : starts) {
                        for (int n : new int[] {1, 2, 3, 5, s.count() + 2, 2 * s.count() + 7}) {
                            // a frame entered the way → enters it, then moved on to the start position
                            m.open(lesson);
                            m.setPredict(predict);
                            for (int i = 0; i < k; i++) m.nextFrame();
                            while (m.stepper().position() < from && !m.stepper().atEnd()) m.forward();
                            String where = "frame " + k + " entered, from " + from + (predict ? ", predict" : "");
                            assertForwardThenBackIsExact(m, n, where);
                            // the same position reached by a jump (a click on an output cell)
                            m.jumpTo(from);
                            assertForwardThenBackIsExact(m, n, "frame " + k + " jumped to " + from
                                    + (predict ? ", predict" : ""));
                            count += 2;
                        }
                    }
                }
            }
            return count;
        });
        assertTrue(checked > 500, "checked " + checked + " starts");
    }

    @Test
    void backFromAFrameThatOpensPartWayReturnsToTheEndOfThePreviousFrame() throws Exception {
        Lesson lesson = LessonFile.parse(LESSON, Path.of("every-stepper.json"), LessonSources.NONE);
        Snapshots.onFxThread(() -> {
            LectureModel m = new LectureModel(lesson);
            while (m.frameIndexProperty().get() == 0) m.forward();
            assertEquals(3, m.stepper().position(), "frame 2 opens at step 3");
            m.back();
            assertEquals(0, m.frameIndexProperty().get());
            assertTrue(m.stepper().atEnd());
            m.forward();
            m.forward();
            assertEquals(1, m.frameIndexProperty().get());
            assertEquals(4, m.stepper().position());
            m.reset();
            assertEquals(0, m.stepper().position(), "Home still reaches the steps before the opening one");
            m.back();
            assertEquals(0, m.frameIndexProperty().get());
            return null;
        });
    }

    @Test
    void aFrameKeepsItsEditsWhenTheLectureMovesOnAndComesBack() throws Exception {
        Lesson lesson = LessonFile.parse(LESSON, Path.of("every-stepper.json"), LessonSources.NONE);
        Snapshots.onFxThread(() -> {
            LectureModel m = new LectureModel(lesson);
            Stepper<?> edited = lesson.frame(5).stepper();
            m.replace(edited);
            m.jumpTo(1);
            Frame left = m.frame();
            m.nextFrame();
            m.previousFrame();
            assertEquals(left.stepper().at(0), m.stepper(), "the edited computation, at its floor");
            return null;
        });
    }
}
