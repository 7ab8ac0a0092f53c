package org.convscope.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two apps running at once never share an autosave, and the second never takes the first's live autosave for a
 * crash's; once the first has gone, a new app finds what it left.
 */
class AutosaveSlotTest {
    @TempDir
    Path dir;

    @Test
    void aSecondAppInThisProcessGetsASlotOfItsOwn() throws Exception {
        Path first;
        try (Autosave.Slot one = Autosave.claim(dir)) {
            first = one.file();
            Files.writeString(first, "the first app's live autosave");
            try (Autosave.Slot two = Autosave.claim(dir)) {
                assertNotEquals(first, two.file());
                assertTrue(Autosave.recover(two.file()).isEmpty(), "nothing to recover in a slot of its own");
                assertTrue(Files.exists(first), "the first app's autosave is left where it is");
            }
        }
        try (Autosave.Slot again = Autosave.claim(dir)) {
            assertEquals(first, again.file(), "the first slot is free again");
            assertTrue(Autosave.recover(again.file()).isPresent(), "what the first app left is offered");
        }
    }

    @Test
    void anAppInAnotherProcessHoldsItsSlotUntilItEnds() throws Exception {
        Process other = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            Path held = Path.of(out.readLine());
            try (Autosave.Slot mine = Autosave.claim(dir)) {
                assertNotEquals(held, mine.file(), "the other process's slot is taken");
            }
            other.getOutputStream().close(); // the other app ends
            assertEquals(0, other.waitFor());
            try (Autosave.Slot mine = Autosave.claim(dir)) {
                assertEquals(held, mine.file(), "free once the other process has ended");
            }
        } finally {
            other.destroy();
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Another app: claims a slot in the folder given, prints its file and holds it until its input closes. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (Autosave.Slot slot = Autosave.claim(Path.of(args[0]))) {
                System.out.println(slot.file());
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the end of the input
                }
            }
        }
    }

}
