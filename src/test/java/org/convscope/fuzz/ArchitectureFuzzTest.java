package org.convscope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.convscope.engine.spec.InvalidNetworkException;
import org.convscope.engine.spec.NetworkSpecJson;
import org.convscope.io.FileException;

/**
 * Architecture JSON (files given to {@code convscope train --arch}, and the architecture inside model and session
 * files): any text is a network or an explanation in words, shown as every reader shows it, after the file's name.
 * Seeds: {@code ArchitectureFuzzTestInputs}.
 */
class ArchitectureFuzzTest {
    @FuzzTest
    void parse(byte[] bytes) {
        try {
            NetworkSpecJson.fromJson(new String(bytes, StandardCharsets.UTF_8)).infer();
        } catch (InvalidNetworkException e) {
            OneLine.assertFit("arch.json", new FileException(Path.of("arch.json"), e.getMessage()).getMessage(), bytes);
        }
    }
}
