package org.convscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on the whole bundled MNIST (loaded in full, trained on a slice) works in a 512 MB heap. */
class MemoryTest {
    @TempDir
    Path dir;

    @Test
    void trainingFitsIn512MegabyteHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = dir.resolve("m.safetensors");
        Path log = dir.resolve("log.txt");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), "org.convscope.Main",
                "train", "--limit", "1280", "--epochs", "1", "--threads", "2", "--json", "--out", out.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "training did not finish");
        assertEquals(0, p.exitValue(), Files.readString(log));
        assertTrue(Files.readString(log).contains("\"test_accuracy\""), Files.readString(log));
        assertTrue(Files.size(out) > 200_000);
    }
}
