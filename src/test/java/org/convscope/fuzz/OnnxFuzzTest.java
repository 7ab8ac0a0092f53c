package org.convscope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.convscope.io.FileException;
import org.convscope.open.Models;

/**
 * ONNX files: any bytes import as a network or are refused in one line, before anything a file claims is allocated.
 * Seeds: {@code OnnxFuzzTestInputs} (small models of the fixtures' operators, and damaged and hostile ones).
 */
class OnnxFuzzTest {
    private static final Path FILE = OneLine.scratch("model.onnx");

    @FuzzTest
    void load(byte[] bytes) {
        try {
            Models.load(OneLine.write(FILE, bytes));
        } catch (FileException e) {
            OneLine.assertFit("model.onnx", e.getMessage(), bytes);
        }
    }
}
