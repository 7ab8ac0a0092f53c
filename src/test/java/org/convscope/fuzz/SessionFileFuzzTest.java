package org.convscope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.convscope.io.FileException;
import org.convscope.training.SessionFile;

/**
 * Session files and autosaves: any bytes are a session or are refused in one line, before anything the file claims
 * is allocated. Seeds: {@code SessionFileFuzzTestInputs}.
 */
class SessionFileFuzzTest {
    private static final Path FILE = OneLine.scratch("run.convscope-session");

    @FuzzTest
    void read(byte[] bytes) {
        try {
            SessionFile.read(OneLine.write(FILE, bytes));
        } catch (FileException e) {
            OneLine.assertFit("run.convscope-session", e.getMessage(), bytes);
        }
    }
}
