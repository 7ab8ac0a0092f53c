package org.convscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileExceptionTest {
    @Test
    void aProblemIsOneShortLineWithoutGsonsLinkForProgrammers() {
        FileException e = new FileException(Path.of("/models/net.json"), "architecture is not valid JSON: Unterminated"
                + " array at line 1 column 188 path $.layers[3]\nSee https://github.com/google/gson/blob/main/"
                + "Troubleshooting.md#malformed-json");
        assertEquals("net.json: architecture is not valid JSON: Unterminated array at line 1 column 188 path $.layers[3]",
                e.getMessage());
    }

    @Test
    void aLongProblemIsCapped() {
        FileException e = new FileException(Path.of("a.bin"), "x".repeat(10_000));
        assertEquals(FileException.MAX_LINE, e.getMessage().length(), "name and problem together");
        assertTrue(e.problem().endsWith("…"));
        FileException longName = new FileException(Path.of("run-" + "0".repeat(300) + ".png"), "y".repeat(10_000));
        assertEquals(FileException.MAX_LINE, longName.getMessage().length(), "a long name leaves the problem less room");
        assertTrue(longName.problem().length() >= FileException.MAX_LINE - FileException.MAX_NAME - 2);
    }

    @Test
    void aLongFileNameKeepsItsStartAndEnd() {
        String name = "run-" + "0".repeat(300) + ".convscope-session";
        String shown = FileException.displayName(Path.of(name));
        assertEquals(FileException.MAX_NAME, shown.length());
        assertTrue(shown.startsWith("run-000") && shown.endsWith("0.convscope-session"), shown);
    }

    @Test
    void aQuotedValueIsCutAndSaysHowLongItWas() {
        assertEquals("short", FileException.cut("short"));
        String cut = FileException.cut("v".repeat(5000));
        assertEquals(FileException.MAX_VALUE, cut.length());
        assertTrue(cut.endsWith("… (5000 characters)"), cut);
        assertEquals("a b", FileException.cut("a\u0007b"));
    }
}
