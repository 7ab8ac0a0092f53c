package org.convscope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.convscope.io.FileException;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.TenBlankDigits;

/**
 * Lesson files: any text is a lesson whose every frame steps from start to end, or is refused in one line naming the
 * frame and field. Test digits and the drawing come from a stand-in of ten blank digits. Seeds:
 * {@code LessonFuzzTestInputs}.
 */
class LessonFuzzTest {
    private static final LessonSources TEN_DIGITS = new TenBlankDigits();

    @FuzzTest
    void parse(byte[] bytes) {
        try {
            var lesson = LessonFile.parse(new String(bytes, StandardCharsets.UTF_8), Path.of("lesson.json"), TEN_DIGITS);
            for (var frame : lesson.frames()) {
                var stepper = frame.stepper();
                stepper.at(stepper.count()).explain();
                stepper.at(0).explain();
            }
        } catch (FileException e) {
            OneLine.assertFit("lesson.json", e.getMessage(), bytes);
        }
    }
}
