package org.convscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on the whole bundled MNIST (loaded in full, trained on a slice) works in a 512 MB heap; an input that would
 * need more than the launcher's heap to hold the data set is refused before it is allocated.
 */
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

    /**
     * Issue 14's case, with the launcher's JVM options (2 GB, at first 1 GB, Parallel GC): an architecture file with a
     * 150×150 input padded all of MNIST into an OutOfMemoryError. 70,000 images of 150×150 are 1.5 GB, more than half
     * the heap (training needs the rest: with the data in, the first evaluation ran out of memory): refused in one line.
     */
    @Test
    void anInputOf150x150IsRefusedInTheLaunchersHeapInsteadOfRunningOutOfMemory() throws Exception {
        Path arch = Files.writeString(dir.resolve("a150.json"), """
                {"input":[1,150,150],"layers":[{"type":"flatten","name":"f"},{"type":"dense","name":"fc","units":10},
                  {"type":"softmax","name":"s"}]}""");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("log.txt");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx2g", "-Xms1g", "-XX:+UseParallelGC", "--add-modules",
                "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), "org.convscope.Main",
                "train", "--arch", arch.toString(), "--limit", "100", "--epochs", "1", "--out",
                dir.resolve("m.safetensors").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "training did not finish");
        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.startsWith("WARNING: ")).toList();
        assertEquals(1, p.exitValue(), String.join("\n", lines));
        assertEquals(1, lines.size(), String.join("\n", lines));
        assertTrue(lines.getFirst().matches("convscope train: a150\\.json \\(network\\) takes 150×150 images: mnist"
                + "( train)?: its [\\d,]+ images padded to 150×150 need \\d\\.\\d GB.*"), lines.getFirst());
    }
}
