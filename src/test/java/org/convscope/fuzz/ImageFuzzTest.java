package org.convscope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.convscope.data.DatasetException;
import org.convscope.data.ImageInput;
import org.convscope.io.FileException;
import org.convscope.lecture.ImageVolume;

/**
 * Pictures: any bytes become a digit's ink (as {@code convscope classify} and the explorer read them) and a lecture
 * input, or are refused in one line, before a huge size is decoded. Seeds: {@code ImageFuzzTestInputs}.
 */
class ImageFuzzTest {
    private static final Path FILE = OneLine.scratch("digit.png");

    @FuzzTest
    void load(byte[] bytes) {
        OneLine.write(FILE, bytes);
        try {
            ImageInput.load(FILE);
        } catch (DatasetException e) {
            OneLine.assertFit(FILE.toString(), e.getMessage(), bytes);
        }
        try {
            ImageVolume.load(FILE, 8);
        } catch (FileException e) {
            OneLine.assertFit("digit.png", e.getMessage(), bytes);
        }
    }
}
