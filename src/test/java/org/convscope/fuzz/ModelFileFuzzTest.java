package org.convscope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.convscope.io.FileException;
import org.convscope.model.ModelFile;

/** Model files: any bytes load as a network or are refused in one line. Seeds: {@code ModelFileFuzzTestInputs}. */
class ModelFileFuzzTest {
    private static final Path FILE = OneLine.scratch("model.safetensors");

    @FuzzTest
    void load(byte[] bytes) {
        try {
            ModelFile.load(OneLine.write(FILE, bytes));
        } catch (FileException e) {
            OneLine.assertFit("model.safetensors", e.getMessage(), bytes);
        }
    }
}
