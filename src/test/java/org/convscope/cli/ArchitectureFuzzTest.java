package org.convscope.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.convscope.fuzz.OneLine;
import org.convscope.io.FileException;

/**
 * Architecture files as {@code convscope train --arch} reads them: any bytes are a network or one line in words naming
 * the file. Seeds: {@code ArchitectureFuzzTestInputs}.
 */
class ArchitectureFuzzTest {
    private static final Path FILE = OneLine.scratch("arch.json");

    @FuzzTest
    void read(byte[] bytes) {
        try {
            ArchitectureFile.read(OneLine.write(FILE, bytes)).infer();
        } catch (FileException e) {
            OneLine.assertFit("arch.json", e.getMessage(), bytes);
        }
    }
}
